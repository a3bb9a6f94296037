package org.gongkai.plaza;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * A plaza screen whose own clock is two hours off decides by the server's time: an item whose window ended five
 * minutes ago (server time) is not shown, the current one is. The page's Date is shifted by an init script.
 */
class ClockSkewBrowserTest extends ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURRENT = "当前有效的公告";
    private static final String ENDED = "五分钟前已到期的公告";
    static Browser browser;
    static String heldState; // localStorage of a paired screen that holds both items, as it got them while both were current

    @BeforeAll
    static void setUp() throws Exception {
        browser = new Browser();
        ObjectNode current = Fixtures.notice(CURRENT).put("durationSeconds", 1)
                .put("publishStart", OffsetDateTime.now().minusHours(1).toString())
                .put("publishEnd", OffsetDateTime.now().plusHours(1).toString());
        ObjectNode ended = Fixtures.notice(ENDED).put("durationSeconds", 1)
                .put("publishStart", OffsetDateTime.now().minusHours(3).toString())
                .put("publishEnd", OffsetDateTime.now().minusMinutes(5).toString());
        long currentId = Fixtures.create(admin, current).get("id").asLong();
        long endedId = Fixtures.create(admin, ended).get("id").asLong();
        PairedScreen p = PairedScreen.pair(server, admin, "plaza");
        p.client().close();
        // An item's end sends no message: a screen that received the item while it was current still holds it.
        ObjectNode state = JSON.createObjectNode().put("screenId", p.id()).put("secret", p.secret()).put("status", "active")
                .put("version", server.contentVersion());
        state.putObject("group").put("code", "plaza").put("timezone", "Asia/Shanghai").put("defaultDurationSeconds", 1);
        state.putArray("items").add(item(currentId)).add(item(endedId));
        state.putArray("alerts");
        heldState = state.toString();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) browser.close();
    }

    @ParameterizedTest(name = "screen clock {0} hours off")
    @ValueSource(ints = {-2, 2})
    void screenDecidesByTheServersClock(int hours) {
        long skew = hours * 3_600_000L;
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 720))) {
            context.addInitScript(shiftDate(skew) + "localStorage.getItem('gongkai.screen') || localStorage.setItem('gongkai.screen', "
                    + quote(heldState) + ");");
            Page page = context.newPage();
            page.navigate(server.base + "/plaza");
            assertThat(((Number) page.evaluate("() => Date.now() - " + System.currentTimeMillis())).doubleValue())
                    .as("the page's clock is shifted").isCloseTo(skew, offset(60_000.0));
            page.waitForFunction("() => localStorage.getItem('gongkai.clockOffset') !== null", null,
                    new Page.WaitForFunctionOptions().setTimeout(10_000));
            double offset = Double.parseDouble((String) page.evaluate("() => localStorage.getItem('gongkai.clockOffset')"));
            assertThat(offset).as("measured offset to the server's clock").isCloseTo(-skew, offset(5_000.0));

            Set<String> shown = new HashSet<>();
            for (int i = 0; i < 16; i++) { // 4 s: each item is on screen for 1 s, so both would have come round
                Object title = page.evaluate("() => (document.querySelector('.item h1') || {}).textContent || null");
                if (title != null) shown.add((String) title);
                page.waitForTimeout(250);
            }
            assertThat(shown).contains(CURRENT).doesNotContain(ENDED);
            String clock = (String) page.evaluate("() => (document.getElementById('clock') || {}).textContent || ''");
            ZonedDateTime serverNow = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
            DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
            assertThat(clock).as("the clock on screen shows the server's time")
                    .containsAnyOf(hhmm.format(serverNow), hhmm.format(serverNow.minusMinutes(1)));
            System.out.printf("screen clock %+d h: offset %.0f ms, shown %s, clock mark '%s'%n", hours, offset, shown, clock);
        }
    }

    @Test
    void pongCarriesTheServersTime() {
        try (ScreenClient screen = new ScreenClient(server.wsUrl())) {
            Instant before = Instant.now();
            screen.send("{\"type\":\"ping\"}");
            Instant told = Instant.parse(screen.await("pong", 5000).get("serverTime").asText());
            assertThat(told).isBetween(before, Instant.now());
        }
    }

    /** Date (new Date(), Date.now()) runs `ms` ahead of the real clock; dates from values are unchanged. */
    static String shiftDate(long ms) {
        return "(() => { const Real = Date; const shift = " + ms + ";"
                + " class Shifted extends Real { constructor(...a) { if (a.length === 0) super(Real.now() + shift); else super(...a); }"
                + " static now() { return Real.now() + shift; } }"
                + " globalThis.Date = Shifted; })();";
    }

    private static JsonNode item(long id) {
        return server.anonymous().get("/api/items/" + id).json();
    }

    private static String quote(String s) {
        return PlazaBrowserTest.Json.quote(s);
    }
}
