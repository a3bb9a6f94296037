package org.gongkai.admin;

import org.gongkai.support.DemoBrowserTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff views on the demo, at an office PC's 1366x768. The alert composer: the department comes from
 * alerts.defaultDepartment (the demo's 示范县气象局), and each template proposes its own validity (a typhoon 48 h,
 * a rainstorm 12 h, heat 72 h at yellow and 24 h at red), which the issued alert keeps. Freshness: the demo's
 * departments as of their items' own dates, some of them stale.
 */
class DemoStaffBrowserTest extends DemoBrowserTest {

    static BrowserContext office() {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
    }

    @Test
    void theFreshnessPageShowsTheDemoAsOfItsOwnDates() {
        List<String> errors = new ArrayList<>();
        try (BrowserContext context = office()) {
            Page page = context.newPage();
            page.onPageError(errors::add);
            page.navigate(server.base + "/admin#/freshness");
            Browser.logInToAdmin(page, "admin", TestServer.ADMIN_PASSWORD);
            page.waitForSelector(".view-body[data-view='freshness'] table tbody tr");
            int stale = page.locator("td:has-text('超过一周未更新')").count();
            int rows = page.locator(".view-body[data-view='freshness'] table tbody tr").count();
            assertThat(stale).as("the 60-day-old budget, the undated pages, the old alert").isGreaterThan(2);
            assertThat(stale).as("and some departments published within the week").isLessThan(rows);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-freshness-1366x768.png")));
        }
        assertThat(errors).as("script errors").isEmpty();
    }

    static String hours(Page page) {
        return page.inputValue("input[name='publishEnd']");
    }

    @Test
    void theComposerIssuesForTheConfiguredDepartmentWithEachTemplatesOwnValidity() {
        List<String> errors = new ArrayList<>();
        try (BrowserContext context = office()) {
            Page page = context.newPage();
            page.onPageError(errors::add);
            page.navigate(server.base + "/admin#/alerts");
            Browser.logInToAdmin(page, "admin", TestServer.ADMIN_PASSWORD);
            page.waitForSelector(".alert-composer");
            assertThat(page.inputValue("select[name='department']")).isEqualTo("meteorology");
            assertThat(hours(page)).as("rainstorm").isEqualTo("12");

            page.selectOption("select[name='alert.hazard']", "heat");
            assertThat(hours(page)).as("heat, yellow").isEqualTo("72");
            page.selectOption("select[name='alert.level']", "red");
            assertThat(hours(page)).as("heat, red").isEqualTo("24");
            page.selectOption("select[name='alert.hazard']", "typhoon");
            assertThat(hours(page)).as("typhoon").isEqualTo("48");

            page.fill("input[name='publishEnd']", "30");
            page.selectOption("select[name='alert.hazard']", "rainstorm");
            assertThat(hours(page)).as("what staff typed stays").isEqualTo("30");
            page.reload();
            page.waitForSelector(".alert-composer");

            page.selectOption("select[name='alert.hazard']", "typhoon");
            page.selectOption("select[name='alert.level']", "orange");
            page.frameLocator(".preview iframe").locator(".alert.level-orange").waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-alerts-1366x768.png")));
            page.click("text=签发预警");
            page.waitForSelector(".dialog");
            assertThat(page.textContent(".dialog")).contains("全县台风橙色预警").contains("发布部门：示范县气象局");
            page.click(".dialog .dialog-actions .btn-danger");
            page.waitForSelector("td:has-text('全县台风橙色预警')");
        }
        assertThat(errors).as("script errors").isEmpty();
        JsonNode issued = server.admin().get("/api/items?kind=alert&size=50").json().get("items").get(0);
        assertThat(issued.get("title").asText()).isEqualTo("全县台风橙色预警");
        assertThat(issued.get("department").asText()).isEqualTo("meteorology");
        Duration window = Duration.between(OffsetDateTime.parse(issued.get("publishStart").asText()),
                OffsetDateTime.parse(issued.get("publishEnd").asText()));
        assertThat(window).as("48 hours from issue (the start is a minute early)").isEqualTo(Duration.ofHours(48).plusMinutes(1));
    }
}
