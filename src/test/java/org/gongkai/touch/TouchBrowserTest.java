package org.gongkai.touch;

import org.gongkai.support.DemoBrowserTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.Http;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service-hall touchscreen in headless Chromium, over the demo content, in both orientations. */
class TouchBrowserTest extends DemoBrowserTest {

    static BrowserContext context(int width, int height) {
        return context(browser, width, height);
    }

    static BrowserContext context(Browser browser, int width, int height) {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setHasTouch(true));
    }

    /** Wakes the screen from its attract loop: the home screen, zero taps so far. */
    static Page home(BrowserContext context, String query) {
        Page page = context.newPage();
        page.navigate(server.base + "/touch" + query);
        page.waitForSelector("#attract:not([hidden])");
        page.click("#attract");
        page.waitForSelector(".tiles.main .tile");
        return page;
    }

    /** Opens path on a new screen, pairs it into the demo's touch group as name, and wakes it to the home screen. */
    static void pair(Page page, org.gongkai.support.TestServer server, String path, String name) {
        page.navigate(server.base + path);
        page.waitForSelector("#attract:not([hidden])");
        page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
        String code = page.textContent("#pairing").replaceAll("\\D", "");
        org.gongkai.support.Http.Response r = server.admin().post("/api/screens/pair",
                "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"group\":\"touch\"}");
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(200);
        page.waitForFunction("() => document.getElementById('pairing').textContent === ''");
        page.click("#attract");
        page.waitForSelector(".tiles.main .tile");
    }

    static void tap(Page page, String selector) {
        page.locator(selector).first().click();
    }

    @Test
    void aGuideIsTwoTapsFromHomeInBothOrientations() {
        for (int[] size : new int[][]{{1920, 1080}, {1080, 1920}}) {
            try (BrowserContext context = context(size[0], size[1])) {
                Page page = home(context, "");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-home-" + size[0] + "x" + size[1] + ".png")));
                tap(page, ".tile:has-text('办事指南')");
                tap(page, ".entry:has-text('城乡居民养老保险参保登记')");
                page.waitForSelector(".item h1");
                assertThat(page.textContent(".item h1")).isEqualTo("城乡居民养老保险参保登记");
                assertThat(page.locator(".materials li").count()).isEqualTo(3);
                assertThat(page.locator(".qr img").count()).isEqualTo(1);
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-guide-" + size[0] + "x" + size[1] + ".png")));
                tap(page, "#back");
                page.waitForSelector(".entry:has-text('城乡居民养老保险参保登记')");
            }
        }
    }

    @Test
    void aPolicyShowsItsInterpretationsAndALifeEventListsItsGuides() {
        try (BrowserContext context = context(1080, 1920)) {
            Page page = home(context, "");
            tap(page, ".tile:has-text('法规文件')");
            tap(page, ".entry:has-text('示范县关于进一步做好稳就业工作的若干措施')");
            page.waitForSelector(".related a");
            tap(page, ".related a:has-text('政策解读')");
            page.waitForFunction("() => (document.querySelector('.item h1') || {}).textContent === '《示范县关于进一步做好稳就业工作的若干措施》政策解读'");
            page.waitForSelector(".related a:has-text('稳就业')");

            tap(page, "#home");
            tap(page, ".tile:has-text('养老')");
            page.waitForSelector(".entry");
            assertThat(page.locator(".entry-title").allTextContents()).contains("城乡居民养老保险参保登记");
        }
    }

    @Test
    void searchWithTheOnScreenKeyboardInPinyinInitialsAndByCommonWord() {
        try (BrowserContext context = context(1080, 1920)) {
            Page page = home(context, "");
            tap(page, "#search");
            for (String key : List.of("y", "l", "b", "x")) tap(page, ".key[data-key='" + key + "']");
            assertThat(page.textContent(".search-box")).isEqualTo("ylbx");
            tap(page, ".key[data-key='search']");
            page.waitForSelector(".results .entry");
            assertThat(page.locator(".results mark").allTextContents()).contains("养老保险");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-search-1080x1920.png")));
            tap(page, ".word[data-word='低保']");
            page.waitForFunction("() => [...document.querySelectorAll('.results .entry-title')].some(e => e.textContent.includes('最低生活保障'))");
        }
    }

    @Test
    void afterTheIdleTimeEverythingTheLastPersonDidIsForgotten() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = home(context, "?idle=4");
            tap(page, "#large");
            tap(page, "#search");
            tap(page, ".key[data-key='y']");
            assertThat(page.textContent(".search-box")).isEqualTo("y");
            page.waitForSelector("#idle:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(5000));
            page.waitForSelector("#attract:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(8000));
            page.click("#attract");
            page.waitForSelector(".tiles.main .tile");
            assertThat(page.evaluate("() => document.body.classList.contains('large')")).isEqualTo(false);
            tap(page, "#back");
            assertThat(page.locator(".search-box").count()).as("no way back into the last person's search").isZero();
            tap(page, "#search");
            assertThat(page.getAttribute(".search-box", "class")).as("empty again").contains("placeholder");
            assertThat(page.textContent(".search-box")).startsWith("请用下方键盘");
        }
    }

    /** The main colour pairs: text on its background at least 4.5:1. */
    @Test
    void mainColourPairsHaveEnoughContrast() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = home(context, "");
            tap(page, "#search");
            tap(page, ".word[data-word='养老']");
            page.waitForSelector(".results mark");
            @SuppressWarnings("unchecked")
            Map<String, Number> ratios = (Map<String, Number>) page.evaluate(CONTRAST);
            assertThat(ratios).isNotEmpty();
            ratios.forEach((what, ratio) -> assertThat(ratio.doubleValue()).as(what).isGreaterThanOrEqualTo(4.5));
        }
    }

    @Test
    void highContrastModeReachesSevenToOne() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = home(context, "");
            tap(page, "#contrast");
            tap(page, "#search");
            tap(page, ".word[data-word='养老']");
            page.waitForSelector(".results mark");
            @SuppressWarnings("unchecked")
            Map<String, Number> ratios = (Map<String, Number>) page.evaluate(CONTRAST);
            ratios.forEach((what, ratio) -> assertThat(ratio.doubleValue()).as(what).isGreaterThanOrEqualTo(7));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-contrast-1920x1080.png")));
        }
    }

    /**
     * A speechSynthesis that stands in for the browser's (headless Chromium has no voices): its voices are
     * window.__voices, and window.__voicesArrive(list) changes them and fires voiceschanged, as a browser does when
     * it has loaded its voices after the page.
     */
    static final String SPEECH = """
            window.__spoken = [];
            window.__voices = %s;
            window.SpeechSynthesisUtterance = function (text) { this.text = text; };
            const synth = new EventTarget();
            synth.speaking = false;
            synth.getVoices = () => window.__voices;
            synth.cancel = () => {};
            synth.speak = u => window.__spoken.push(u.text + '|' + u.lang + '|' + (u.voice ? u.voice.name : ''));
            Object.defineProperty(window, 'speechSynthesis', { value: synth });
            window.__voicesArrive = list => { window.__voices = list; synth.dispatchEvent(new Event('voiceschanged')); };""";

    static Page guide(BrowserContext context, String title) {
        Page page = home(context, "");
        tap(page, ".tile:has-text('办事指南')");
        tap(page, ".entry:has-text('" + title + "')");
        page.waitForFunction("t => (document.querySelector('.item h1') || {}).textContent === t", title);
        return page;
    }

    /** With a Chinese voice, the item on screen can be read aloud, in that voice. */
    @Test
    void theItemOnScreenCanBeReadAloud() {
        try (BrowserContext context = context(1920, 1080)) {
            context.addInitScript(SPEECH.formatted("[{ name: 'English', lang: 'en-US' }, { name: 'Tingting', lang: 'zh-CN' }]"));
            Page page = guide(context, "个体工商户设立登记");
            tap(page, ".speak");
            String spoken = (String) page.evaluate("() => window.__spoken[0]");
            assertThat(spoken).contains("个体工商户设立登记").contains("申请材料").endsWith("|zh-CN|Tingting");
        }
    }

    /** Headless Chromium's own speech has no voice at all: no 朗读 button that would read nothing. */
    @Test
    void withoutAnyVoiceThereIsNoReadAloudButton() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = guide(context, "个体工商户设立登记");
            assertThat(page.evaluate("() => typeof speechSynthesis === 'object' && speechSynthesis.getVoices().length"))
                    .as("the browser has speech but no voice").isEqualTo(0);
            assertThat(page.locator(".speak").count()).isZero();
        }
        try (BrowserContext context = context(1920, 1080)) {
            context.addInitScript(SPEECH.formatted("[{ name: 'English', lang: 'en-US' }]"));
            Page page = guide(context, "个体工商户设立登记");
            assertThat(page.locator(".speak").count()).as("an English voice cannot read Chinese").isZero();
        }
    }

    /** Voices that load after the page: the button appears on the item on screen, and on the next ones. */
    @Test
    void aChineseVoiceArrivingLateAddsTheButton() {
        try (BrowserContext context = context(1920, 1080)) {
            context.addInitScript(SPEECH.formatted("[]"));
            Page page = guide(context, "个体工商户设立登记");
            assertThat(page.locator(".speak").count()).isZero();
            page.evaluate("() => window.__voicesArrive([{ name: 'Yunxi', lang: 'zh_CN' }])");
            page.waitForSelector(".item .speak");
            assertThat(page.locator(".speak").count()).isEqualTo(1);
            tap(page, ".speak");
            assertThat((String) page.evaluate("() => window.__spoken[0]")).endsWith("|zh-CN|Yunxi");
            tap(page, "#back");
            tap(page, ".entry:has-text('最低生活保障申请')");
            page.waitForFunction("() => (document.querySelector('.item h1') || {}).textContent === '最低生活保障申请'");
            assertThat(page.locator(".speak").count()).isEqualTo(1);
        }
    }

    static final String CONTRAST = """
            () => {
              const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
              const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                                 return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
                                 if (!c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
              const ratio = e => { const a = lum(rgb(getComputedStyle(e).color)), b = lum(rgb(bg(e)));
                                   return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
              const out = {};
              for (const sel of ['header h1', '#home', '.word', '.key', '.search-box', '.entry-title', '.entry-meta', 'mark', '.count', 'h2']) {
                const e = document.querySelector(sel); if (e) out[sel] = ratio(e);
              }
              return out;
            }""";

    /** Paired to a group, the touchscreen gets alerts and changes live: an alert covers it until put aside. */
    @Test
    void alertsCoverTheScreenUntilDismissedAndNewItemsAppearWithoutAReload() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = home(context, "");
            page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
            String code = page.textContent("#pairing").replaceAll("\\D", "");
            Http admin = server.admin();
            assertThat(admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"大厅查询机\",\"group\":\"touch\"}").status()).isEqualTo(200);
            page.waitForFunction("() => document.getElementById('pairing').textContent === ''");

            tap(page, ".tile:has-text('公示公告')");
            page.waitForSelector(".entry");
            var notice = org.gongkai.support.Fixtures.notice("触摸屏实时更新测试通知");
            notice.put("department", "gov-office").put("priority", 99);
            long noticeId = org.gongkai.support.Fixtures.create(admin, notice).get("id").asLong();
            page.waitForSelector(".entry:has-text('触摸屏实时更新测试通知')", new Page.WaitForSelectorOptions().setTimeout(5000));

            var alert = org.gongkai.support.Fixtures.alert("orange");
            alert.put("department", "meteorology").put("title", "示范县气象台发布暴雨橙色预警信号");
            long alertId = org.gongkai.support.Fixtures.create(admin, alert).get("id").asLong();
            page.waitForSelector("#alert.level-orange h2", new Page.WaitForSelectorOptions().setTimeout(5000));
            assertThat(page.textContent("#alert h2")).isEqualTo("示范县气象台发布暴雨橙色预警信号");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-alert-1920x1080.png")));
            tap(page, "#dismiss");
            page.waitForSelector("#alert", new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            // An item whose window ends: no message comes, the screen sees the end itself.
            var ending = org.gongkai.support.Fixtures.notice("五秒后到期的通知");
            ending.put("department", "gov-office").put("priority", 98)
                    .put("publishEnd", java.time.OffsetDateTime.now().plusSeconds(5).toString());
            org.gongkai.support.Fixtures.create(admin, ending);
            page.waitForSelector(".entry:has-text('五秒后到期的通知')", new Page.WaitForSelectorOptions().setTimeout(5000));
            page.waitForSelector(".entry:has-text('五秒后到期的通知')",
                    new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(10000));

            assertThat(admin.post("/api/items/" + alertId + "/withdraw", "").status()).isEqualTo(200);
            assertThat(admin.post("/api/items/" + noticeId + "/withdraw", "").status()).isEqualTo(200);
            page.waitForSelector(".entry:has-text('触摸屏实时更新测试通知')",
                    new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(5000));
        }
    }

    /** An applicant types number and check code on the screen keyboard; a wrong code shows nothing of it. */
    @Test
    void anApplicantLooksUpAnApplicationWithTheScreenKeyboard() {
        Http admin = server.admin();
        var created = admin.post("/api/applications", "{\"channel\":\"in_person\",\"subject\":\"道路建设资金\",\"applicant\":\"王五\"}").json();
        String number = created.get("number").asText();
        String code = created.get("checkCode").asText();
        try (BrowserContext context = context(1080, 1920)) {
            Page page = home(context, "");
            tap(page, "#applications");
            type(page, number);
            tap(page, ".key[data-key='search']"); // 查询 with no code yet: on to the code field
            type(page, "ZZZZZZZZ");
            tap(page, ".key[data-key='search']");
            page.waitForSelector(".application .error");
            assertThat(page.textContent(".application")).doesNotContain(number).doesNotContain("王五");
            tap(page, ".field-box[data-field='code']");
            tap(page, ".key[data-key='clear']");
            type(page, code);
            tap(page, ".key[data-key='search']");
            page.waitForSelector(".application .facts");
            assertThat(page.textContent(".application")).contains(number).contains("已收到").contains("个工作日")
                    .doesNotContain("王五").doesNotContain("道路建设资金");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-application-1080x1920.png")));
        }
    }

    static void type(Page page, String text) {
        for (char c : text.toLowerCase().toCharArray()) tap(page, ".key[data-key='" + c + "']");
    }

    @Test
    void aVisitEndsWithAnAnonymousRatingAndStartsAfresh() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = home(context, "");
            tap(page, "#finish");
            page.waitForSelector(".reasons .word");
            tap(page, ".word[data-reason='easy']");
            assertThat(page.textContent(".word[data-reason='easy']")).startsWith("✓");
            tap(page, ".rate[data-level='5']");
            page.waitForSelector(".thanks");
            page.waitForSelector("#attract:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(6000));
            var summary = server.admin().get("/api/ratings/summary").json();
            assertThat(summary.get("levels").get("5").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(summary.get("reasons").get("easy").asInt()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void englishIsOneTapAwayAndTheNextPersonGetsChineseAgain() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = home(context, "?idle=5");
            tap(page, "#lang");
            assertThat(page.textContent("#home")).isEqualTo("Home");
            assertThat(page.locator("main h2").allTextContents()).contains("Government information", "For people, by life event");
            tap(page, ".tile:has-text('Office guides')");
            tap(page, ".entry:has-text('城乡居民养老保险参保登记')");
            page.waitForSelector(".item h2");
            assertThat(page.locator(".item h2").allTextContents()).contains("Who may apply", "Materials", "Steps");
            assertThat(page.textContent(".item .meta")).contains("Office guide").contains("Human Resources and Social Security Bureau");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-english-1920x1080.png")));
            page.waitForSelector("#attract:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(9000));
            page.click("#attract");
            page.waitForSelector(".tiles.main .tile");
            assertThat(page.textContent("#home")).isEqualTo("首页");
            assertThat(page.evaluate("() => document.documentElement.lang")).isEqualTo("zh-CN");
        }
    }

    @Test
    void aRatingOnAGuideIsStored() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = home(context, "");
            tap(page, ".tile:has-text('办事指南')");
            tap(page, ".entry:has-text('个体工商户设立登记')");
            tap(page, ".rate[data-level='4']");
            page.waitForSelector(".thanks");
            Http admin = server.admin();
            assertThat(admin.get("/api/ratings/summary").json().get("levels").get("4").asInt()).isEqualTo(1);
        }
    }
}
