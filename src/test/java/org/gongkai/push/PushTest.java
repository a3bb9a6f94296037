package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.JumpingClock;
import org.gongkai.support.HeldContent;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.gongkai.support.ServerTest;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PushTest extends ServerTest {
    static PairedScreen pairedScreen(String group) {
        return PairedScreen.pair(server, admin, group);
    }

    @Test
    void pendingScreenGetsNothingUntilPairedThenSnapshot() {
        long before = Fixtures.create(admin, Fixtures.notice("配对前已发布的通知")).get("id").asLong();
        try (ScreenClient screen = new ScreenClient(server.wsUrl())) {
            screen.hello(null, null, null);
            JsonNode welcome = screen.await("welcome", 5000);
            assertThat(welcome.get("status").asText()).isEqualTo("pending");
            long during = Fixtures.create(admin, Fixtures.notice("等待配对时发布的通知")).get("id").asLong();
            String code = welcome.get("pairingCode").asText();
            Http.Response pair = admin.post("/api/screens/pair",
                    "{\"code\":\"" + code + "\",\"name\":\"广场西屏\",\"group\":\"plaza\"}");
            assertThat(pair.status()).as(pair.body()).isEqualTo(200);

            // The hub handles commits and pairings in order, so whatever reached the screen before its snapshot
            // is what it was sent while pending: welcomes only, no content.
            List<JsonNode> beforeSnapshot = new ArrayList<>();
            JsonNode snapshot = screen.await(m -> {
                if ("snapshot".equals(m.path("type").asText())) return true;
                beforeSnapshot.add(m);
                return false;
            }, 5000, "snapshot");
            assertThat(beforeSnapshot).extracting(m -> m.path("type").asText()).containsOnly("welcome");
            assertThat(new HeldContent().apply(snapshot).ids()).contains(before, during);

            JsonNode screenRow = admin.get("/api/screens/" + welcome.get("screenId").asText()).json();
            assertThat(screenRow.get("status").asText()).isEqualTo("active");
            assertThat(screenRow.get("group").asText()).isEqualTo("plaza");
            assertThat(screenRow.get("width").asInt()).isEqualTo(1920);
            assertThat(screenRow.get("address").asText()).isEqualTo("127.0.0.1");
            assertThat(screenRow.get("online").asBoolean()).isTrue();
        }
    }

    @Test
    void itemWithdrawnWhileAScreenWasOfflineIsDroppedWhenItReconnects() {
        long id = Fixtures.create(admin, Fixtures.notice("离线期间撤回的通知")).get("id").asLong();
        PairedScreen p = pairedScreen("plaza");
        HeldContent held = p.held();
        assertThat(held.holds(id)).isTrue();
        p.client().close();
        assertThat(admin.post("/api/items/" + id + "/withdraw", "").status()).isEqualTo(200);
        assertThat(reconnect(server, p, held).holds(id)).isFalse();
    }

    @Test
    void itemThatEndedWhileAScreenWasOfflineIsDroppedWhenItReconnects() {
        // the window ends while the screen is away: the server's clock jumps past it, so however slow the set-up,
        // the item is current while the screen pairs and over when it reconnects
        JumpingClock clock = new JumpingClock();
        try (TestServer own = TestServer.start(false, c -> c, clock)) {
            Http ownAdmin = own.admin();
            Fixtures.basics(ownAdmin);
            OffsetDateTime end = OffsetDateTime.now().plusMinutes(10);
            long ending = Fixtures.create(ownAdmin, Fixtures.notice("离线期间到期的通知").put("publishEnd", end.toString()))
                    .get("id").asLong();
            long kept = Fixtures.create(ownAdmin, Fixtures.notice("离线期间仍有效的通知")).get("id").asLong();
            PairedScreen p = PairedScreen.pair(own, ownAdmin, "plaza");
            HeldContent held = p.held();
            assertThat(held.ids()).contains(ending, kept);
            p.client().close();
            clock.jump(Duration.ofMinutes(11));
            HeldContent after = reconnect(own, p, held);
            assertThat(after.holds(ending)).as("ended while offline").isFalse();
            assertThat(after.holds(kept)).isTrue();
        }
    }

    @Test
    void screenRegroupedWhileOfflineDropsItsOldGroupsItemsWhenItReconnects() {
        ObjectNode plazaOnly = Fixtures.notice("只在广场显示的通知");
        plazaOnly.putArray("targetGroups").add("plaza");
        long plazaItem = Fixtures.create(admin, plazaOnly).get("id").asLong();
        long everywhere = Fixtures.create(admin, Fixtures.notice("所有屏幕的通知")).get("id").asLong();
        PairedScreen p = pairedScreen("plaza");
        HeldContent held = p.held();
        assertThat(held.ids()).contains(plazaItem, everywhere);
        p.client().close();
        assertThat(admin.put("/api/screens/" + p.id(), "{\"group\":\"hall\"}").status()).isEqualTo(200);
        HeldContent after = reconnect(server, p, held);
        assertThat(after.group()).isEqualTo("hall");
        assertThat(after.holds(plazaItem)).as("the new group does not show it").isFalse();
        assertThat(after.holds(everywhere)).isTrue();
    }

    @Test
    void withdrawalAndExpiryWhileOfflineAreDroppedAlsoAcrossAServerRestart() {
        TestServer own = TestServer.start();
        TestServer restarted = null;
        try {
            Http ownAdmin = own.admin();
            Fixtures.basics(ownAdmin);
            // the window ends while the server is down: it comes back with a clock past the end, so however slow
            // the set-up, the item is current while the screen pairs and over when it reconnects
            OffsetDateTime end = OffsetDateTime.now().plusMinutes(10);
            long ending = Fixtures.create(ownAdmin, Fixtures.notice("重启前到期的通知").put("publishEnd", end.toString()))
                    .get("id").asLong();
            long withdrawn = Fixtures.create(ownAdmin, Fixtures.notice("重启前撤回的通知")).get("id").asLong();
            long kept = Fixtures.create(ownAdmin, Fixtures.notice("重启后仍有效的通知")).get("id").asLong();
            PairedScreen p = PairedScreen.pair(own, ownAdmin, "plaza");
            HeldContent held = p.held();
            assertThat(held.ids()).contains(ending, withdrawn, kept);
            p.client().close();
            assertThat(ownAdmin.post("/api/items/" + withdrawn + "/withdraw", "").status()).isEqualTo(200);
            restarted = own.restart(TestServer.clockFrom(end.plusMinutes(1).toString()));
            HeldContent after = reconnect(restarted, p, held);
            assertThat(after.holds(withdrawn)).isFalse();
            assertThat(after.holds(ending)).isFalse();
            assertThat(after.holds(kept)).isTrue();
        } finally {
            if (restarted != null) restarted.close(); else own.close();
        }
    }

    /** The screen comes back with what it holds and applies the server's answer to it. */
    private static HeldContent reconnect(TestServer to, PairedScreen p, HeldContent held) {
        try (ScreenClient again = new ScreenClient(to.wsUrl())) {
            again.hello(p.id(), p.secret(), held.version(), held.group());
            assertThat(again.await("welcome", 5000).get("status").asText()).isEqualTo("active");
            return held.apply(again.await(m -> m.path("type").asText().matches("snapshot|change"), 5000, "content"));
        }
    }

    @Test
    void publishedItemReachesConnectedScreenAndDraftDoesNot() {
        PairedScreen p = pairedScreen("plaza");
        try (ScreenClient screen = p.client()) {
            ObjectNode draft = Fixtures.notice("草稿不推送");
            draft.put("status", "draft");
            Fixtures.create(admin, draft);
            long id = Fixtures.create(admin, Fixtures.notice("推送到屏幕的通知")).get("id").asLong();
            JsonNode change = screen.await("change", 5000);
            assertThat(change.get("version").asLong()).isGreaterThan(p.version());
            assertThat(change.get("items").get(0).get("id").asLong()).isEqualTo(id);
            assertThat(change.get("items").get(0).get("title").asText()).isEqualTo("推送到屏幕的通知");
            assertThat(change.get("items").get(0).get("shortUrl").asText()).contains("/s/");

            admin.post("/api/items/" + id + "/withdraw", "");
            JsonNode removal = screen.await("change", 5000);
            assertThat(removal.get("removed").get(0).asLong()).isEqualTo(id);
            assertThat(removal.get("items")).isEmpty();
        }
    }

    @Test
    void itemForAnotherGroupArrivesAsRemovalNotContent() {
        PairedScreen p = pairedScreen("hall");
        try (ScreenClient screen = p.client()) {
            ObjectNode plazaOnly = Fixtures.notice("仅广场");
            plazaOnly.putArray("targetGroups").add("plaza");
            long id = Fixtures.create(admin, plazaOnly).get("id").asLong();
            JsonNode change = screen.await("change", 5000);
            assertThat(change.get("items")).isEmpty();
            assertThat(change.get("removed").get(0).asLong()).isEqualTo(id);
        }
    }

    @Test
    void reconnectWithOldVersionGetsWhatItMissed() {
        PairedScreen p = pairedScreen("plaza");
        p.client().close();
        long missed = Fixtures.create(admin, Fixtures.notice("离线期间发布的通知")).get("id").asLong();
        try (ScreenClient again = new ScreenClient(server.wsUrl())) {
            again.hello(p.id(), p.secret(), p.version());
            JsonNode welcome = again.await("welcome", 5000);
            assertThat(welcome.get("screenId").asText()).isEqualTo(p.id());
            assertThat(welcome.has("secret")).as("a known screen is not given a new secret").isFalse();
            JsonNode change = again.await("change", 5000);
            assertThat(change.get("items").findValuesAsText("title")).contains("离线期间发布的通知");
            assertThat(change.get("items").findValues("id").stream().map(JsonNode::asLong).toList()).contains(missed);
            assertThat(change.get("group").get("code").asText()).isEqualTo("plaza");
        }
    }

    @Test
    void wrongSecretIsTreatedAsANewScreen() {
        PairedScreen p = pairedScreen("plaza");
        p.client().close();
        try (ScreenClient impostor = new ScreenClient(server.wsUrl())) {
            impostor.hello(p.id(), "not-the-secret", 0L);
            JsonNode welcome = impostor.await("welcome", 5000);
            assertThat(welcome.get("screenId").asText()).isNotEqualTo(p.id());
            assertThat(welcome.get("status").asText()).isEqualTo("pending");
        }
    }

    @Test
    void alertsArriveSeparatelyAndScreensCanBeRetired() {
        PairedScreen p = pairedScreen("plaza");
        try (ScreenClient screen = p.client()) {
            Fixtures.create(admin, Fixtures.alert("orange"));
            JsonNode change = screen.await(m -> "change".equals(m.path("type").asText()) && m.get("alerts").size() > 0, 5000, "alert");
            assertThat(change.get("alerts").get(0).get("alert").get("level").asText()).isEqualTo("orange");

            assertThat(admin.put("/api/screens/" + p.id(), "{\"status\":\"retired\"}").status()).isEqualTo(200);
            JsonNode welcome = screen.await("welcome", 5000);
            assertThat(welcome.get("status").asText()).isEqualTo("retired");
        }
    }

    @Test
    void badMessagesGetAnErrorAndTheConnectionStaysUsable() {
        try (ScreenClient screen = new ScreenClient(server.wsUrl())) {
            screen.send("not json");
            assertThat(screen.await("error", 5000).get("error").asText()).contains("JSON");
            screen.send("{\"type\":\"launch-missiles\"}");
            assertThat(screen.await("error", 5000).get("error").asText()).contains("unknown message type");
            screen.send("{\"type\":\"hello\",\"kind\":\"toaster\"}");
            assertThat(screen.await("error", 5000).get("error").asText()).contains("plaza or touch");
            screen.hello(null, null, null);
            assertThat(screen.await("welcome", 5000).get("status").asText()).isEqualTo("pending");
        }
    }

    @Test
    void expiredAndWithdrawnItemsLeaveThePlaylist() {
        PairedScreen p = pairedScreen("plaza");
        p.client().close();
        ObjectNode soon = Fixtures.notice("很快过期的通知");
        OffsetDateTime end = OffsetDateTime.now().plusMinutes(10);
        soon.put("publishEnd", end.toString()).put("priority", 90);
        long soonId = Fixtures.create(admin, soon).get("id").asLong();
        long keptId = Fixtures.create(admin, Fixtures.notice("长期有效的通知")).get("id").asLong();

        List<Long> now = ids(admin.get("/api/screens/" + p.id() + "/playlist").json().get("rotation"));
        assertThat(now).contains(soonId, keptId);
        String later = end.plusSeconds(1).toString().replace("+", "%2B");
        List<Long> afterExpiry = ids(admin.get("/api/screens/" + p.id() + "/playlist?at=" + later).json().get("rotation"));
        assertThat(afterExpiry).contains(keptId).doesNotContain(soonId);

        admin.post("/api/items/" + keptId + "/withdraw", "");
        assertThat(ids(admin.get("/api/screens/" + p.id() + "/playlist").json().get("rotation"))).doesNotContain(keptId);
    }

    @Test
    void ackIsRecordedAsTheScreensCurrentVersionAndItem() throws InterruptedException {
        PairedScreen p = pairedScreen("plaza");
        try (ScreenClient screen = p.client()) {
            long id = Fixtures.create(admin, Fixtures.notice("确认版本")).get("id").asLong();
            long version = screen.await("change", 5000).get("version").asLong();
            screen.send("{\"type\":\"ack\",\"version\":" + version + ",\"itemId\":" + id + ",\"itemVersion\":1}");
            JsonNode s = null;
            for (int i = 0; i < 200; i++) {
                s = admin.get("/api/screens/" + p.id()).json();
                if (s.path("ackedVersion").asLong() == version) break;
                Thread.sleep(100);
            }
            assertThat(s.get("ackedVersion").asLong()).isEqualTo(version);
            assertThat(s.get("currentItemId").asLong()).isEqualTo(id);
        }
    }

    /** A browser offers compression; the server declines it, so 10,000 sockets carry no compressor each. */
    @Test
    void compressionOfferedByABrowserIsDeclined() throws Exception {
        URI ws = URI.create(server.wsUrl());
        try (Socket socket = new Socket(ws.getHost(), ws.getPort())) {
            socket.setSoTimeout(5000);
            String request = "GET /ws/screen HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) head.add(line);
            assertThat(head.get(0)).contains("101");
            assertThat(head).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-extensions"));
        }
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }
}
