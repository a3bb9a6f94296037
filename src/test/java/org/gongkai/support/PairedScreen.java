package org.gongkai.support;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A screen that said hello, showed its pairing code, was paired by staff and received its snapshot. */
public record PairedScreen(ScreenClient client, String id, String secret, long version, JsonNode snapshot) {

    /** What the screen holds after its first snapshot. */
    public HeldContent held() {
        return new HeldContent().apply(snapshot);
    }

    public static PairedScreen pair(TestServer server, Http admin, String group) {
        return pair(server, admin, group, "plaza");
    }

    /** A screen of kind plaza or touch, paired into group. */
    public static PairedScreen pair(TestServer server, Http admin, String group, String kind) {
        ScreenClient screen = new ScreenClient(server.wsUrl());
        screen.hello(null, null, null, null, kind);
        JsonNode welcome = screen.await("welcome", 5000);
        assertThat(welcome.get("status").asText()).isEqualTo("pending");
        String code = welcome.get("pairingCode").asText();
        assertThat(code).matches("\\d{6}");
        Http.Response pair = admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"广场东屏\",\"group\":\"" + group + "\"}");
        assertThat(pair.status()).as(pair.body()).isEqualTo(200);
        JsonNode snapshot = screen.await("snapshot", 5000);
        return new PairedScreen(screen, welcome.get("screenId").asText(), welcome.get("secret").asText(),
                snapshot.get("version").asLong(), snapshot);
    }
}
