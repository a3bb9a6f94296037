package org.gongkai.touch;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attract loop (issue 15.6): the hall's notices and the guides most opened at this very screen, large, with
 * 点击屏幕开始 · Tap the screen to start. The guides come from the views this screen counted.
 */
class TouchAttractBrowserTest {
    static final String GUIDE = "城乡居民养老保险参保登记";
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void setUp() throws Exception {
        java.nio.file.Files.createDirectories(TouchBrowserTest.SHOTS);
        server = TestServer.start(true, c -> c);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void aGuideOpenedAtThisScreenJoinsItsAttractLoopAsMostUsedHere() throws Exception {
        Http admin = server.admin();
        for (int[] size : new int[][]{{1920, 1080}, {1080, 1920}}) {
            try (BrowserContext context = TouchBrowserTest.context(browser, size[0], size[1])) {
                Page page = context.newPage();
                TouchBrowserTest.pair(page, server, "/touch?attract=1", "吸引查询机" + size[0]);

                for (int visit = 0; visit < 2; visit++) {
                    TouchBrowserTest.tap(page, ".tile:has-text('办事指南')");
                    TouchBrowserTest.tap(page, ".entry:has-text('" + GUIDE + "')");
                    page.waitForSelector(".item h1");
                    TouchBrowserTest.tap(page, "#home");
                }
                awaitMostUsed(admin, screenOf(admin, "吸引查询机" + size[0]));

                page.reload(); // a new loop asks for this screen's most used guides at once
                page.waitForSelector("#attract .attract-item:has(.attract-meta:has-text('本机常用')) h2:has-text('" + GUIDE + "')",
                        new Page.WaitForSelectorOptions().setTimeout(30_000));
                assertThat(page.textContent("#attract .attract-meta")).isEqualTo("本机常用办事指南 · Most used here");
                assertThat(page.textContent("#attract .attract-hint")).isEqualTo("点击屏幕开始 · Tap the screen to start");
                assertThat(page.locator("#attract .attract-item img").count()).isEqualTo(1);
                assertThat(TouchLayout.measure(page, "attract most used guide", false).failures()).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(
                        TouchBrowserTest.SHOTS.resolve("touch-attract-guide-" + size[0] + "x" + size[1] + ".png")));
            }
        }
    }

    private static String screenOf(Http admin, String name) {
        for (var s : admin.get("/api/screens").json()) {
            if (name.equals(s.get("name").asText())) return s.get("id").asText();
        }
        throw new AssertionError("no screen named " + name);
    }

    /** Views are written every few seconds: waits until the screen's most used guides name the guide. */
    private static void awaitMostUsed(Http admin, String screen) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        String answer = "";
        while (System.nanoTime() < end) {
            answer = admin.get("/api/usage/popular?kind=guide&screen=" + screen).body();
            if (answer.contains(GUIDE)) return;
            Thread.sleep(250);
        }
        throw new AssertionError("the guide opened twice is not among the screen's most used after 20 s: " + answer);
    }
}
