package org.gongkai.touch;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.App;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The touchscreen with its server stopped (issue 15.5): reloaded, it shows the catalogue, lists, every published item
 * with its QR code and the search (pinyin too) from the copy its Service Worker keeps, marks itself 离线, leaves out
 * the application form, lookup and rating with a sentence, and catches up by itself when the server is back.
 */
class TouchOfflineBrowserTest {
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

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve(name + ".png")));
    }

    @Test
    void withTheServerDownItBrowsesAndSearchesItsCopyAndCatchesUpWhenItIsBack() throws Exception {
        long guides = server.anonymous().get("/api/items?kind=guide&size=100").json().get("total").asLong();
        long published = 0; // what the copy holds: published, current or still to come
        for (com.fasterxml.jackson.databind.JsonNode i : server.admin().get("/api/items?status=published&size=100").json().get("items")) {
            String end = i.path("publishEnd").asText(null);
            if (end == null || java.time.OffsetDateTime.parse(end).isAfter(java.time.OffsetDateTime.now())) published++;
        }
        int port = server.app.port();
        try (BrowserContext context = TouchBrowserTest.context(browser, 1080, 1920)) {
            Page page = context.newPage();
            page.navigate(server.base + "/touch?idle=600&copyRefresh=5");
            page.waitForSelector("#attract:not([hidden])");
            page.waitForFunction("() => !!navigator.serviceWorker.controller && document.documentElement.getAttribute('data-offline-copy') !== null");
            assertThat(page.getAttribute("html", "data-offline-copy")).isEqualTo(String.valueOf(published));
            assertThat(page.isHidden("#offline")).isTrue();

            server.app.stop();
            // still open: the first answer from the copy marks the page at once, not at the next /health probe
            page.click("#attract");
            page.waitForSelector(".tiles.main .tile");
            page.waitForSelector("#offline:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(6_000));
            page.reload();
            page.waitForSelector("#attract:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(15_000));
            page.click("#attract");
            page.waitForSelector(".tiles.main .tile");
            page.waitForSelector("#offline:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(15_000));
            assertThat(page.textContent("#offline")).isEqualTo("离线");
            page.waitForSelector(".offline-note");
            assertThat(page.textContent(".offline-note")).contains("服务器暂时连不上", "提交申请和查询办理进度");
            assertThat(page.locator("#apply, #applications").count()).as("no application tiles offline").isZero();
            assertThat(TouchLayout.measure(page, "home offline", false).failures()).isEmpty();
            shot(page, "touch-offline-home-1080x1920");
            page.setViewportSize(1920, 1080);
            assertThat(TouchLayout.measure(page, "home offline, landscape", false).failures()).isEmpty();
            shot(page, "touch-offline-home-1920x1080");
            page.setViewportSize(1080, 1920);

            page.click(".tile[data-query='kind=guide']");
            page.waitForSelector(".entry");
            assertThat(page.locator(".entry").count()).as("a page of the guides, 8 to a page in portrait").isEqualTo((int) Math.min(guides, 8));
            if (guides > 8) assertThat(page.textContent(".pager")).contains("第 1 / " + ((guides + 7) / 8) + " 页");
            TouchBrowserTest.tap(page, ".entry:has-text('" + GUIDE + "')");
            page.waitForSelector(".item h1");
            assertThat(page.textContent(".item h1")).isEqualTo(GUIDE);
            page.waitForFunction("() => { const i = document.querySelector('.qr img'); return i && i.complete && i.naturalWidth > 0; }");
            assertThat(page.locator(".rating").count()).as("no rating offline").isZero();
            shot(page, "touch-offline-guide-1080x1920");
            page.setViewportSize(1920, 1080);
            shot(page, "touch-offline-guide-1920x1080");
            page.setViewportSize(1080, 1920);

            page.click("#search");
            page.click(".word[data-word='养老']");
            page.waitForSelector(".results .entry");
            assertThat(page.textContent(".results")).contains(GUIDE);
            assertThat(page.locator(".results mark").count()).isGreaterThan(0);
            page.click(".key[data-key='clear']");
            for (String k : new String[]{"y", "l", "b", "x"}) page.click(".key[data-key='" + k + "']");
            page.click(".key[data-key='search']");
            page.waitForSelector(".results .entry:has-text('" + GUIDE + "')");
            assertThat(page.textContent(".results .entry:has-text('" + GUIDE + "') mark")).isEqualTo("养老保险");
            shot(page, "touch-offline-search-1080x1920");
            page.setViewportSize(1920, 1080);
            shot(page, "touch-offline-search-1920x1080");

            page.click("#finish");
            page.waitForSelector(".offline-note");
            assertThat(page.locator(".rate").count()).as("no rating offline").isZero();
            page.click("#home");

            // the server comes back on the same address: the mark goes, the tiles return, and a notice published
            // now reaches the copy without anyone touching the screen
            App again = new App(ConfigLoader.defaults().withPort(port), server.dataSource,
                    new App.Options(TestServer.ADMIN_PASSWORD, false)).start();
            try {
                page.waitForSelector("#offline[hidden]", new Page.WaitForSelectorOptions().setState(
                        com.microsoft.playwright.options.WaitForSelectorState.ATTACHED).setTimeout(20_000));
                page.waitForSelector("#apply", new Page.WaitForSelectorOptions().setTimeout(10_000));
                Http admin = new Http(server.base);
                assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
                Fixtures.create(admin, Fixtures.notice("离线期间之后发布的通知"));
                page.waitForFunction("n => document.documentElement.getAttribute('data-offline-copy') === String(n)",
                        (int) (published + 1), new Page.WaitForFunctionOptions().setTimeout(30_000)); // asked for at the next /health probe
            } finally {
                again.stop();
            }
        }
        assertThat(guides).isGreaterThan(0);
    }
}
