package org.gongkai.web;

import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page carries the display time zone (display.timezone) for its scripts (kiosk-web/common/zone.js): the
 * default one, and the one an operator sets.
 */
class PagesTimeZoneTest {
    static final List<String> PAGES = List.of("/plaza", "/touch", "/admin", "/m/items/1");

    @Test
    void everyPageCarriesTheDisplayZoneTheServerIsSetTo() {
        try (TestServer server = TestServer.start()) {
            assertZone(server, "Asia/Shanghai");
        }
        try (TestServer server = TestServer.startInZone("Europe/Berlin")) {
            assertZone(server, "Europe/Berlin");
        }
    }

    static void assertZone(TestServer server, String zone) {
        Http anyone = server.anonymous();
        for (String path : PAGES) {
            String html = new String(anyone.get(path).bytes(), StandardCharsets.UTF_8);
            assertThat(html).as(path).contains("<meta name=\"gongkai-display-timezone\" content=\"" + zone + "\">")
                    .doesNotContain("content=\"\"");
        }
    }
}
