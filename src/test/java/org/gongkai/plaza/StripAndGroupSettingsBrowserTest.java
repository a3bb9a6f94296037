package org.gongkai.plaza;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strips over a window (group hall, items on screen for the default 12 s) and a group whose settings change while
 * an item is on screen, in headless Chromium against the real server.
 */
class StripAndGroupSettingsBrowserTest extends ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static Browser browser;
    static ArrayNode stripItems = JSON.createArrayNode(); // { title, address } of the hall's items

    @BeforeAll
    static void setUp() {
        browser = new Browser();
        for (String title : List.of("关于2027年度城乡居民基本医疗保险集中缴费的通告", "2026年第四季度公益性岗位招聘公告")) {
            ObjectNode item = Fixtures.notice(title); // no durationSeconds: the group's default, 12 s
            item.putArray("targetGroups").add("hall");
            JsonNode created = Fixtures.create(admin, item);
            stripItems.addObject().put("title", title)
                    .put("address", created.get("shortUrl").asText().replaceFirst("^https?://", ""));
        }
        for (String title : List.of("长时间展示的第一条公告", "长时间展示的第二条公告")) {
            ObjectNode item = Fixtures.notice(title);
            item.put("durationSeconds", 600).putArray("targetGroups").add("plaza");
            Fixtures.create(admin, item);
        }
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) browser.close();
    }

    static Page pairedPage(BrowserContext context, String group, String name) {
        Page page = context.newPage();
        page.navigate(server.base + "/plaza");
        page.waitForFunction("() => /^\\d{6}$/.test((document.querySelector('.pairing .code') || {}).textContent || '')");
        String code = page.textContent(".pairing .code");
        Http.Response pair = admin.post("/api/screens/pair",
                "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"group\":\"" + group + "\"}");
        assertThat(pair.status()).as(pair.body()).isEqualTo(200);
        return page;
    }

    /**
     * Watches the strip in every animation frame: for each showing of an item (from the moment its line appears
     * until another line replaces it), whether the last character of its title and of its short address were ever
     * wholly inside the visible part of the strip.
     */
    static final String WATCH_STRIP = """
            (expected => {
              const log = window.stripShowings = [];
              let current = null;
              function lastChar(node, text, part) {
                const at = text.indexOf(part);
                if (at < 0 || !node) return null;
                const range = document.createRange();
                range.setStart(node, at + part.length - 1);
                range.setEnd(node, at + part.length);
                return range.getBoundingClientRect();
              }
              function visible(r, box) {
                return !!r && r.width > 0 && r.left >= Math.max(0, box.left) - 0.5 && r.right <= Math.min(innerWidth, box.right) + 0.5
                  && r.top >= -0.5 && r.bottom <= innerHeight + 0.5;
              }
              function frame() {
                const line = document.querySelector('.strip-line .marquee');
                const text = line ? line.textContent : null;
                if (!current || current.text !== text) { // a new line: the previous showing is over
                  if (current) { current.ended = true; current.ms = Math.round(performance.now() - current.start); }
                  const item = text && expected.find(e => text.indexOf(e.title) >= 0);
                  current = item ? { text, title: item.title, titleEnd: false, addressEnd: false, ended: false,
                    start: performance.now() } : null;
                  if (current) log.push(current);
                }
                if (current) {
                  const item = expected.find(e => e.title === current.title);
                  const box = line.parentNode.getBoundingClientRect();
                  if (visible(lastChar(line.firstChild, text, item.title), box)) current.titleEnd = true;
                  if (visible(lastChar(line.firstChild, text, item.address), box)) current.addressEnd = true;
                }
                requestAnimationFrame(frame);
              }
              document.addEventListener('DOMContentLoaded', frame);
            })(%s);""";

    /** Item 9: every character of the title and the short address passes through view before the item changes. */
    @Test
    void aStripShowsTheWholeTitleAndShortAddressBeforeTheItemChanges() throws Exception {
        int[][] sizes = {{1920, 320}, {1280, 160}};
        List<BrowserContext> contexts = new java.util.ArrayList<>();
        List<Page> pages = new java.util.ArrayList<>();
        try {
            for (int[] size : sizes) { // both strips run at once; each is its own paired screen
                BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(size[0], size[1]));
                contexts.add(context);
                context.addInitScript(WATCH_STRIP.formatted(stripItems.toString()));
                pages.add(pairedPage(context, "hall", "窗口条屏 " + size[0] + "x" + size[1]));
            }
            for (int i = 0; i < sizes.length; i++) {
                String name = sizes[i][0] + "x" + sizes[i][1];
                Page page = pages.get(i);
                // Both items, each from its first frame to its last: the first two showings that have ended.
                page.waitForFunction("() => window.stripShowings.filter(s => s.ended).length >= 2", null,
                        new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(250));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> showings = (List<Map<String, Object>>) page.evaluate(
                        "() => window.stripShowings.filter(s => s.ended).slice(0, 2)");
                assertThat(showings).extracting(s -> s.get("title")).as(name)
                        .containsExactlyInAnyOrder(stripItems.get(0).get("title").asText(), stripItems.get(1).get("title").asText());
                for (Map<String, Object> s : showings) {
                    assertThat(s.get("titleEnd")).as("%s: the title's last character was in view within %s ms: %s", name,
                            s.get("ms"), s.get("text")).isEqualTo(true);
                    assertThat(s.get("addressEnd")).as("%s: the short address's last character was in view within %s ms: %s", name,
                            s.get("ms"), s.get("text")).isEqualTo(true);
                }
                if (i == 0) { // for the README: the strip at the end of its line, the short address in view
                    page.waitForFunction("() => window.stripShowings[window.stripShowings.length - 1].addressEnd", null,
                            new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(50));
                    java.nio.file.Files.createDirectories(PlazaBrowserTest.SHOTS);
                    page.screenshot(new Page.ScreenshotOptions().setPath(PlazaBrowserTest.SHOTS.resolve("plaza-1920x320-end.png")));
                }
            }
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    /** Item 10: a new viewing distance and picture height re-lay the item on screen at once, without changing it. */
    @Test
    void newGroupSettingsApplyToTheItemOnScreen() {
        String group = "{\"name\":\"人民广场大屏\",\"viewingDistanceMeters\":%s,\"screenHeightMeters\":%s}";
        String qrWidth = "() => document.querySelector('.item .qr') ? document.querySelector('.item .qr').getBoundingClientRect().width : 0";
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1920, 1080))) {
            Page page = pairedPage(context, "plaza", "广场设置测试屏");
            page.waitForSelector(".item h1");
            page.waitForFunction("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
            String title = page.textContent(".item h1");
            double before = ((Number) page.evaluate(qrWidth)).doubleValue();
            assertThat(before).as("no picture height: the usual QR, 0.4 of the height").isBetween(420.0, 440.0);

            // 10 m from a picture 1.5 m high: a QR of at least 1 m, 720 px of 1080; items here stay 600 s each.
            assertThat(admin.put("/api/screen-groups/plaza", group.formatted(10, 1.5)).status()).isEqualTo(200);
            page.waitForFunction(qrWidth.replace("() =>", "() => (") + ") >= 719", null,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
            assertThat(page.textContent(".item h1")).as("the same item, laid out again").isEqualTo(title);
            double titleSize = ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.item h1')).fontSize)"))
                    .doubleValue();
            assertThat(titleSize).isGreaterThanOrEqualTo(0.008 * 10 * 720);

            assertThat(admin.put("/api/screen-groups/plaza", group.formatted(30, "null")).status()).isEqualTo(200);
            page.waitForFunction(qrWidth.replace("() =>", "() => (") + ") < 440", null,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
            assertThat(page.textContent(".item h1")).as("still the same item").isEqualTo(title);
        } finally {
            assertThat(admin.put("/api/screen-groups/plaza", group.formatted(30, "null")).status()).isEqualTo(200);
        }
    }
}
