package org.gongkai.plaza;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.gongkai.support.Browser;
import org.gongkai.support.DemoBrowserTest;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attention tone on the plaza player (common/attention.js), in Chromium started as the kiosk start line says
 * (--autoplay-policy=no-user-gesture-required) and once without it; and an alert's issuer and issue time.
 */
class AlertToneBrowserTest extends ServerTest {
    static Browser kiosk;
    static Browser plain;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(DemoBrowserTest.SHOTS);
        kiosk = new Browser("--autoplay-policy=no-user-gesture-required");
        plain = new Browser("--autoplay-policy=document-user-activation-required"); // desktop Chromium's default, but see below
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")); // display.timezone's default
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        for (String[] g : new String[][]{
                {"tone", "{\"code\":\"tone\",\"name\":\"有音箱的屏\",\"alertSound\":true,\"alertVolume\":60}"},
                {"silent", "{\"code\":\"silent\",\"name\":\"静音屏\",\"alertSound\":false}"},
                {"night", "{\"code\":\"night\",\"name\":\"夜间屏\",\"nightStart\":\"" + now.minusHours(1).format(hm)
                        + "\",\"nightEnd\":\"" + now.plusHours(1).format(hm) + "\"}"},
                {"blocked", "{\"code\":\"blocked\",\"name\":\"未放开自动播放的屏\"}"}}) {
            Http.Response r = admin.post("/api/screen-groups", g[1]);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void tearDown() {
        if (kiosk != null) kiosk.close();
        if (plain != null) plain.close();
    }

    static long alert(String level, String group, String title) {
        ObjectNode a = Fixtures.alert(level);
        a.put("title", title).putArray("targetGroups").add(group);
        return Fixtures.create(admin, a).get("id").asLong();
    }

    static void withdraw(long id) {
        assertThat(admin.post("/api/items/" + id + "/withdraw", "").status()).isEqualTo(200);
    }

    static int tones(Page page) {
        Object t = page.evaluate("() => Number(document.documentElement.getAttribute('data-tones') || 0)");
        return ((Number) t).intValue();
    }

    static void waitForAlert(Page page, String title) {
        page.waitForFunction("t => (document.querySelector('.alert h1') || {}).textContent === t", title,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
    }

    @Test
    void orangeSoundsOnceBlueNeverAndAnUpgradeToRedAgain() throws Exception {
        try (BrowserContext context = kiosk.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1920, 1080))) {
            Page page = StripAndGroupSettingsBrowserTest.pairedPage(context, "tone", "有音箱的屏");
            long blue = alert("blue", "tone", "大风蓝色预警");
            waitForAlert(page, "大风蓝色预警");
            page.waitForTimeout(1500);
            assertThat(tones(page)).as("a blue warning is silent").isZero();
            withdraw(blue);

            ObjectNode orange = Fixtures.alert("orange");
            orange.put("title", "暴雨橙色预警").putArray("targetGroups").add("tone");
            ((ObjectNode) orange.get("alert")).put("issuer", "示范县气象台").put("issuedAt", "2026-11-03T14:05:00+08:00");
            var created = Fixtures.create(admin, orange);
            long id = created.get("id").asLong();
            waitForAlert(page, "暴雨橙色预警");
            page.waitForFunction("() => document.documentElement.getAttribute('data-tones') === '1'");
            assertThat(page.getAttribute("html", "data-audio")).as("a real AudioContext runs").isEqualTo("running");
            assertThat(page.textContent(".alert .issuer")).isEqualTo("示范县气象台发布");
            assertThat(page.textContent(".alert .area")).isEqualTo("示范县全境 · 发布时间 2026年11月3日 14:05");
            page.screenshot(new Page.ScreenshotOptions().setPath(DemoBrowserTest.SHOTS.resolve("plaza-1920x1080-alert.png")));
            page.setViewportSize(1280, 720); // laid out again: not sounded again
            page.waitForTimeout(1500);
            page.screenshot(new Page.ScreenshotOptions().setPath(DemoBrowserTest.SHOTS.resolve("plaza-1280x720-alert.png")));
            assertThat(tones(page)).as("a re-render is silent").isEqualTo(1);

            orange.put("status", "published").put("title", "暴雨红色预警").put("version", created.get("version").asInt());
            ((ObjectNode) orange.get("alert")).put("level", "red");
            Http.Response up = admin.put("/api/items/" + id, orange.toString());
            assertThat(up.status()).as(up.body()).isEqualTo(200);
            waitForAlert(page, "暴雨红色预警");
            page.waitForFunction("() => document.documentElement.getAttribute('data-tones') === '2'");
            withdraw(id);
        }
    }

