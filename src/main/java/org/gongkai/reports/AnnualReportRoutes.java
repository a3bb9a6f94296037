package org.gongkai.reports;

import io.javalin.http.Context;
import org.gongkai.applications.ApplicationStore;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * GET /api/reports/annual?year=YYYY[&department=CODE][&format=json|csv]: the annual report's tables for one
 * department or (without department) the whole government, all departments added up. So far table 3 (applications).
 */
public final class AnnualReportRoutes {
    private final ApplicationStore applications;
    private final Predicate<String> departmentExists;
    private final Clock clock;
    private final ZoneId zone;

    public AnnualReportRoutes(ApplicationStore applications, Predicate<String> departmentExists, Clock clock, ZoneId zone) {
        this.applications = applications;
        this.departmentExists = departmentExists;
        this.clock = clock;
        this.zone = zone;
    }

    public void annual(Context ctx) {
        int thisYear = LocalDate.now(clock.withZone(zone)).getYear();
        int year = Requests.intQuery(ctx, "year", thisYear - 1, 2008, thisYear); // the regulation took effect in 2008
        String department = Requests.query(ctx, "department", 64);
        Requests.require(department == null || departmentExists.test(department), "department", "'" + department + "' is not a known department");
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        Requests.require(format.equals("json") || format.equals("csv"), "format", "must be json or csv");
        ApplicationsTable.Table table3 = ApplicationsTable.of(applications.all(department), year);
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition",
                    "attachment; filename=\"annual-" + year + (department == null ? "" : "-" + department) + "-table3.csv\"");
            ctx.result(csv(table3));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("department", department);
        body.put("table3", table3);
        ctx.json(body);
    }

    /** Table 3 as rows and columns, with a BOM so that spreadsheet programs read the Chinese right. */
    static String csv(ApplicationsTable.Table t) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("分组,项目");
        t.columns().forEach(c -> out.append(',').append(cell(c.name())));
        out.append("\r\n");
        for (ApplicationsTable.Row r : t.rows()) {
            out.append(cell(r.group() == null ? "" : r.group())).append(',').append(cell(r.name()));
            t.columns().forEach(c -> out.append(',').append(r.cells().get(c.code())));
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
