package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.screens.Screen;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.push.PushMessagesServiceTest.json;

/** The messages about a screen itself, as the protocol (docs/API.md, WebSocket) gives them, without any socket. */
class ScreenRepliesUnitTest {
    static final Instant NOW = Instant.parse("2026-11-23T19:23:39.513397370Z");

    static Screen screen(String status, String name, String group, String pairingCode) {
        return new Screen("scr_NU2ETOqHPoE8", name, "plaza", group, status, pairingCode, 1920, 1080, "127.0.0.1",
                "Mozilla", null, 19L, 7L, 2, "标题", null, true, null);
    }

    @Test
    void aNewScreensWelcomeCarriesItsSecretOnceAndItsPairingCode() {
        JsonNode w = json(ScreenReplies.welcome(screen("pending", null, null, "433421"), "QsHCeOFh", NOW));
        assertThat(w.get("type").asText()).isEqualTo("welcome");
        assertThat(w.get("screenId").asText()).isEqualTo("scr_NU2ETOqHPoE8");
        assertThat(w.get("secret").asText()).isEqualTo("QsHCeOFh");
        assertThat(w.get("status").asText()).isEqualTo("pending");
        assertThat(w.get("name").isNull()).isTrue();
        assertThat(w.get("group").isNull()).isTrue();
        assertThat(w.get("pairingCode").asText()).isEqualTo("433421");
        assertThat(w.get("serverTime").asText()).isEqualTo("2026-11-23T19:23:39.513397370Z");
    }

    @Test
    void aKnownScreensWelcomeHasNoSecretField() {
        String text = ScreenReplies.welcome(screen("active", "广场东侧LED", "plaza", null), null, NOW);
        assertThat(text).isEqualTo("{\"type\":\"welcome\",\"screenId\":\"scr_NU2ETOqHPoE8\",\"status\":\"active\","
                + "\"name\":\"广场东侧LED\",\"group\":\"plaza\",\"pairingCode\":null,"
                + "\"serverTime\":\"2026-11-23T19:23:39.513397370Z\"}");
        assertThat(json(text).has("secret")).as("a secret is sent only when it was made").isFalse();
    }

    @Test
    void pongCarriesTheServersTime() {
        assertThat(ScreenReplies.pong(Instant.parse("2026-11-25T13:53:02.118Z")))
                .isEqualTo("{\"type\":\"pong\",\"serverTime\":\"2026-11-25T13:53:02.118Z\"}");
    }

    @Test
    void anErrorIsEscapedLikeEveryAnswer() {
        assertThat(ScreenReplies.error("unknown message type 'bye'"))
                .isEqualTo("{\"type\":\"error\",\"error\":\"unknown message type \\u0027bye\\u0027\"}");
        assertThat(json(ScreenReplies.error("<script>")).get("error").asText()).isEqualTo("<script>");
        assertThat(ScreenReplies.error("<script>")).doesNotContain("<");
    }

    @Test
    void playedAnswersNameTheBatchAndSayWhatWasStoredOrWhyNot() {
        JsonNode batch = json("{\"b\":\"7\"}").get("b");
        assertThat(ScreenReplies.played(batch, 3)).isEqualTo("{\"type\":\"played\",\"batch\":\"7\",\"stored\":3}");
        assertThat(ScreenReplies.played(json("{\"b\":42}").get("b"), 0))
                .isEqualTo("{\"type\":\"played\",\"batch\":42,\"stored\":0}");
        JsonNode refused = json(ScreenReplies.playedRefused(batch, "plays[1].start must be a date-time with offset"));
        assertThat(refused.get("batch").asText()).isEqualTo("7");
        assertThat(refused.get("error").asText()).isEqualTo("plays[1].start must be a date-time with offset");
        assertThat(refused.has("stored")).isFalse();
        assertThat(ScreenReplies.played(null, 1)).as("a batch without an id")
                .isEqualTo("{\"type\":\"played\",\"batch\":null,\"stored\":1}");
    }
}
