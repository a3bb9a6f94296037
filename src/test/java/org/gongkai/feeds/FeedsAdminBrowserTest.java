package org.gongkai.feeds;

import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.FixtureServer;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page's 门户订阅 view at 1366x768: each feed's state and error in plain words, fetch now, create. */
class FeedsAdminBrowserTest {
    private static final FixtureServer PORTAL = new FixtureServer();
    private static TestServer server;
    private static Http admin;
    private static Browser browser;

    @BeforeAll
    static void start() {
        // no polling: the feed that shows 尚未抓取 must not be fetched by the poller while the test looks at it
        server = FeedsTest.serverWithoutPolling();
        admin = server.admin();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
        PORTAL.close();
    }

    @Test
    void staffSeeEveryFeedsStateAndFetchOneNow() throws Exception {
        PORTAL.put("/ok.xml", "application/rss+xml", FeedsTest.rss(
                FeedsTest.entry("b-1", "示范县2026年冬季供暖服务热线公告", "/a/1.html", "2026-11-18 08:00:00", "热线 0000-5551234"),
                FeedsTest.entry("b-2", "关于做好冬季安全生产工作的通知", "/a/2.html", "2026-11-19 08:00:00", "各单位")));
        PORTAL.put("/broken.xml", "text/html", "<html><body>系统维护中</body></html>");
        long ok = admin.post("/api/feeds", "{\"name\":\"县政府门户·通知公告\",\"url\":\"" + PORTAL.url("/ok.xml")
                + "\",\"department\":\"hrss\",\"category\":\"notices\"}").json().get("id").asLong();
        admin.post("/api/feeds", "{\"name\":\"人社局·政策解读\",\"url\":\"" + PORTAL.url("/broken.xml")
                + "\",\"department\":\"hrss\",\"category\":\"interpretations\",\"trusted\":true}");
        admin.post("/api/feeds", "{\"name\":\"<img src=x onerror=alert(1)>\",\"url\":\"http://no-such-host.invalid/rss\","
                + "\"department\":\"weather\",\"category\":\"notices\"}");
        for (com.fasterxml.jackson.databind.JsonNode f : admin.get("/api/feeds").json()) {
            if (f.get("id").asLong() != ok) admin.post("/api/feeds/" + f.get("id").asLong() + "/fetch", "");
        }

        List<String> errors = new ArrayList<>();
        Page page = browser.adminView(server.base, "feeds", errors);
        page.waitForSelector("tbody tr:has-text('人社局·政策解读')");
        String text = page.textContent("main");
        assertThat(text).contains("不是订阅源", "not a feed", "域名无法解析", "no-such-host.invalid", "尚未抓取", "可信·直接发布");
        assertThat(text).as("a feed's name is text, not markup").contains("<img src=x onerror=alert(1)>");

        page.locator("tbody tr", new Page.LocatorOptions().setHasText("县政府门户·通知公告"))
                .locator("button:has-text('立即抓取')").click();
        page.waitForSelector("tbody tr:has-text('县政府门户·通知公告'):has-text('正常')");
        assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("县政府门户·通知公告")).textContent()).contains("2");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("admin-feeds-1366x768.png")));

        page.fill("#new-feed [name=name]", "新订阅");
        page.fill("#new-feed [name=url]", "ftp://portal.example/feed");
        page.click("#new-feed button[type=submit]");
        page.waitForSelector("#new-feed [data-error-for=url]:not(:empty)");
        assertThat(page.textContent("#new-feed [data-error-for=url]")).contains("http://");
        page.context().close();
        assertThat(errors).as("script errors").isEmpty();
    }
}
