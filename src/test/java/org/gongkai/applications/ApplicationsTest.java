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
        server = TestServer.start();
        admin = server.admin();
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
        return citizen.get("/api/applications/lookup?number=" + number + "&code=" + code);
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
    void aWrongCodeRevealsNothingAndGuessingIsStopped() {
        JsonNode created = create("村务公开资料");
        String number = created.get("number").asText();
        String code = created.get("checkCode").asText();
        Http.Response wrong = lookup(number, "WRONG123");
        Http.Response unknown = lookup("YSQ2026-999999", "WRONG123");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        for (int i = 0; i < 4; i++) lookup(number, "WRONG" + i);
        assertThat(lookup(number, code).status()).as("locked after five wrong codes").isEqualTo(404);
    }

    @Test
    void badInputIsNamedAndOnlyStaffRegister() {
        assertThat(citizen.post("/api/applications", "{\"channel\":\"online\",\"subject\":\"x\",\"applicant\":\"李四\"}").status()).isEqualTo(401);
        assertThat(admin.post("/api/applications", "{\"channel\":\"pigeon\",\"subject\":\"x\",\"applicant\":\"李四\"}").json().get("field").asText()).isEqualTo("channel");
        assertThat(admin.post("/api/applications", "{\"channel\":\"online\",\"applicant\":\"李四\"}").json().get("field").asText()).isEqualTo("subject");
        assertThat(admin.post("/api/applications", "{\"channel\":\"online\",\"subject\":\"x\",\"applicant\":\"李四\",\"receivedOn\":\""
                + LocalDate.now().plusDays(3) + "\"}").json().get("field").asText()).isEqualTo("receivedOn");
        String number = create("预算执行情况").get("number").asText();
        assertThat(admin.post("/api/applications/" + number + "/status", "{\"status\":\"answered\"}").json().get("field").asText()).isEqualTo("replyType");
        assertThat(admin.post("/api/applications/" + number + "/status", "{\"status\":\"lost\"}").json().get("field").asText()).isEqualTo("status");
        assertThat(admin.get("/api/applications/YSQ2026-999999").status()).isEqualTo(404);
        assertThat(citizen.get("/api/applications").status()).isEqualTo(401);
    }
}
