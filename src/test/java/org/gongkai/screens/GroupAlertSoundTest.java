package org.gongkai.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A group's attention tone settings through /api/screen-groups: defaults, saving, and a 400 naming the field. */
class GroupAlertSoundTest extends ServerTest {

    static JsonNode group(String code) {
        for (JsonNode g : admin.get("/api/screen-groups").json()) if (g.get("code").asText().equals(code)) return g;
        throw new AssertionError("no group " + code);
    }

    @Test
    void aNewGroupSoundsAtSixtyAndSavesWhatStaffChoose() {
        assertThat(admin.post("/api/screen-groups", "{\"code\":\"lobby\",\"name\":\"大堂屏\"}").status()).isEqualTo(201);
        assertThat(group("lobby").get("alertSound").asBoolean()).isTrue();
        assertThat(group("lobby").get("alertVolume").asInt()).isEqualTo(60);
        assertThat(group("plaza").get("alertSound").asBoolean()).as("a group made before the setting").isTrue();

        Http.Response r = admin.put("/api/screen-groups/lobby", "{\"name\":\"大堂屏\",\"alertSound\":false,\"alertVolume\":25}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(group("lobby").get("alertSound").asBoolean()).isFalse();
        assertThat(group("lobby").get("alertVolume").asInt()).isEqualTo(25);
    }

    @Test
    void aVolumeOutsideZeroToHundredIsRefusedNamingTheField() {
        for (String volume : new String[]{"101", "-1", "\"loud\"", "12.5"}) {
            Http.Response r = admin.put("/api/screen-groups/hall", "{\"name\":\"大厅屏\",\"alertVolume\":" + volume + "}");
            assertThat(r.status()).as(volume + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(volume + ": " + r.body()).isEqualTo("alertVolume");
        }
        Http.Response sound = admin.put("/api/screen-groups/hall", "{\"name\":\"大厅屏\",\"alertSound\":\"yes\"}");
        assertThat(sound.status()).as(sound.body()).isEqualTo(400);
        assertThat(sound.json().get("field").asText()).isEqualTo("alertSound");
        assertThat(group("hall").get("alertVolume").asInt()).isEqualTo(60);
    }
}
