package org.gongkai.reports;

import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * SQL for the freshness report: per department, what it brought to the public, counted at the time a reviewer
 * approved it: each first publication and each approved change to a published item ('approve' in item_history), each
 * alert issued or re-issued ('issue'), and content imported as approved elsewhere ('import', dated by its own
 * approval). The history is kept when an item is later withdrawn, so those still count.
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
                        SELECT d.code, d.name, MAX(e.at) AS last_published,
                          SUM(CASE WHEN e.at >= :weekFrom AND e.at < :weekTo THEN 1 ELSE 0 END) AS in_week,
                          SUM(CASE WHEN e.at >= :monthFrom AND e.at < :monthTo THEN 1 ELSE 0 END) AS in_month,
                          SUM(CASE WHEN e.at >= :recentFrom AND e.at < :recentTo THEN 1 ELSE 0 END) AS in_recent
                        FROM departments d LEFT JOIN (
                          SELECT i.department, h.at FROM item_history h JOIN items i ON i.id = h.item_id
                          WHERE h.action IN (<approvals>)) e ON e.department = d.code
                        GROUP BY d.code, d.name""")
                .bindList("approvals", org.gongkai.content.HistoryAction.PUBLISHING_CODES)
                .bind("weekFrom", week.from()).bind("weekTo", week.to())
                .bind("monthFrom", month.from()).bind("monthTo", month.to())
                .bind("recentFrom", recent.from()).bind("recentTo", recent.to())
                .map((rs, ctx) -> new Row(rs.getString("code"), rs.getString("name"),
                        rs.getObject("last_published", OffsetDateTime.class), rs.getLong("in_week"),
                        rs.getLong("in_month"), rs.getLong("in_recent")))
                .list());
    }
}
