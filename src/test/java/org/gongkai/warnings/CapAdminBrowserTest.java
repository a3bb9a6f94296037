package org.gongkai.warnings;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
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

/** 预警接收 in the admin page at 1366x768: received messages with why, a pending warning's preview and its one button. */
class CapAdminBrowserTest {
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(false, c -> c, TestServer.clockFrom("2026-08-01T01:50:00Z"));
        Http admin = server.admin();
        Fixtures.basics(admin);
        assertThat(admin.post("/api/departments", "{\"code\":\"meteorology\",\"name\":\"县气象局\"}").status()).isEqualTo(201);
        Http cap = new Http(server.base).withBearer(admin.post("/api/tokens", "{\"name\":\"预警发布系统\"}").json().get("token").asText())
                .withHeader("Content-Type", "application/cap+xml");
        for (String f : new String[] {"typhoon-orange.xml", "rainstorm-other-county.xml", "exercise.xml", "fog-moderate.xml"}) {
            assertThat(cap.post("/api/cap", CapMappingUnitTest.fixture(f)).status()).isEqualTo(200);
        }
        assertThat(admin.post("/api/cap/sources", "{\"name\":\"省预警信息发布中心\",\"url\":\"http://127.0.0.1:9/cap.atom\","
                + "\"intervalSeconds\":86400,\"department\":\"meteorology\"}").status()).isEqualTo(201);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    @Test
    void aPendingWarningIsShownAsScreensWillShowItAndIssuedWithOneClick() throws Exception {
        List<String> errors = new ArrayList<>();
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"))) {
            Page page = context.newPage();
            page.onPageError(errors::add);
            page.navigate(server.base + "/admin#/warnings");
            Browser.logInToAdmin(page, "admin", TestServer.ADMIN_PASSWORD);
            page.waitForSelector(".cap-issue");
            page.waitForSelector("text=上次读取");
            assertThat(page.textContent(".cap-preview")).contains("示范县气象台发布大雾预警", "黄色预警", "示范县");
            assertThat(page.textContent("table")).contains("未采用", "does not concern", "Exercise");
            Path shot = Path.of("docs", "screenshots", "admin-warnings-1366x768.png");
            Files.createDirectories(shot.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(false));
            assertThat(page.locator(".cap-issue").count()).isEqualTo(1);
            page.click(".cap-issue");
            page.waitForSelector("text=没有待发布的预警");
            assertThat(server.admin().get("/api/items?kind=alert").body()).contains("示范县气象台发布大雾预警");
        }
        assertThat(errors).isEmpty();
    }
}
