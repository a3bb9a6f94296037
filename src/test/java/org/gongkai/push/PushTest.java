package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.ServerTest;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        Fixtures.create(admin, Fixtures.notice("配对前已发布的通知"));
        PairedScreen p = pairedScreen("plaza");
        try (ScreenClient ignored = p.client()) {
            JsonNode screen = admin.get("/api/screens/" + p.id()).json();
            assertThat(screen.get("status").asText()).isEqualTo("active");
            assertThat(screen.get("group").asText()).isEqualTo("plaza");
            assertThat(screen.get("width").asInt()).isEqualTo(1920);
            assertThat(screen.get("address").asText()).isEqualTo("127.0.0.1");
            assertThat(screen.get("online").asBoolean()).isTrue();
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
            for (int i = 0; i < 50; i++) {
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
