package org.gongkai.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A QR code printed on paper outlives its item: a person whose phone opens the short link of a withdrawn item or a
 * lifted alert gets a page that says what happened and where to look instead; a program asking for JSON still gets
 * JSON, with the same status.
 */
class LinkGoneTest {
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    static final String GONE = "this link does not lead to a published item";
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    static TestServer server;
    static Http admin;

    @BeforeAll
    static void start() throws Exception {
        Path yaml = dir.resolve("gongkai.yaml");
        Files.writeString(yaml, """
                office:
                  name: 示范县人民政府办公室
                  nameEn: Demo County Government Office
                  phone: 0000-5550100
                  portalUrl: https://www.example.org/xxgk/
                  hall: 示范县政务服务中心一楼，触摸屏可查询全部公开信息
                  hallEn: the touchscreens on the ground floor of the Government Service Center
                """);
        server = TestServer.start(false, c -> ConfigLoader.load(yaml).withPort(0).withDataDir(c.data().dir()));
        admin = server.admin();
        Fixtures.basics(admin);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String withdrawnCode() {
        JsonNode item = Fixtures.create(admin, Fixtures.notice("关于征集2026年民生实事项目的通知"));
        assertThat(admin.post("/api/items/" + item.get("id").asLong() + "/withdraw", "").status()).isEqualTo(200);
        return item.get("shortCode").asText();
    }

    static Http.Response as(String accept, String path) {
        Http client = server.anonymous();
        if (accept != null) client.withHeader("Accept", accept);
        return client.get(path);
    }

    @Test
    void aPhoneGetsAPageSayingTheItemWasWithdrawnAndWhomToAsk() {
        String code = withdrawnCode();
        Http.Response page = as(BROWSER_ACCEPT, "/s/" + code);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body()).contains("<html lang=\"zh-CN\"", "已撤回", "0000-5550100", "href=\"tel:00005550100\"",
                "href=\"https://www.example.org/xxgk/\"", "示范县政务服务中心一楼", "示范县人民政府办公室",
                "县人力资源和社会保障局", "/kiosk/m/item.css", "href=\"?lang=en\"");
        assertThat(page.body()).as("no inline script or style, no handlers").doesNotContain("<script", " style=", " onclick");

        Http.Response english = as(BROWSER_ACCEPT, "/s/" + code + "?lang=en");
        assertThat(english.status()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\"", "withdrawn", "0000-5550100", "Demo County Government Office",
                "href=\"?lang=zh\"");
    }

    @Test
    void programsKeepGettingJsonWithTheSameStatus() {
        String code = withdrawnCode();
        for (String accept : new String[]{"application/json", null, "*/*"}) {
            Http.Response r = as(accept, "/s/" + code);
            assertThat(r.status()).as("Accept: " + accept).isEqualTo(404);
            assertThat(r.header("Content-Type")).as("Accept: " + accept).startsWith("application/json");
            assertThat(r.json().get("error").asText()).isEqualTo(GONE);
        }
        assertThat(as("application/json", "/s/ZZZZZZ").json().get("error").asText()).isEqualTo(GONE);
    }

    @Test
    void aLiftedAlertSaysSoAndAnUnknownCodeSaysTheLinkIsWrong() {
        JsonNode alert = Fixtures.create(admin, Fixtures.alert("red"));
        assertThat(admin.post("/api/items/" + alert.get("id").asLong() + "/clear", "").status()).isEqualTo(200);
        Http.Response lifted = as(BROWSER_ACCEPT, "/s/" + alert.get("shortCode").asText());
        assertThat(lifted.status()).isEqualTo(404);
        assertThat(lifted.body()).contains("预警已解除").doesNotContain("已撤回");
        assertThat(as(BROWSER_ACCEPT, "/s/" + alert.get("shortCode").asText() + "?lang=en").body()).contains("lifted");

        Http.Response unknown = as(BROWSER_ACCEPT, "/s/ZZZZZZ");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("text/html");
        assertThat(unknown.body()).contains("没有找到", "0000-5550100");
    }

    @Test
    void everyConfiguredAndStoredValueIsEscaped() {
        String evil = "<img src=x onerror=alert(1)>\"'&";
        String html = new LinkGonePage(new org.gongkai.config.Config.Office(evil, evil, "0000-5550100",
                "https://www.example.org/\"><script>", evil, evil)).render(LinkGonePage.Reason.WITHDRAWN, false,
                new org.gongkai.departments.Department("x", evil, evil, "0000-1"));
        assertThat(html).doesNotContain("<img", "<script", "\"><").contains("&lt;img src=x onerror=alert(1)&gt;&quot;&apos;&amp;");
    }

    @Test
    void thePageReadsWellOnAPhoneWithoutBreakingItsContentSecurityPolicy() throws Exception {
        String code = withdrawnCode();
        Files.createDirectories(SHOTS);
        try (Browser browser = new Browser(); BrowserContext context = browser.chromium.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(390, 844)
                        .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = context.newPage();
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> { if ("error".equals(m.type())) problems.add(m.text()); });
            page.onPageError(problems::add);
            page.navigate(server.base + "/s/" + code);
            page.waitForSelector("h1");
            assertThat(page.textContent("h1")).contains("已撤回");
            assertThat((Number) page.evaluate("() => document.documentElement.scrollWidth")).satisfies(w ->
                    assertThat(w.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390));
            assertThat((String) page.evaluate("() => getComputedStyle(document.body).fontFamily"))
                    .as("styled by the mobile page's style sheet").contains("Noto Sans CJK SC");
            assertThat((String) page.evaluate("() => getComputedStyle(document.querySelector('a[href^=\"tel:\"]')).display"))
                    .as("the phone number is a large tap target").isEqualTo("block");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("m-link-gone-390x844.png")));
            page.click("a[href='?lang=en']");
            page.waitForSelector("html[lang=en]");
            assertThat(page.textContent("h1")).containsIgnoringCase("withdrawn");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("m-link-gone-en-390x844.png")));
            assertThat(problems).as("console errors (a CSP violation shows here) - only the 404 of the page itself is allowed")
                    .allMatch(p -> p.contains("404"));
        }
    }
}