    @Test
    void aGroupWithTheToneOffIsSilentAndAtNightOnlyRedSounds() {
        var size = new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 720);
        try (BrowserContext context = kiosk.chromium.newContext(size); BrowserContext other = kiosk.chromium.newContext(size)) {
            Page silent = StripAndGroupSettingsBrowserTest.pairedPage(context, "silent", "静音屏");
            Page night = StripAndGroupSettingsBrowserTest.pairedPage(other, "night", "夜间屏"); // a screen of its own
            long red = alert("red", "silent", "静音组红色预警");
            long orange = alert("orange", "night", "夜间橙色预警");
            waitForAlert(silent, "静音组红色预警");
            waitForAlert(night, "夜间橙色预警");
            silent.waitForTimeout(1500);
            assertThat(tones(silent)).as("tone off in the group").isZero();
            assertThat(tones(night)).as("orange at night is silent").isZero();
            long nightRed = alert("red", "night", "夜间红色预警");
            waitForAlert(night, "夜间红色预警");
            night.waitForFunction("() => document.documentElement.getAttribute('data-tones') === '1'");
            withdraw(red);
            withdraw(orange);
            withdraw(nightRed);
        }
    }

    /** The admin group editor shows the tone settings, saves them, and shows the server's 400 at the volume field. */
    @Test
    void theGroupEditorEditsTheToneAndPrinterSettings() {
        try (BrowserContext context = kiosk.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768))) {
            Page page = context.newPage();
            page.navigate(server.base + "/admin#/schedule");
            Browser.logInToAdmin(page, "admin", org.gongkai.support.TestServer.ADMIN_PASSWORD);
            page.navigate(server.base + "/admin#/schedule");
            page.waitForSelector(".group-settings [name=alertVolume]");
            assertThat(page.inputValue(".group-settings [name=alertVolume]")).isEqualTo("60");
            assertThat(page.isChecked(".group-settings [name=alertSound]")).isTrue();
            page.fill(".group-settings [name=alertVolume]", "150");
            page.click(".group-settings button[type=submit]");
            page.waitForFunction("() => (document.querySelector('.group-settings [data-error-for=alertVolume]') || {}).textContent");
            page.fill(".group-settings [name=alertVolume]", "40");
            assertThat(page.inputValue(".group-settings [name=printLayout]")).isEqualTo("none");
            page.selectOption(".group-settings [name=printLayout]", "receipt80");
            page.click(".group-settings button[type=submit]");
            page.waitForFunction("() => !(document.querySelector('.group-settings [data-error-for=alertVolume]') || {}).textContent");
            page.waitForTimeout(500);
            page.locator(".group-settings").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(DemoBrowserTest.SHOTS.resolve("admin-group-sound-1366x768.png")));
            boolean saved = false;
            for (var g : admin.get("/api/screen-groups").json()) {
                if (g.get("code").asText().equals("blocked")) {
                    saved = g.get("alertVolume").asInt() == 40 && g.get("printLayout").asText().equals("receipt80");
                }
            }
            assertThat(saved).as("volume 40 and the receipt printer saved").isTrue();
        }
    }

    /** shouldSound, the rule, imported as a module: level, group switch and volume, night, heard before. */
    @Test
    void theRuleSoundsOrangeAndRedOncePerLevelAndAtNightOnlyRed() {
        try (BrowserContext context = kiosk.chromium.newContext()) {
            Page page = context.newPage();
            page.navigate(server.base + "/plaza?preview");
            Object result = page.evaluate("""
                    async () => {
                      const { shouldSound } = await import('/kiosk/common/attention.js');
                      const a = level => ({ id: 1, alert: { level } });
                      const on = { alertSound: true, alertVolume: 60 };
                      return [
                        shouldSound(a('orange'), on, false, null), shouldSound(a('red'), on, false, null),
                        shouldSound(a('blue'), on, false, null), shouldSound(a('yellow'), on, false, null),
                        shouldSound(a('orange'), on, true, null), shouldSound(a('red'), on, true, null),
                        shouldSound(a('orange'), { alertSound: false, alertVolume: 60 }, false, null),
                        shouldSound(a('orange'), { alertSound: true, alertVolume: 0 }, false, null),
                        shouldSound(a('orange'), {}, false, null),
                        shouldSound(a('orange'), on, false, 'orange'), shouldSound(a('red'), on, false, 'orange'),
                        shouldSound(a('orange'), on, false, 'red'), shouldSound(a('red'), on, true, 'orange')
                      ];
                    }""");
            assertThat(result).isEqualTo(java.util.List.of(true, true, false, false, false, true, false, false, true,
                    false, true, false, true));
        }
    }

    /**
     * Chromium started by Playwright lets an AudioContext run even with --autoplay-policy=document-user-activation-required
     * (chromium --headless alone keeps it suspended), so the page gets a context that stays suspended and whose
     * resume() never settles, as a blocking browser's does before a tap.
     */
    static final String BLOCKING_BROWSER = """
            (() => {
              const Real = window.AudioContext;
              window.AudioContext = function () {
                const ctx = new Real();
                ctx.suspend();
                Object.defineProperty(ctx, 'state', { get: () => 'suspended' });
                ctx.resume = () => new Promise(() => {});
                return ctx;
              };
            })();""";

    @Test
    void aBrowserThatBlocksAutoplayShowsANotice() {
        try (BrowserContext context = plain.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1920, 1080))) {
            context.addInitScript(BLOCKING_BROWSER);
            Page page = StripAndGroupSettingsBrowserTest.pairedPage(context, "blocked", "未放开自动播放的屏");
            long id = alert("red", "blocked", "被阻止的红色预警");
            waitForAlert(page, "被阻止的红色预警");
            page.waitForTimeout(3000);
            assertThat(page.isVisible("#sound-blocked")).as("audio " + page.getAttribute("html", "data-audio")
                    + ", tones " + tones(page)).isTrue();
            assertThat(page.textContent("#sound-blocked")).contains("--autoplay-policy=no-user-gesture-required");
            assertThat(tones(page)).isZero();
            page.screenshot(new Page.ScreenshotOptions().setPath(DemoBrowserTest.SHOTS.resolve("plaza-1920x1080-alert-sound-blocked.png")));
            withdraw(id);
            page.waitForSelector(".alert", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
        }
    }
}
