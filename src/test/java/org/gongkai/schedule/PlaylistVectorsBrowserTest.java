package org.gongkai.schedule;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of playlist-vectors.json through kiosk-web/common/playlist.js, imported as a module by a page of the
 * real server in headless Chromium (playlist-vectors-runner.js does the work); PlaylistVectorsUnitTest runs the same
 * file through Playlists.
 */
class PlaylistVectorsBrowserTest extends ServerTest {
    static Browser browser;

    @BeforeAll
    static void setUp() {
        browser = new Browser();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) browser.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCaseGivesWhatTheFileSays() throws IOException {
        String vectors = PlaylistVectorsUnitTest.vectors().toString(); // as text: Playwright would drop the nulls
        try (BrowserContext context = browser.chromium.newContext(); InputStream runner =
                PlaylistVectorsBrowserTest.class.getResourceAsStream("/playlist-vectors-runner.js")) {
            Page page = context.newPage();
            page.navigate(server.base + "/plaza?preview"); // a player's page, with no screen connection
            Map<String, Object> result = (Map<String, Object>) page.evaluate(
                    new String(runner.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("(?s)^(//[^\n]*\n)*", ""), vectors);
            int ran = ((Number) result.get("ran")).intValue();
            List<String> mismatches = (List<String>) result.get("mismatches");
            System.out.println("PlaylistVectorsBrowserTest: ran " + ran + " cases of playlist-vectors.json through playlist.js, "
                    + mismatches.size() + " mismatches");
            assertThat(ran).as("cases run").isPositive();
            assertThat(mismatches).as("cases where playlist.js disagrees with playlist-vectors.json").isEmpty();
            assertThat(((Number) result.get("defaultDurationSeconds")).intValue()).as("playlist.js DEFAULT_DURATION_SECONDS")
                    .isEqualTo(PlaylistVectorsUnitTest.vectors().get("serverDefaultDurationSeconds").asInt());
        }
    }

    /** The admin page's preview puts an item where the screens do: a guide tagged ticker on the ticker line. */
    @Test
    void thePreviewShowsATickerTaggedGuideOnTheTickerLineAsScreensDo() {
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1920, 1080))) {
            Page page = context.newPage();
            page.navigate(server.base + "/plaza?preview");
            page.evaluate("() => window.postMessage({ type: 'gongkai-preview', group: {}, item: { id: 1, kind: 'guide',"
                    + " title: '社保卡补办指南', tags: ['ticker'] } }, location.origin)");
            page.waitForSelector("body.has-ticker #ticker .marquee");
            assertThat(page.textContent("#ticker .marquee")).isEqualTo("社保卡补办指南");
            assertThat(page.isVisible(".idle")).as("no page of the rotation for a ticker line").isTrue();
        }
    }
}
