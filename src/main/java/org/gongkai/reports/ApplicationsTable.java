package org.gongkai.reports;

import org.gongkai.applications.Application;
import org.gongkai.applications.NationalFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Table 3 of the annual report (收到和处理政府信息公开申请情况) for one year, counted from the applications: new this
 * year, carried over from last year, every result closed this year with its sub-reason, their total, and what is
 * carried to next year; in columns by kind of applicant. What was not recorded (applications from before the national
 * terms were) is counted in its own column and row, never guessed; the national columns leave it out. balanced: new
 * and carried over equal closed and carried on, in every column; complete: nothing is unrecorded.
 */
public final class ApplicationsTable {
    public static final String UNRECORDED = "unrecorded";
    public static final String ORGANISATIONS = "organisations";
    public static final String TOTAL = "total";

    private static final List<NationalFormat.Term> COLUMNS = List.copyOf(columns());

    public record Row(String code, String group, String name, Map<String, Long> cells) {}

    public record Table(int year, List<NationalFormat.Term> columns, List<Row> rows, boolean balanced, boolean complete) {}

    private ApplicationsTable() {}

    public static Table of(List<Application> all, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Row> rows = new ArrayList<>();
        rows.add(row("new", null, "一、本年新收政府信息公开申请数量", all, a -> a.receivedOn().getYear() == year));
        rows.add(row("carried_in", null, "二、上年结转政府信息公开申请数量", all,
                a -> a.receivedOn().isBefore(first) && !closedBefore(a, first)));
        Predicate<Application> closedThisYear = a -> a.answeredOn() != null && a.answeredOn().getYear() == year
                && "answered".equals(a.status());
        NationalFormat.RESULT_GROUPS.forEach((group, terms) -> {
            for (NationalFormat.Term t : terms) {
                rows.add(row(t.code(), group, t.name(), all, a -> closedThisYear.test(a) && t.code().equals(a.result())));
            }
        });
        rows.add(row("result_" + UNRECORDED, "三、本年度办理结果", "结果未按国家格式记录", all,
                a -> closedThisYear.test(a) && a.result() == null));
        rows.add(row("closed_total", "三、本年度办理结果", "（七）总计", all, closedThisYear));
        rows.add(row("carried_out", null, "四、结转下年度继续办理", all,
                a -> !a.receivedOn().isAfter(last) && !closedBefore(a, last.plusDays(1))));
        Map<String, Row> byCode = new LinkedHashMap<>();
        rows.forEach(r -> byCode.put(r.code(), r));
        boolean balanced = true;
        for (NationalFormat.Term c : COLUMNS) {
            String column = c.code();
            long in = byCode.get("new").cells().get(column) + byCode.get("carried_in").cells().get(column);
            long out = byCode.get("closed_total").cells().get(column) + byCode.get("carried_out").cells().get(column);
            balanced &= in == out;
        }
        boolean nothingUnrecorded = rows.stream().allMatch(r -> r.cells().get(UNRECORDED) == 0)
                && byCode.get("result_" + UNRECORDED).cells().get(TOTAL) == 0;
        return new Table(year, COLUMNS, rows, balanced, nothingUnrecorded);
    }

    /** The national columns, then the organisations' subtotal, the total, and what was not recorded. */
    private static List<NationalFormat.Term> columns() {
        List<NationalFormat.Term> columns = new ArrayList<>(NationalFormat.APPLICANT_TYPES);
        columns.add(1, new NationalFormat.Term(ORGANISATIONS, "法人或其他组织（小计）"));
        columns.add(new NationalFormat.Term(TOTAL, "总计"));
        columns.add(new NationalFormat.Term(UNRECORDED, "申请人类型未记录（不计入国家格式各栏，计入总计）"));
        return columns;
    }

    private static boolean closedBefore(Application a, LocalDate day) {
        return "answered".equals(a.status()) && a.answeredOn() != null && a.answeredOn().isBefore(day);
    }

    private static Row row(String code, String group, String name, List<Application> all, Predicate<Application> counts) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (NationalFormat.Term c : COLUMNS) cells.put(c.code(), 0L);
        for (Application a : all) {
            if (!counts.test(a)) continue;
            String type = a.applicantType() == null ? UNRECORDED : a.applicantType();
            cells.merge(type, 1L, Long::sum);
            if (!type.equals(UNRECORDED) && !type.equals(NationalFormat.NATURAL_PERSON)) cells.merge(ORGANISATIONS, 1L, Long::sum);
            cells.merge(TOTAL, 1L, Long::sum);
        }
        return new Row(code, group, name, cells);
    }
}
