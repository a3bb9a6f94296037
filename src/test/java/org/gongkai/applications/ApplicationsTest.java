package org.gongkai.applications;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Disclosure on request: staff register and move applications; a citizen looks one up with number and code. */
class ApplicationsTest {
    static TestServer server;
    static Http admin;
    static Http citizen;

    @BeforeAll
    static void start() {
        // Behind a trusted proxy the caller's address comes from X-Forwarded-For: the tests act from several addresses.
        server = TestServer.start(false, c -> c.withServer(new org.gongkai.config.Config.Server("127.0.0.1", 0,
                c.server().publicBaseUrl(), c.server().maxBodyBytes(), false, true)));
        admin = server.admin();
        org.gongkai.support.Fixtures.basics(admin);
        citizen = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode create(String subject) {
        Http.Response r = admin.post("/api/applications", "{\"channel\":\"in_person\",\"subject\":\"" + subject
                + "\",\"applicant\":\"张三\",\"contact\":\"13800000000\",\"receivedOn\":\"" + LocalDate.now().minusDays(2) + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static Http.Response lookup(String number, String code) {
        return citizen.get(lookupPath(number, code));
    }

    static String lookupPath(String number, String code) {
        return "/api/applications/lookup?number=" + number + "&code=" + code;
    }

    static Http from(String address) {
        return server.anonymous().withHeader("X-Forwarded-For", address);
    }

    @Test
    void theApplicantSeesTheStateAndDeadlineAndNothingPersonal() {
        JsonNode created = create("2025年本镇道路建设项目资金使用情况");
        String number = created.get("number").asText();
        String code = created.get("checkCode").asText();
        assertThat(number).matches("YSQ\\d{4}-\\d{6}");
        assertThat(code).matches("[0-9A-Z]{8}");

        JsonNode seen = lookup(number, code.toLowerCase()).json();
        assertThat(seen.get("status").asText()).isEqualTo("received");
        assertThat(seen.get("statusName").asText()).isEqualTo("已收到");
        assertThat(seen.get("workingDaysLeft").asInt()).isBetween(15, 20);
        int deadlineYear = LocalDate.parse(seen.get("deadline").asText()).getYear();
        boolean covered = admin.get("/api/work-calendar").json().get("years").findValuesAsText("year").contains(String.valueOf(deadlineYear));
        assertThat(seen.get("calendarComplete").asBoolean()).as("a holiday notice for every year it spans").isEqualTo(covered);
        assertThat(seen.has("applicant")).isFalse();
        assertThat(seen.has("contact")).isFalse();
        assertThat(seen.has("subject")).isFalse();

        LocalDate before = LocalDate.parse(seen.get("deadline").asText());
        JsonNode extended = admin.post("/api/applications/" + number + "/status", "{\"status\":\"extended\"}").json();
        assertThat(LocalDate.parse(extended.get("deadline").asText())).isAfter(before.plusDays(25));
        assertThat(admin.post("/api/applications/" + number + "/status", "{\"status\":\"extended\"}").json().get("field").asText())
                .isEqualTo("status");

        JsonNode answered = admin.post("/api/applications/" + number + "/status", "{\"status\":\"answered\",\"replyType\":\"partly\"}").json();
        assertThat(answered.get("statusName").asText()).isEqualTo("已答复（已延期）");
        assertThat(lookup(number, code).json().get("replyName").asText()).isEqualTo("部分公开");
    }

    @Test
    void aCorrectionStopsTheClockAndTheCorrectedRequestRestartsIt() {
        JsonNode created = create("某企业环评报告");
        String number = created.get("number").asText();
        JsonNode waiting = admin.post("/api/applications/" + number + "/status", "{\"status\":\"correction_requested\"}").json();
        assertThat(waiting.has("deadline")).isFalse();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")); // the server counts in display.timezone
        JsonNode again = admin.post("/api/applications/" + number + "/status", "{\"status\":\"handling\",\"on\":\"" + today + "\"}").json();
        assertThat(again.get("clockStartsOn").asText()).isEqualTo(today.toString());
        assertThat(again.get("workingDaysLeft").asInt()).isEqualTo(20);
    }

    @Test
    void aWrongCodeRevealsNothing() {
        JsonNode created = create("村务公开资料");
        String number = created.get("number").asText();
        Http.Response wrong = lookup(number, "WRONG123");
        Http.Response unknown = lookup("YSQ2026-999999", "WRONG123");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    /** Numbers are sequential: a lock per number would let anyone lock every applicant out. Guessers are slowed instead. */
    @Test
    void wrongCodesFromOneAddressSlowThatAddressButNeverLockTheApplicantOut() {
        JsonNode created = create("2026年县城区道路维修资金");
        String number = created.get("number").asText();
        String code = created.get("checkCode").asText();
        Http guesser = from("198.51.100.1");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get(lookupPath(number, "WRONG00" + i)).status()).as("wrong code " + (i + 1)).isEqualTo(404);
        }
        Http.Response throttled = guesser.get(lookupPath(number, code));
        assertThat(throttled.status()).as("the guessing address waits, even with the right code").isEqualTo(429);
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(throttled.json().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(throttled.json().get("error").asText()).contains("too many wrong check codes", "minutes");

        Http applicant = from("198.51.100.2");
        Http.Response own = applicant.get(lookupPath(number, code));
        assertThat(own.status()).as("the applicant elsewhere is not locked out: " + own.body()).isEqualTo(200);
        assertThat(own.json().get("number").asText()).isEqualTo(number);
        for (int i = 0; i < 10; i++) {
            assertThat(applicant.get(lookupPath(number, code)).status()).as("right codes are never counted").isEqualTo(200);
        }
    }

    /** Several kiosks may share the hall's address: each is slowed on its own, the building as a whole only much later. */
    @Test
    void eachKioskIsThrottledOnItsOwn() {
        JsonNode created = create("本村低保名单");
        String number = created.get("number").asText();
        String code = created.get("checkCode").asText();
        try (var one = org.gongkai.support.PairedScreen.pair(server, admin, "hall").client();
             var two = org.gongkai.support.PairedScreen.pair(server, admin, "hall").client()) {
            java.util.List<String> ids = server.admin().get("/api/screens").json().findValuesAsText("id");
            assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
            Http hall = from("192.0.2.50");
            for (int i = 0; i < 5; i++) hall.get(lookupPath(number, "WRONG00" + i) + "&screenId=" + ids.get(0));
            Http.Response first = hall.get(lookupPath(number, code) + "&screenId=" + ids.get(0));
            assertThat(first.status()).isEqualTo(429);
            assertThat(Long.parseLong(first.header("Retry-After"))).as("a kiosk waits less than a remote address").isBetween(1L, 5 * 60L);
            assertThat(hall.get(lookupPath(number, code) + "&screenId=" + ids.get(1)).status()).as("the next kiosk").isEqualTo(200);
        }
    }

    @Test
    void aResultInTheNationalTermsTellsTheCitizenWhatItMeans() {
        for (String[] c : new String[][]{{"withheld_4", "不予公开"}, {"unavailable_1", "信息不存在"},
                {"not_processed_2", "不予处理：重复申请"}, {"other_1", "其他处理：申请人无正当理由逾期不补正、行政机关不再处理其申请"}}) {
            JsonNode created = create("国家格式结果 " + c[0]);
            JsonNode staff = admin.post("/api/applications/" + created.get("number").asText() + "/status",
                    "{\"status\":\"answered\",\"result\":\"" + c[0] + "\"}").json();
            assertThat(staff.get("result").asText()).isEqualTo(c[0]);
            assertThat(lookup(created.get("number").asText(), created.get("checkCode").asText()).json().get("replyName").asText())
                    .as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void badInputIsNamedAndOnlyStaffRegister() {
        assertThat(citizen.post("/api/applications", "{\"channel\":\"online\",\"subject\":\"x\",\"applicant\":\"李四\"}").status()).isEqualTo(401);
        assertThat(admin.post("/api/applications", "{\"channel\":\"pigeon\",\"subject\":\"x\",\"applicant\":\"李四\"}").json().get("field").asText()).isEqualTo("channel");
        assertThat(admin.post("/api/applications", "{\"channel\":\"online\",\"applicant\":\"李四\"}").json().get("field").asText()).isEqualTo("subject");
        assertThat(admin.post("/api/applications", "{\"channel\":\"online\",\"subject\":\"x\",\"applicant\":\"李四\",\"receivedOn\":\""
                + LocalDate.now().plusDays(3) + "\"}").json().get("field").asText()).isEqualTo("receivedOn");
        String number = create("预算执行情况").get("number").asText();
        assertThat(admin.post("/api/applications/" + number + "/status", "{\"status\":\"answered\"}").json().get("field").asText()).isEqualTo("result");
        assertThat(admin.post("/api/applications/" + number + "/status", "{\"status\":\"answered\",\"result\":\"withheld_9\"}").json().get("field").asText()).isEqualTo("result");
        assertThat(admin.post("/api/applications/" + number + "/status", "{\"status\":\"answered\",\"replyType\":\"maybe\"}").json().get("field").asText()).isEqualTo("replyType");
        assertThat(admin.post("/api/applications/" + number + "/status", "{\"status\":\"lost\"}").json().get("field").asText()).isEqualTo("status");
        assertThat(admin.get("/api/applications/YSQ2026-999999").status()).isEqualTo(404);
        assertThat(citizen.get("/api/applications").status()).isEqualTo(401);
    }
}
