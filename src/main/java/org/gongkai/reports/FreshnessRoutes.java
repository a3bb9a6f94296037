package org.gongkai.reports;

import io.javalin.http.Context;
import org.gongkai.web.Csv;
import org.gongkai.web.Requests;

import java.text.Collator;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * GET /api/reports/freshness: how often each department publishes, against the rule "at least one update a week,
 * a notice every month" (一周一更新、一月一通报). Staff only; JSON or, with format=csv, a spreadsheet download.
 */
public final class FreshnessRoutes {
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FreshnessStore store;
    private final ZoneId zone;
    private final Clock clock;

    public FreshnessRoutes(FreshnessStore store, ZoneId zone, Clock clock) {
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    public record Department(String code, String name, OffsetDateTime lastPublishedAt, long publishedThisWeek,
                             long publishedThisMonth, boolean stale) {}

    public record Report(LocalDate date, String zone, FreshnessStore.Period week, FreshnessStore.Period month,
                         FreshnessStore.Period staleWindow, List<Department> departments) {}

    public void report(Context ctx) {
        LocalDate date = Requests.dateQuery(ctx, "date", LocalDate.now(clock.withZone(zone)));
        Report report = report(date);
        if ("csv".equals(ctx.queryParam("format"))) {
            Csv.send(ctx, "freshness-" + date + ".csv", csv(report));
        } else {
            ctx.json(report);
        }
    }

    /** The report for the day: the ISO week and calendar month containing it, and the seven days that end with it. */
    Report report(LocalDate date) {
        LocalDate monday = date.with(DayOfWeek.MONDAY);
        FreshnessStore.Period week = period(monday, monday.plusWeeks(1));
        FreshnessStore.Period month = period(date.withDayOfMonth(1), date.withDayOfMonth(1).plusMonths(1));
        FreshnessStore.Period recent = period(date.minusDays(6), date.plusDays(1));
        List<Department> departments = store.counts(week, month, recent).stream()
                .map(r -> new Department(r.code(), r.name(),
                        r.lastPublishedAt() == null ? null : r.lastPublishedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                        r.inWeek(), r.inMonth(), r.inRecent() == 0))
                .sorted(Comparator.comparing(Department::stale).reversed()
                        .thenComparing(Department::name, Collator.getInstance(Locale.CHINA)) // pinyin order
                        .thenComparing(Department::code))
                .toList();
        return new Report(date, zone.getId(), week, month, recent, departments);
    }

    private FreshnessStore.Period period(LocalDate from, LocalDate to) {
        return new FreshnessStore.Period(from.atStartOfDay(zone).toOffsetDateTime(), to.atStartOfDay(zone).toOffsetDateTime());
    }

    private String csv(Report report) {
        StringBuilder csv = new StringBuilder(Csv.BOM + "部门代码,部门,最近发布,本周发布,本月发布,是否超过一周未更新" + Csv.NEWLINE);
        for (Department d : report.departments()) {
            csv.append(Csv.cell(d.code())).append(',').append(Csv.cell(d.name())).append(',')
                    .append(d.lastPublishedAt() == null ? "" : CSV_TIME.format(d.lastPublishedAt())).append(',')
                    .append(d.publishedThisWeek()).append(',').append(d.publishedThisMonth()).append(',')
                    .append(d.stale() ? "是" : "否").append(Csv.NEWLINE);
        }
        return csv.toString();
    }
}
