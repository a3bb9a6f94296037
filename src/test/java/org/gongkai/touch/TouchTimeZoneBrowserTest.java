package org.gongkai.touch;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.DemoBrowserTest;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.OtherZoneBrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The touchscreen shows times in the display time zone the server sends (display.timezone, the screen's group's
 * `timezone`), not in a zone of its own and not in the device's: a server set to New York time, a kiosk whose
 * system clock is set to Tokyo, and an alert issued at a known minute.
 */
class TouchTimeZoneBrowserTest extends OtherZoneBrowserTest {
    @BeforeAll
    static void touchGroup() {
        assertThat(server.admin().post("/api/screen-groups", "{\"code\":\"touch\",\"name\":\"查询机\"}").status()).isEqualTo(201);
    }

    @Test
    void anAlertShowsWhenItWasIssuedInTheGroupsTimeZone() {
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1080, 1920).setHasTouch(true).setTimezoneId("Asia/Tokyo"))) {
            Page page = context.newPage();
            page.navigate(server.base + "/touch");
            assertThat(page.getAttribute("meta[name=gongkai-display-timezone]", "content")).isEqualTo(ZONE);
            page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
            String code = page.textContent("#pairing").replaceAll("\\D", "");
            Http admin = server.admin();
            assertThat(admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"查询机\",\"group\":\"touch\"}").status()).isEqualTo(200);
            page.waitForFunction("() => document.getElementById('pairing').textContent === ''");

            OffsetDateTime issued = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2).truncatedTo(ChronoUnit.MINUTES);
            var alert = Fixtures.alert("red");
            alert.put("title", "纽约时间预警").put("publishStart", issued.toString());
            Fixtures.create(admin, alert);
            page.waitForSelector("#alert.level-red h2", new Page.WaitForSelectorOptions().setTimeout(10_000));

            DateTimeFormatter chinese = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
            String there = issued.atZoneSameInstant(ZoneId.of(ZONE)).format(chinese);
            String shanghai = issued.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(chinese);
            String tokyo = issued.atZoneSameInstant(ZoneId.of("Asia/Tokyo")).format(chinese);
            String area = page.textContent("#alert .area");
            assertThat(area).isEqualTo("示范县全境 · 发布时间 " + there).doesNotContain(shanghai).doesNotContain(tokyo);
            page.screenshot(new Page.ScreenshotOptions().setPath(DemoBrowserTest.SHOTS.resolve("touch-alert-new-york-1080x1920.png")));
        }
    }
}
