package org.gongkai.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.Config;
import org.gongkai.support.FixtureServer;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CAP sources polled from a local fixture web server by the server's one poller thread. */
class CapPollTest {
    static TestServer server;
    static Http admin;
    static FixtureServer feeds;

    @BeforeAll
    static void start() {
        feeds = new FixtureServer();
        for (String f : new String[] {"typhoon-orange.xml", "rainstorm-other-county.xml"}) {
            feeds.put("/cap/" + f, 200, "application/cap+xml", CapMappingUnitTest.fixture(f));
        }
        feeds.put("/cap/index.atom", 200, "application/atom+xml", CapMappingUnitTest.fixture("index.atom"));
        feeds.put("/cap/xxe.xml", "application/xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
        feeds.putSilent("/cap/silent", 10_000);
        feeds.putEndless("/cap/huge", "application/xml", 100L * 1024 * 1024);
        server = TestServer.start(false, c -> c.withIntake(new Config.Intake(1024 * 1024, 1, 2, 5)),
                TestServer.clockFrom("2026-08-01T01:30:00Z"));
        admin = server.admin();
        Fixtures.basics(admin);
        assertThat(admin.post("/api/departments", "{\"code\":\"meteorology\",\"name\":\"县气象局\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
        feeds.close();
    }

    static JsonNode source(String name, String path) {
        Http.Response r = admin.post("/api/cap/sources", "{\"name\":\"" + name + "\",\"url\":\"" + feeds.url(path)
                + "\",\"intervalSeconds\":60,\"department\":\"meteorology\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonNode polled(long id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (JsonNode s : admin.get("/api/cap/sources").json()) {
                if (s.get("id").asLong() == id && !s.get("lastPolledAt").isNull()) return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("source " + id + " was not polled");
    }

    @Test
    void anAtomIndexOfCapMessagesIsPolledAndItsWarningShown() throws Exception {
        PairedScreen screen = PairedScreen.pair(server, admin, "plaza");
        JsonNode s = source("示范县气象台", "/cap/index.atom");
        JsonNode change = screen.client().await(m -> "change".equals(m.path("type").asText()) && m.get("alerts").size() > 0, 10_000, "alert");
        assertThat(change.get("alerts").get(0).get("alert").get("level").asText()).isEqualTo("orange");
        assertThat(polled(s.get("id").asLong()).get("lastError").isNull()).isTrue();
        String messages = admin.get("/api/cap/messages").json().toString();
        assertThat(messages).contains("poll:示范县气象台", "42000041700000_20260801090000", "does not concern");
        screen.client().close();
    }

    @Test
    void failuresAreRecordedOnTheSourceAndThePollerGoesOn() throws Exception {
        long xxe = source("坏源", "/cap/xxe.xml").get("id").asLong();
        long silent = source("不应答", "/cap/silent").get("id").asLong();
        long huge = source("超大", "/cap/huge").get("id").asLong();
        assertThat(polled(xxe).get("lastError").asText()).contains("DOCTYPE");
        assertThat(polled(silent).get("lastError").asText()).isNotBlank();
        assertThat(polled(huge).get("lastError").asText()).isNotBlank();
        assertThat(admin.put("/api/cap/sources/" + xxe, "{\"name\":\"坏源\",\"url\":\"ftp://x\"}").status()).isEqualTo(400);
        assertThat(admin.delete("/api/cap/sources/" + xxe).status()).isEqualTo(204);
        assertThat(admin.get("/health").status()).isEqualTo(200);
    }
}
