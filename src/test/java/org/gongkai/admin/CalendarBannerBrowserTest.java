package org.gongkai.admin;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Browser;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From 1 December, while next year's holiday notice is missing, admins (and the disclosure office) see a banner on
 * every admin view; in November, or for other staff, there is none. The servers live on chosen days (their clock).
 */
class CalendarBannerBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SHOTS);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    static TestServer serverOn(String instant) {
        return TestServer.start(ConfigLoader.defaults().withPort(0), TestServer.freshDatabase(), false, TestServer.clockFrom(instant));
    }

    /** Logs in and returns once the page has its answer about the calendar (or, for other roles, has its view). */
    static Page logIn(BrowserContext context, TestServer server, String user, String password, boolean asksCalendar, List<String> errors) {
        Page page = context.newPage();
        page.onPageError(errors::add);
        page.navigate(server.base + "/admin#/applications");
        if (asksCalendar) {
            page.waitForResponse(r -> r.url().endsWith("/api/work-calendar"), () -> Browser.logInToAdmin(page, user, password));
        } else {
            Browser.logInToAdmin(page, user, password);
        }
        page.waitForSelector(".view-body table, .view-body form");
        return page;
    }

    static BrowserContext context() {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
    }

    @Test
    void onTheFirstOfDecemberAdminsAreWarnedThatNextYearsNoticeIsMissing() {
        List<String> errors = new ArrayList<>();
        try (TestServer server = serverOn("2026-12-01T09:00:00+08:00"); BrowserContext context = context()) {
            server.user("editor-dec", "editor", null);
            Page page = logIn(context, server, "admin", TestServer.ADMIN_PASSWORD, true, errors);
            page.waitForSelector("#calendar-banner");
            String text = page.textContent("#calendar-banner");
            assertThat(text).contains("缺少 2027 年节假日安排").contains("2027.yaml").contains("节假日目录：");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-calendar-warning-1366x768.png")));

            page.click("#nav a[data-view='audit']");
            page.waitForSelector(".view-body[data-view='audit']");
            assertThat(page.locator("#calendar-banner").count()).as("on every view").isEqualTo(1);
            page.click("text=English");
            page.waitForSelector("#calendar-banner:has-text('No holiday calendar for 2027')");

            Page editor = logIn(context(), server, "editor-dec", TestServer.USER_PASSWORD, false, errors);
            assertThat(editor.locator("#calendar-banner").count()).as("an editor does not count deadlines").isZero();
            editor.context().close();
        }
        assertThat(errors).as("script errors").isEmpty();
    }

    @Test
    void inNovemberThereIsNoBanner() {
        List<String> errors = new ArrayList<>();
        try (TestServer server = serverOn("2026-11-30T17:00:00+08:00"); BrowserContext context = context()) {
            Page page = logIn(context, server, "admin", TestServer.ADMIN_PASSWORD, true, errors);
            assertThat(page.locator("#calendar-banner").count()).isZero();
        }
        assertThat(errors).as("script errors").isEmpty();
    }
}
