package org.gongkai.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.Http;
import org.gongkai.support.OtherZoneBrowserTest;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's publish window is typed in the server's display time zone (display.timezone, which the page carries),
 * whatever zone the office computer is set to: 09:00 in New York on 12 March 2031 (daylight saving time, UTC-4) is
 * 13:00 UTC, and 17:30 on 5 November (standard time, UTC-5) is 22:30 UTC, typed on a computer set to Tokyo time;
 * and they read back as typed.
 */
class AdminTimeZoneBrowserTest extends OtherZoneBrowserTest {
    @Test
    void theEditorConvertsThePublishWindowInTheDisplayZone() {
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768).setTimezoneId("Asia/Tokyo"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(15_000);
            page.navigate(server.base + "/admin");
            assertThat(page.getAttribute("meta[name=gongkai-display-timezone]", "content")).isEqualTo(ZONE);
            Browser.logInToAdmin(page, "admin", TestServer.ADMIN_PASSWORD);
            page.navigate(server.base + "/admin#/items/new");
            page.fill(".editor-form input[name=title]", "纽约时间开始的通知");
            page.selectOption(".editor-form select[name=department]", "hrss");
            assertThat(page.textContent("label[for='" + page.getAttribute("input[name=publishStart]", "id") + "']"))
                    .isEqualTo("开始时间（America/New_York 时间）");
            page.fill(".editor-form input[name=publishStart]", "2031-03-12T09:00");
            page.fill(".editor-form input[name=publishEnd]", "2031-11-05T17:30"); // standard time again, UTC-5
            page.click("text=保存草稿");
            page.waitForFunction("() => /#\\/items\\/\\d+$/.test(location.hash)");
            String id = page.evaluate("() => location.hash.split('/')[2]").toString();

            Http admin = server.admin();
            JsonNode item = admin.get("/api/items/" + id).json();
            assertThat(item.get("publishStart").asText()).isEqualTo("2031-03-12T13:00:00Z");
            assertThat(item.get("publishEnd").asText()).isEqualTo("2031-11-05T22:30:00Z");

            page.reload();
            page.waitForSelector(".editor-form input[name=publishStart]");
            assertThat(page.inputValue(".editor-form input[name=publishStart]")).isEqualTo("2031-03-12T09:00");
            assertThat(page.inputValue(".editor-form input[name=publishEnd]")).isEqualTo("2031-11-05T17:30");
        }
    }
}
