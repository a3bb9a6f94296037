package org.gongkai.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/cap with a reviewer's API token, on a server living on the morning of the typhoon (2026-08-01). */
class CapPushTest {
    static TestServer server;
    static Http admin;
    static Http cap;
    static Http reviewer;

    @BeforeAll
    static void start() {
        server = TestServer.start(false, c -> c, TestServer.clockFrom("2026-08-01T01:30:00Z"));
        admin = server.admin();
        Fixtures.basics(admin);
        assertThat(admin.post("/api/departments", "{\"code\":\"meteorology\",\"name\":\"县气象局\"}").status()).isEqualTo(201);
        reviewer = server.user("cap-reviewer", "reviewer", null);
        Http.Response token = reviewer.post("/api/tokens", "{\"name\":\"预警发布系统\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        cap = new Http(server.base).withBearer(token.json().get("token").asText())
                .withHeader("Content-Type", "application/cap+xml");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode post(String fixture, int status) {
        Http.Response r = cap.post("/api/cap", CapMappingUnitTest.fixture(fixture));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    static JsonNode alerts(JsonNode change) {
        return change.get("alerts");
    }

    @Test
    void typhoonIsIssuedUpgradedInPlaceAndCleared() {
        PairedScreen screen = PairedScreen.pair(server, admin, "plaza");
        JsonNode issued = post("typhoon-orange.xml", 200);
        assertThat(issued.get("outcome").asText()).as(issued.toString()).isEqualTo("issued");
        long id = issued.get("itemId").asLong();
        JsonNode change = screen.client().await(m -> "change".equals(m.path("type").asText()) && alerts(m).size() > 0, 5000, "alert");
        assertThat(alerts(change).get(0).get("id").asLong()).isEqualTo(id);
        assertThat(alerts(change).get(0).get("alert").get("level").asText()).isEqualTo("orange");
        assertThat(alerts(change).get(0).get("alert").get("issuer").asText()).isEqualTo("示范县气象台");

        assertThat(post("typhoon-orange.xml", 200).get("outcome").asText()).isEqualTo("ignored"); // duplicate

        JsonNode updated = post("typhoon-red-update.xml", 200);
        assertThat(updated.get("outcome").asText()).as(updated.toString()).isEqualTo("updated");
        assertThat(updated.get("itemId").asLong()).isEqualTo(id);
        JsonNode red = screen.client().await(m -> "change".equals(m.path("type").asText()) && alerts(m).size() > 0
                && "red".equals(alerts(m).get(0).get("alert").get("level").asText()), 5000, "red alert");
        assertThat(alerts(red)).hasSize(1);
        assertThat(alerts(red).get(0).get("id").asLong()).isEqualTo(id);

        JsonNode cleared = post("typhoon-cancel.xml", 200);
        assertThat(cleared.get("outcome").asText()).as(cleared.toString()).isEqualTo("cleared");
        screen.client().await(m -> "change".equals(m.path("type").asText())
                && m.get("removed").toString().contains(String.valueOf(id)), 5000, "removal");
        JsonNode history = admin.get("/api/items/" + id + "/history").json();
        assertThat(history.toString()).contains("clear");
        screen.client().close();
    }

    @Test
    void otherCountyExerciseAndExpiredAreIgnoredAndRecorded() {
        JsonNode other = post("rainstorm-other-county.xml", 200);
        assertThat(other.get("outcome").asText()).isEqualTo("ignored");
        assertThat(other.get("reason").asText()).contains("does not concern");
        JsonNode exercise = post("exercise.xml", 200);
        assertThat(exercise.get("outcome").asText()).isEqualTo("ignored");
        assertThat(exercise.get("reason").asText()).contains("Exercise");
        String expired = new String(CapMappingUnitTest.fixture("fog-moderate.xml"), StandardCharsets.UTF_8)
                .replace("2026-08-01T09:40:00+08:00</identifier>", "x</identifier>")
                .replace("_20260801094000", "_expired").replace("2026-08-02T09:40:00+08:00", "2026-08-01T09:00:00+08:00");
        Http.Response r = cap.post("/api/cap", expired.getBytes(StandardCharsets.UTF_8));
        assertThat(r.json().get("outcome").asText()).as(r.body()).isEqualTo("ignored");
        assertThat(r.json().get("reason").asText()).contains("expired");
        JsonNode messages = reviewer.get("/api/cap/messages").json();
        assertThat(messages.toString()).contains("42000041700000_20260801090000", "42000041600000_20260801093000");
    }

    @Test
    void moderateWaitsForOneReviewersClick() {
        PairedScreen screen = PairedScreen.pair(server, admin, "hall");
        JsonNode pending = post("fog-moderate.xml", 200);
        assertThat(pending.get("outcome").asText()).as(pending.toString()).isEqualTo("pending");
        assertThat(pending.get("itemId").isNull()).isTrue();
        long messageId = pending.get("messageId").asLong();
        JsonNode listed = null;
        for (JsonNode m : reviewer.get("/api/cap/messages").json()) if (m.get("id").asLong() == messageId) listed = m;
        assertThat(listed.get("preview").get("title").asText()).isEqualTo("示范县气象台发布大雾预警");
        Http.Response issue = reviewer.post("/api/cap/messages/" + messageId + "/issue", "");
        assertThat(issue.status()).as(issue.body()).isEqualTo(200);
        long id = issue.json().get("itemId").asLong();
        JsonNode change = screen.client().await(m -> "change".equals(m.path("type").asText()) && alerts(m).size() > 0
                && alerts(m).get(0).get("id").asLong() == id, 5000, "fog alert");
        assertThat(alerts(change).get(0).get("alert").get("level").asText()).isEqualTo("yellow");
        assertThat(reviewer.post("/api/cap/messages/" + messageId + "/issue", "").status()).isEqualTo(409);
        screen.client().close();
    }

    @Test
    void aPendingGb18030WarningIsIssuedWithItsChineseIntact() {
        String xml = new String(CapMappingUnitTest.fixture("fog-moderate.xml"), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"GB18030\"").replace("_20260801094000", "_gb18030");
        Http.Response r = cap.post("/api/cap", xml.getBytes(java.nio.charset.Charset.forName("GB18030")));
        assertThat(r.json().get("outcome").asText()).as(r.body()).isEqualTo("pending");
        Http.Response issued = reviewer.post("/api/cap/messages/" + r.json().get("messageId").asLong() + "/issue", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(admin.get("/api/items/" + issued.json().get("itemId").asLong()).json().get("title").asText())
                .isEqualTo("示范县气象台发布大雾预警");
    }

    @Test
    void hostileBodiesAnswer400NamingWhatIsWrong() {
        Http.Response xxe = cap.post("/api/cap", ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"http://127.0.0.1:1/\">]>"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&x;</alert>").getBytes(StandardCharsets.UTF_8));
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.body()).contains("DOCTYPE");
        Http.Response broken = cap.post("/api/cap", "<alert".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        Http.Response json = new Http(server.base).withBearer(tokenOf(cap)).post("/api/cap", "{}");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body()).contains("Content-Type");
        byte[] huge = new byte[(int) server.app.config().server().maxBodyBytes() + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        Http.Response big = cap.post("/api/cap", huge);
        assertThat(big.status()).isBetween(400, 413);
        assertThat(new Http(server.base).withHeader("Content-Type", "application/cap+xml")
                .post("/api/cap", CapMappingUnitTest.fixture("typhoon-orange.xml")).status()).isEqualTo(401);
    }

    private static String tokenOf(Http http) {
        try {
            var f = Http.class.getDeclaredField("bearer");
            f.setAccessible(true);
            return (String) f.get(http);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
