package org.gongkai.screens;

import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.screens.GroupAlertSoundTest.group;

/** A group's printer at its touchscreens (issue 15.1): none by default, saved as chosen, anything else a 400. */
class GroupPrintLayoutTest extends ServerTest {

    @Test
    void aGroupHasNoPrinterUntilStaffSayWhichOne() {
        assertThat(admin.post("/api/screen-groups", "{\"code\":\"counter\",\"name\":\"窗口查询机\"}").status()).isEqualTo(201);
        assertThat(group("counter").get("printLayout").asText()).isEqualTo("none");
        assertThat(group("hall").get("printLayout").asText()).as("a group made before the setting").isEqualTo("none");
        for (String layout : new String[]{"receipt80", "a4", "none"}) {
            Http.Response r = admin.put("/api/screen-groups/counter", "{\"name\":\"窗口查询机\",\"printLayout\":\"" + layout + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(group("counter").get("printLayout").asText()).isEqualTo(layout);
        }
    }

    @Test
    void aPrinterGongkaiCannotLayOutIsRefusedNamingTheField() {
        for (String layout : new String[]{"\"laser\"", "\"A4\"", "80", "true"}) {
            Http.Response r = admin.put("/api/screen-groups/hall", "{\"name\":\"大厅屏\",\"printLayout\":" + layout + "}");
            assertThat(r.status()).as(layout + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(layout + ": " + r.body()).isEqualTo("printLayout");
        }
        assertThat(group("hall").get("printLayout").asText()).isEqualTo("none");
    }
}
