package org.gongkai.reports;

import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * SQL for the freshness report: per department, publications counted by items.published_at, which is set when an
 * item is first published (directly or on approval) and kept when it is later withdrawn.
 */
public final class FreshnessStore {
    private final Jdbi jdbi;

    public FreshnessStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A half-open span of time [from, to). */
    public record Period(OffsetDateTime from, OffsetDateTime to) {}

    public record Row(String code, String name, OffsetDateTime lastPublishedAt, long inWeek, long inMonth, long inRecent) {}

    /** Every department, also those that never published, with its counts in the three periods. */
    public List<Row> counts(Period week, Period month, Period recent) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.code, d.name, MAX(i.published_at) AS last_published,
                          SUM(CASE WHEN i.published_at >= :weekFrom AND i.published_at < :weekTo THEN 1 ELSE 0 END) AS in_week,
                          SUM(CASE WHEN i.published_at >= :monthFrom AND i.published_at < :monthTo THEN 1 ELSE 0 END) AS in_month,
                          SUM(CASE WHEN i.published_at >= :recentFrom AND i.published_at < :recentTo THEN 1 ELSE 0 END) AS in_recent
                        FROM departments d LEFT JOIN items i ON i.department = d.code AND i.published_at IS NOT NULL
                        GROUP BY d.code, d.name""")
                .bind("weekFrom", week.from()).bind("weekTo", week.to())
                .bind("monthFrom", month.from()).bind("monthTo", month.to())
                .bind("recentFrom", recent.from()).bind("recentTo", recent.to())
                .map((rs, ctx) -> new Row(rs.getString("code"), rs.getString("name"),
                        rs.getObject("last_published", OffsetDateTime.class), rs.getLong("in_week"),
                        rs.getLong("in_month"), rs.getLong("in_recent")))
                .list());
    }
}
