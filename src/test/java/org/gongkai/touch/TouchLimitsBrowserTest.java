package org.gongkai.touch;

import org.gongkai.support.DemoBrowserTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the touchscreen tells a citizen when a limit applies: a rating is taken once per visit (and said to be
 * recorded), and a kiosk that sent too many wrong check codes says it is paused and for how long.
 */
class TouchLimitsBrowserTest extends DemoBrowserTest {

    static Page home(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(server.base + "/touch");
        wake(page);
        return page;
    }

    static void wake(Page page) {
        page.waitForSelector("#attract:not([hidden])");
        page.click("#attract");
        page.waitForSelector(".tiles.main .tile");
    }

    static void tap(Page page, String selector) {
        page.locator(selector).first().click();
    }

    static int level(int level) {
        return server.admin().get("/api/ratings/summary").json().get("levels").get(Integer.toString(level)).asInt();
    }

    static void openGuide(Page page) {
        tap(page, "#home");
        tap(page, ".tile:has-text('办事指南')");
        tap(page, ".entry:has-text('个体工商户设立登记')");
        page.waitForSelector(".item .rating");
    }

    @Test
    void aGuideIsRatedOncePerVisitAndTheNextVisitorMayRateItAgain() {
        int before = level(2);
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1920, 1080).setHasTouch(true))) {
            Page page = home(context);
            openGuide(page);
            tap(page, ".rate[data-level='2']");
            page.waitForSelector(".rating .thanks");
            assertThat(page.textContent(".rating .thanks")).contains("已记录您的评价");
            assertThat(page.locator(".rating .rate").count()).as("no second submission offered").isZero();
            assertThat(level(2)).isEqualTo(before + 1);

            openGuide(page);
            assertThat(page.textContent(".rating")).as("the same guide again in the same visit").contains("已记录您的评价");
            assertThat(page.locator(".rating .rate").count()).isZero();
            page.locator(".item .rating").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-rating-recorded-1920x1080.png")));

            tap(page, "#finish");
            page.waitForSelector("#view .rate");
            tap(page, "#view .rate[data-level='5']");
            page.waitForSelector("#view .thanks");
            assertThat(page.textContent("#view .thanks")).contains("已记录您的评价");
            wake(page); // the visit ends with a reset to the attract loop
            openGuide(page);
            assertThat(page.locator(".rating .rate").count()).as("the next visitor may rate the guide").isEqualTo(5);
            tap(page, ".rate[data-level='2']");
            page.waitForSelector(".rating .thanks");
            assertThat(level(2)).isEqualTo(before + 2);
        }
    }

    @Test
    void aKioskThatSentTooManyWrongCodesSaysItIsPausedAndForHowLong() {
        Http admin = server.admin();
        var created = admin.post("/api/applications", "{\"channel\":\"in_person\",\"subject\":\"道路建设资金\",\"applicant\":\"王五\"}").json();
        String number = created.get("number").asText();
        String code = created.get("checkCode").asText();
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1080, 1920).setHasTouch(true))) {
            Page page = home(context);
            page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
            String pairing = page.textContent("#pairing").replaceAll("\\D", "");
            assertThat(admin.post("/api/screens/pair", "{\"code\":\"" + pairing + "\",\"name\":\"大厅查询机\",\"group\":\"touch\"}").status()).isEqualTo(200);
            page.waitForFunction("() => document.getElementById('pairing').textContent === ''");

            tap(page, "#applications");
            type(page, number);
            tap(page, ".key[data-key='search']"); // on to the code field
            type(page, "ZZZZZZZZ");
            for (int i = 0; i < 5; i++) {
                page.waitForResponse(r -> r.url().contains("/api/applications/lookup") && r.url().contains("screenId="),
                        () -> tap(page, ".key[data-key='search']"));
                page.waitForSelector(".application .error");
                assertThat(page.textContent(".application .error")).contains("没有查到");
            }
            page.waitForResponse(r -> r.url().contains("/api/applications/lookup") && r.status() == 429,
                    () -> tap(page, ".key[data-key='search']"));
            page.waitForSelector("#lookup-throttled");
            assertThat(page.textContent("#lookup-throttled")).contains("暂停查询", "5 分钟");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-lookup-throttled-1080x1920.png")));

            tap(page, "#lang");
            page.waitForResponse(r -> r.url().contains("/api/applications/lookup"), () -> tap(page, ".key[data-key='search']"));
            page.waitForSelector("#lookup-throttled");
            assertThat(page.textContent("#lookup-throttled")).contains("paused for 5 minutes");
        }
        // The kiosk was throttled on its own: the same address, without the kiosk's id, still finds the application.
        Http.Response elsewhere = server.anonymous().get("/api/applications/lookup?number=" + number + "&code=" + code);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
    }

    static void type(Page page, String text) {
        for (char c : text.toLowerCase().toCharArray()) tap(page, ".key[data-key='" + c + "']");
    }
}
