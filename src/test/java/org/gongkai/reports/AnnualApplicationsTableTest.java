package org.gongkai.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 3 of the annual report from a year of applications whose every cell is worked out by hand below: new,
 * carried over, each result with its sub-reason, the total and what goes on to next year, by kind of applicant, with
 * what was not recorded counted apart.
 */
class AnnualApplicationsTableTest {
    static TestServer server;
    static Http admin;
    static int year; // last year, so that every date of it is in the past
    static final String[] COLUMNS = {"natural_person", "organisations", "commercial", "research", "public_interest",
            "legal_service", "other_org", "total", "unrecorded"};

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
        Fixtures.basics(admin);
        year = LocalDate.now(server.config().display().zone()).getYear() - 1;
        answered(apply("A1 上年收到、今年答复", day(-1, 12, 10), "natural_person", null), "disclosed", null, day(0, 1, 15));
        answered(apply("A2 上年收到、上年答复", day(-1, 11, 1), "commercial", null), "partly", null, day(-1, 12, 20));
        answered(apply("A3 今年收到、不予公开", day(0, 3, 1), "natural_person", null), "withheld_4", null, day(0, 3, 20));
        answered(apply("A4 科研机构、部分公开", day(0, 5, 1), "research", null), "partly", null, day(0, 6, 1));
        apply("A5 年底收到、未办结", day(0, 12, 20), "legal_service", null);
        apply("A6 上年收到、仍未办结", day(-1, 6, 1), "natural_person", null);
        answered(apply("A7 只记了答复类型", day(0, 7, 1), "natural_person", null), null, "published", day(0, 8, 1));
        answered(apply("A8 申请人类型未记录", day(0, 2, 2), null, null), "not_processed_2", null, day(0, 2, 20));
        apply("A9 今年（报告年之后）收到", LocalDate.now(server.config().display().zone()), "natural_person", null);
        apply("A10 人社局的申请", day(0, 4, 4), "public_interest", "hrss");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static LocalDate day(int yearsAfter, int month, int dayOfMonth) {
        return LocalDate.of(year + yearsAfter, month, dayOfMonth);
    }

    static String apply(String subject, LocalDate received, String type, String department) {
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("channel", "letter")
                .put("subject", subject).put("applicant", "申请人").put("receivedOn", received.toString());
        if (type != null) body.put("applicantType", type);
        if (department != null) body.put("department", department);
        Http.Response r = admin.post("/api/applications", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asText();
    }

    static void answered(String number, String result, String replyType, LocalDate on) {
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("status", "answered").put("on", on.toString());
        if (result != null) body.put("result", result);
        if (replyType != null) body.put("replyType", replyType);
        Http.Response r = admin.post("/api/applications/" + number + "/status", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Expected cells of one row: column=count pairs; every other column 0. */
    static Map<String, Long> cells(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String c : COLUMNS) m.put(c, 0L);
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        return m;
    }

    static Map<String, Long> actual(JsonNode table, String row) {
        for (JsonNode r : table.get("rows")) {
            if (!r.get("code").asText().equals(row)) continue;
            Map<String, Long> m = new LinkedHashMap<>();
            for (String c : COLUMNS) m.put(c, r.get("cells").get(c).asLong());
            return m;
        }
        throw new AssertionError("no row " + row);
    }

    @Test
    void everyCellOfTheWholeGovernmentsTable() {
        JsonNode t = admin.get("/api/reports/annual?year=" + year).json().get("table3");
        // new this year: A3, A7 (natural persons), A4 (research), A5 (legal service), A10 (public interest), A8 (not recorded)
        assertThat(actual(t, "new")).isEqualTo(cells("natural_person", 2, "research", 1, "legal_service", 1,
                "public_interest", 1, "organisations", 3, "unrecorded", 1, "total", 6));
        // from last year, not closed before this year: A1 (closed this year), A6 (still open)
        assertThat(actual(t, "carried_in")).isEqualTo(cells("natural_person", 2, "total", 2));
        assertThat(actual(t, "disclosed")).isEqualTo(cells("natural_person", 1, "total", 1)); // A1
        assertThat(actual(t, "partly")).isEqualTo(cells("research", 1, "organisations", 1, "total", 1)); // A4 (A2: last year)
        assertThat(actual(t, "withheld_4")).isEqualTo(cells("natural_person", 1, "total", 1)); // A3
        assertThat(actual(t, "not_processed_2")).isEqualTo(cells("unrecorded", 1, "total", 1)); // A8
        assertThat(actual(t, "result_unrecorded")).isEqualTo(cells("natural_person", 1, "total", 1)); // A7: reply type only
        for (String untouched : new String[]{"withheld_1", "withheld_8", "unavailable_1", "unavailable_3", "not_processed_5", "other_3"}) {
            assertThat(actual(t, untouched)).as(untouched).isEqualTo(cells());
        }
        // closed this year: A1, A3, A7, A4, A8
        assertThat(actual(t, "closed_total")).isEqualTo(cells("natural_person", 3, "research", 1, "organisations", 1,
                "unrecorded", 1, "total", 5));
        // on to next year: A6, A5, A10
        assertThat(actual(t, "carried_out")).isEqualTo(cells("natural_person", 1, "legal_service", 1, "public_interest", 1,
                "organisations", 2, "total", 3));
        assertThat(t.get("balanced").asBoolean()).as("6 + 2 = 5 + 3, and so in every column").isTrue();
        assertThat(t.get("complete").asBoolean()).as("A7 and A8 were not recorded in the national terms").isFalse();
        assertThat(t.get("rows").size()).as("new, carried over, 21 results, not recorded, total, carried on").isEqualTo(26);
    }

    @Test
    void aDepartmentsTableCountsItsOwnAndCsvAndBadInputs() {
        JsonNode t = admin.get("/api/reports/annual?year=" + year + "&department=hrss").json().get("table3");
        assertThat(actual(t, "new")).isEqualTo(cells("public_interest", 1, "organisations", 1, "total", 1)); // A10
        assertThat(actual(t, "carried_out")).isEqualTo(cells("public_interest", 1, "organisations", 1, "total", 1));
        assertThat(actual(t, "carried_in")).isEqualTo(cells());
        assertThat(t.get("complete").asBoolean()).isTrue();

        Http.Response csv = admin.get("/api/reports/annual?year=" + year + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF分组,项目,\"自然人\",\"法人或其他组织（小计）\"");
        assertThat(lines[1]).isEqualTo("\"\",\"一、本年新收政府信息公开申请数量\",2,3,0,1,1,1,0,6,1");

        for (String bad : new String[]{"year=1999", "year=" + (year + 2), "year=abc", "department=nowhere", "format=xlsx"}) {
            Http.Response r = admin.get("/api/reports/annual?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
        }
        assertThat(admin.post("/api/applications", "{\"channel\":\"letter\",\"subject\":\"x\",\"applicant\":\"y\",\"applicantType\":\"company\"}")
                .json().get("field").asText()).isEqualTo("applicantType");
        assertThat(server.anonymous().get("/api/reports/annual").status()).isEqualTo(401);
    }
}
