package org.gongkai.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen list tells staff whether each screen is up to date and what it is showing. */
class ScreenStatusTest extends ServerTest {

    static JsonNode awaitAck(String id, long version) throws InterruptedException {
        JsonNode s = null;
        for (int i = 0; i < 200; i++) { // up to 20 s: acks are stored in batches
            s = admin.get("/api/screens/" + id).json();
            if (s.path("ackedVersion").asLong() == version) return s;
            Thread.sleep(100);
        }
        return s;
    }

    @Test
    void aScreenThatAckedTheLatestVersionIsUpToDateUntilTheNextChange() throws InterruptedException {
        PairedScreen p = PairedScreen.pair(server, admin, "plaza");
        try (ScreenClient screen = p.client()) {
            long id = Fixtures.create(admin, Fixtures.notice("最新版本")).get("id").asLong();
            long version = screen.await("change", 5000).get("version").asLong();
            screen.send("{\"type\":\"ack\",\"version\":" + version + ",\"itemId\":" + id + ",\"itemVersion\":1}");
            JsonNode s = awaitAck(p.id(), version);
            assertThat(s.get("latestVersion").asLong()).isEqualTo(version);
            assertThat(s.get("ackedLatest").asBoolean()).isTrue();
            assertThat(s.get("currentItemTitle").asText()).isEqualTo("最新版本");
            assertThat(s.get("online").asBoolean()).isTrue();

            Fixtures.create(admin, Fixtures.notice("又一条"));
            JsonNode listed = null;
            for (JsonNode x : admin.get("/api/screens").json()) if (x.get("id").asText().equals(p.id())) listed = x;
            assertThat(listed).isNotNull();
            assertThat(listed.get("latestVersion").asLong()).isGreaterThan(version);
            assertThat(listed.get("ackedLatest").asBoolean()).isFalse();
            assertThat(listed.get("lastSeenAt").asText()).isNotBlank();
        }
    }

    @Test
    void aScreenThatNeverAckedIsNotUpToDate() {
        try (ScreenClient pending = new ScreenClient(server.wsUrl())) {
            pending.hello(null, null, null);
            String id = pending.await("welcome", 5000).get("screenId").asText();
            JsonNode s = admin.get("/api/screens/" + id).json();
            assertThat(s.get("status").asText()).isEqualTo("pending");
            assertThat(s.get("ackedLatest").asBoolean()).isFalse();
            assertThat(s.get("currentItemTitle").isNull()).isTrue();
            assertThat(admin.get("/api/screens?offline=true").json().findValuesAsText("id")).doesNotContain(id);
        }
    }
}
