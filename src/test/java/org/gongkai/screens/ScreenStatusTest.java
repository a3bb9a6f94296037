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
            JsonNode item = Fixtures.create(admin, Fixtures.notice("最新版本"));
            long id = item.get("id").asLong();
            long version = screen.await("change", 5000).get("version").asLong();
            screen.send("{\"type\":\"ack\",\"version\":" + version + ",\"itemId\":" + id + ",\"itemVersion\":"
                    + item.get("version").asInt() + "}");
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

    /**
     * A screen still showing version 2 of an item whose version 4 was just approved: the list names what is on the
     * screen, title and version both from version 2, not the newer title beside the older number.
     */
    @Test
    void theTitleAndVersionBothComeFromTheVersionTheScreenShows() throws InterruptedException {
        PairedScreen p = PairedScreen.pair(server, admin, "plaza");
        try (ScreenClient screen = p.client()) {
            JsonNode first = Fixtures.create(admin, Fixtures.notice("停电通知"));
            long id = first.get("id").asLong();
            int shown = first.get("version").asInt();
            long version = screen.await("change", 5000).get("version").asLong();
            screen.send("{\"type\":\"ack\",\"version\":" + version + ",\"itemId\":" + id + ",\"itemVersion\":" + shown + "}");
            awaitAck(p.id(), version);

            com.fasterxml.jackson.databind.node.ObjectNode change = Fixtures.notice("停电通知（时间延后）")
                    .put("status", "submitted").put("version", shown);
            assertThat(admin.put("/api/items/" + id, change.toString()).status()).isEqualTo(200);
            JsonNode approved = Fixtures.approve(admin, id);
            assertThat(approved.get("version").asInt()).isGreaterThan(shown);

            JsonNode s = admin.get("/api/screens/" + p.id()).json();
            assertThat(s.get("currentItemVersion").asInt()).isEqualTo(shown);
            assertThat(s.get("currentItemTitle").asText()).as("the title of version " + shown).isEqualTo("停电通知");
            JsonNode listed = null;
            for (JsonNode x : admin.get("/api/screens").json()) if (x.get("id").asText().equals(p.id())) listed = x;
            assertThat(listed.get("currentItemTitle").asText()).isEqualTo("停电通知");

            long next = screen.await("change", 5000).get("version").asLong();
            screen.send("{\"type\":\"ack\",\"version\":" + next + ",\"itemId\":" + id + ",\"itemVersion\":" + approved.get("version").asInt() + "}");
            awaitAck(p.id(), next);
            assertThat(admin.get("/api/screens/" + p.id()).json().get("currentItemTitle").asText()).isEqualTo("停电通知（时间延后）");
        }
    }

    /** A screen that claims a version that never reached the public shows no title, not a draft's. */
    @Test
    void aVersionThatWasNeverPublishedShowsNoTitle() throws InterruptedException {
        PairedScreen p = PairedScreen.pair(server, admin, "plaza");
        try (ScreenClient screen = p.client()) {
            JsonNode published = Fixtures.create(admin, Fixtures.notice("已发布的"));
            long id = published.get("id").asLong();
            long version = screen.await("change", 5000).get("version").asLong();
            screen.send("{\"type\":\"ack\",\"version\":" + version + ",\"itemId\":" + id + ",\"itemVersion\":1}"); // the draft
            awaitAck(p.id(), version);
            assertThat(admin.get("/api/screens/" + p.id()).json().get("currentItemTitle").isNull()).isTrue();
        }
    }

    /** Browsers on the server itself connect over IPv6 loopback: shown as ::1, not 0:0:0:0:0:0:0:1. */
    @Test
    void anIpv6LoopbackScreenShowsItsAddressCompactly() {
        String url = server.wsUrl().replace("127.0.0.1", "[::1]");
        try (ScreenClient pending = new ScreenClient(url)) {
            pending.hello(null, null, null);
            String id = pending.await("welcome", 5000).get("screenId").asText();
            assertThat(admin.get("/api/screens/" + id).json().get("address").asText()).isEqualTo("::1");
        }
        // Without server.trustProxy, an X-Forwarded-For from the screen itself is not believed: anyone can send one.
        try (ScreenClient v4 = new ScreenClient(server.wsUrl(), java.util.Map.of("X-Forwarded-For", "203.0.113.9"))) {
            v4.hello(null, null, null);
            String id = v4.await("welcome", 5000).get("screenId").asText();
            assertThat(admin.get("/api/screens/" + id).json().get("address").asText()).isEqualTo("127.0.0.1");
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
