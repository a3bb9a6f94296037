package org.gongkai.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一周一更新、一月一通报: per department, what it published in the week and month of a day and whether it went a week
 * without an update. Publication times are set in the database so that the week and month edges can be tested.
 * The report day is Wednesday 2026-11-25: week 11-23..11-30, month 11-01..12-01, the last seven days 11-19..11-26.
 */
class FreshnessTest extends ServerTest {
    static final String REPORT = "/api/reports/freshness?date=2026-11-25";

    @BeforeAll
    static void publications() throws Exception {
        assertThat(admin.post("/api/departments", "{\"code\":\"edu\",\"name\":\"县教育局\"}").status()).isEqualTo(201);
        assertThat(admin.post("/api/departments", "{\"code\":\"evil\",\"name\":\"=HYPERLINK(\\\"http://x\\\")\"}").status()).isEqualTo(201);
        publishedAt("hrss", "2026-11-23T00:00:00+08:00");   // first instant of the week
        publishedAt("hrss", "2026-11-22T23:59:59+08:00");   // last second of the week before: month only
        publishedAt("hrss", "2026-10-31T23:59:59+08:00");   // the month before
        publishedAt("weather", "2026-11-18T23:59:59+08:00"); // one second before the seven days: month only
        publishedAt("weather", "2026-11-30T00:00:00+08:00"); // next week, still this month
        publishedAt("weather", "2026-12-01T00:00:00+08:00"); // next month
        var draft = Fixtures.notice("教育局草稿");
        draft.put("department", "edu").put("status", "draft");
        Fixtures.create(admin, draft); // never published: does not count
    }

    /** Creates a published item of the department through the API and moves its approval (publication) time. */
    static void publishedAt(String department, String at) throws Exception {
        var item = Fixtures.notice(department + " " + at);
        item.put("department", department);
        long id = Fixtures.create(admin, item).get("id").asLong();
        try (Connection c = server.dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE items SET published_at = ?, approved_at = ? WHERE id = ?");
             PreparedStatement approval = c.prepareStatement("UPDATE item_history SET at = ? WHERE item_id = ? AND action = 'approve'")) {
            st.setObject(1, OffsetDateTime.parse(at));
            st.setObject(2, OffsetDateTime.parse(at));
            st.setLong(3, id);
            assertThat(st.executeUpdate()).isEqualTo(1);
            approval.setObject(1, OffsetDateTime.parse(at));
            approval.setLong(2, id);
            assertThat(approval.executeUpdate()).isEqualTo(1);
        }
    }

    static JsonNode department(JsonNode report, String code) {
        for (JsonNode d : report.get("departments")) if (d.get("code").asText().equals(code)) return d;
        throw new AssertionError("no department " + code + " in " + report);
    }

    @Test
    void countsTheWeekAndMonthOfTheDayAndFlagsDepartmentsWithoutAnUpdateInSevenDays() {
        Http.Response r = admin.get(REPORT);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("date").asText()).isEqualTo("2026-11-25");
        assertThat(report.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(report.get("week").get("from").asText()).isEqualTo("2026-11-23T00:00:00+08:00");
        assertThat(report.get("week").get("to").asText()).isEqualTo("2026-11-30T00:00:00+08:00");
        assertThat(report.get("month").get("from").asText()).isEqualTo("2026-11-01T00:00:00+08:00");
        assertThat(report.get("month").get("to").asText()).isEqualTo("2026-12-01T00:00:00+08:00");
        assertThat(report.get("staleWindow").get("from").asText()).isEqualTo("2026-11-19T00:00:00+08:00");
        assertThat(report.get("staleWindow").get("to").asText()).isEqualTo("2026-11-26T00:00:00+08:00");

        JsonNode hrss = department(report, "hrss");
        assertThat(hrss.get("name").asText()).isEqualTo("县人力资源和社会保障局");
        assertThat(hrss.get("lastPublishedAt").asText()).isEqualTo("2026-11-23T00:00:00+08:00");
        assertThat(hrss.get("publishedThisWeek").asLong()).isEqualTo(1);
        assertThat(hrss.get("publishedThisMonth").asLong()).isEqualTo(2);
        assertThat(hrss.get("stale").asBoolean()).isFalse();

        JsonNode weather = department(report, "weather");
        assertThat(weather.get("lastPublishedAt").asText()).isEqualTo("2026-12-01T00:00:00+08:00");
        assertThat(weather.get("publishedThisWeek").asLong()).isZero();
        assertThat(weather.get("publishedThisMonth").asLong()).isEqualTo(2);
        assertThat(weather.get("stale").asBoolean()).isTrue();

        JsonNode edu = department(report, "edu");
        assertThat(edu.get("lastPublishedAt").isNull()).isTrue();
        assertThat(edu.get("publishedThisWeek").asLong()).isZero();
        assertThat(edu.get("publishedThisMonth").asLong()).isZero();
        assertThat(edu.get("stale").asBoolean()).isTrue();

        List<String> order = new ArrayList<>();
        report.get("departments").forEach(d -> order.add(d.get("code").asText()));
        // stale first, then by name in pinyin order: =HYPERLINK…, 县教育局 (jiao), 县气象局 (qi); then 县人力… alone
        assertThat(order).containsExactly("evil", "edu", "weather", "hrss");
    }

    @Test
    void aDayInTheNextWeekMovesTheWeekAndTheSevenDaysButNotTheMonth() {
        JsonNode report = admin.get("/api/reports/freshness?date=2026-11-30").json();
        assertThat(report.get("week").get("from").asText()).isEqualTo("2026-11-30T00:00:00+08:00");
        JsonNode weather = department(report, "weather");
        assertThat(weather.get("publishedThisWeek").asLong()).isEqualTo(2); // 11-30 00:00 and 12-01 00:00
        assertThat(weather.get("publishedThisMonth").asLong()).isEqualTo(2);
        assertThat(weather.get("stale").asBoolean()).isFalse();
        JsonNode hrss = department(report, "hrss");
        assertThat(hrss.get("publishedThisWeek").asLong()).isZero();
        assertThat(hrss.get("stale").asBoolean()).isTrue(); // its last, 11-23 00:00, is before the seven days 11-24..12-01
    }

    @Test
    void withoutADateTheReportIsForTodayInTheDisplayZone() {
        JsonNode report = admin.get("/api/reports/freshness").json();
        assertThat(report.get("date").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    }

    @Test
    void csvIsForExcelWithChineseHeadersAndNoFormulas() {
        Http.Response r = admin.get(REPORT + "&format=csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"freshness-2026-11-25.csv\"");
        assertThat(r.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(r.body().split("\r\n")).containsExactly(
                "\uFEFF部门代码,部门,最近发布,本周发布,本月发布,是否超过一周未更新",
                "\"evil\",\"'=HYPERLINK(\"\"http://x\"\")\",,0,0,是",
                "\"edu\",\"县教育局\",,0,0,是",
                "\"weather\",\"县气象局\",2026-12-01 00:00,0,2,是",
                "\"hrss\",\"县人力资源和社会保障局\",2026-11-23 00:00,1,2,否");
    }

    @Test
    void aBadDateIs400NamingTheFieldAndAnonymousIs401() {
        for (String bad : new String[]{"2026-13-01", "25.11.2026", "2026-11-25T00:00"}) {
            Http.Response r = admin.get("/api/reports/freshness?date=" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("date");
        }
        assertThat(server.anonymous().get(REPORT).status()).isEqualTo(401);
        assertThat(server.anonymous().get(REPORT + "&format=csv").status()).isEqualTo(401);
    }
}
