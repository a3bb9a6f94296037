package org.gongkai.touch;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.config.Config;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every touch view, in every mode (normal, 大字, 高对比, English) and both orientations, walked once and measured on
 * every element: text contrast from the browser's computed colours, at least 4.5:1 against its effective background,
 * 7:1 in high contrast (issue 10.3); and sizes, overlaps and columns (TouchLayout, issue 15.4).
 */
class TouchEveryViewBrowserTest {
    static TestServer server;
    static Browser browser;
    static String applicationNumber;
    static String applicationCode;
    static int kiosks;

    /**
     * Each mode is walked on a kiosk of its own address (through a trusted proxy): every walk types one wrong check
     * code, and five of them from one address pause that address's lookups, as they should.
     */
    @BeforeAll
    static void setUp() throws Exception {
        java.nio.file.Files.createDirectories(TouchBrowserTest.SHOTS);
        server = TestServer.start(true, c -> {
            Config.Server s = c.server();
            return c.withServer(new Config.Server(s.host(), s.port(), s.publicBaseUrl(), s.maxBodyBytes(), s.production(), true));
        });
        browser = new Browser();
        var created = server.admin().post("/api/applications", "{\"channel\":\"in_person\",\"subject\":\"道路建设资金\",\"applicant\":\"王五\"}").json();
        applicationNumber = created.get("number").asText();
        applicationCode = created.get("checkCode").asText();
        walkEveryView();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    static BrowserContext kiosk(int width, int height) {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setHasTouch(true)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "192.0.2." + (++kiosks))));
    }

    /**
     * Every text node that is rendered: its colour against the background behind it (the nearest ancestors'
     * backgrounds composited down to an opaque one, with each element's opacity), as WCAG 2 measures contrast.
     */
    static final String MEASURE = """
            min => {
              const parse = s => { const m = s.match(/[\\d.]+/g); if (!m) return [0, 0, 0, 0];
                                   return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
              const over = (top, under) => { const a = top[3];
                return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]); };
              const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                                 return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const background = e => {
                const layers = [];
                for (let n = e; n; n = n.parentElement) {
                  const c = parse(getComputedStyle(n).backgroundColor);
                  if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
                }
                let bg = [255, 255, 255, 1];
                for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
                return bg;
              };
              const opacity = e => { let o = 1; for (let n = e; n; n = n.parentElement) o *= +getComputedStyle(n).opacity; return o; };
              const failures = [];
              let checked = 0;
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                if (!t.textContent.trim()) continue;
                const e = t.parentElement;
                const style = getComputedStyle(e);
                if (!e.getClientRects().length || style.visibility !== 'visible' || opacity(e) === 0) continue;
                const range = document.createRange(); range.selectNodeContents(t);
                const r = range.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                const bg = background(e);
                const fg = over(parse(style.color).slice(0, 3).concat([parse(style.color)[3] * opacity(e)]), bg);
                const a = lum(fg), b = lum(bg);
                const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                checked++;
                if (ratio < min) failures.push(t.textContent.trim().slice(0, 30) + ' <' + e.tagName.toLowerCase()
                    + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + '> '
                    + style.color + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + ') = ' + ratio.toFixed(2));
              }
              return { checked: checked, failures: failures };
            }""";

    /** One view in one mode: the texts measured, the failures named. */
    record Result(String view, long checked, List<String> failures) {}

    @SuppressWarnings("unchecked")
    static Result measure(Page page, String view, double min) {
        Map<String, Object> r = (Map<String, Object>) page.evaluate(MEASURE, min);
        return new Result(view, ((Number) r.get("checked")).longValue(), (List<String>) r.get("failures"));
    }

    /** Every view, walked once per mode and orientation; the tests below check what the walks measured. */
    static final List<Result> contrast = new ArrayList<>();
    static final List<TouchLayout.Result> layout = new ArrayList<>();

    /** What one walk measures at each view: contrast, and sizes and layout (TouchLayout). */
    record Walk(String mode, String name, double minContrast, boolean large) {
        Walk(String mode, int[] size) {
            this(mode, mode + " " + size[0] + "x" + size[1], mode.contains("contrast") ? 7 : 4.5, mode.contains("large"));
        }

        void measure(Page page, String view) {
            measure(page, view, large);
        }

        /** The attract loop is always in standard text: the reset that starts it ends 大字. */
        void measure(Page page, String view, boolean largeText) {
            contrast.add(TouchEveryViewBrowserTest.measure(page, name + " " + view, minContrast));
            layout.add(TouchLayout.measure(page, name + " " + view, largeText));
        }
    }

    static void walkEveryView() {
        for (int[] size : new int[][]{{1920, 1080}, {1080, 1920}}) {
            for (String mode : List.of("normal", "large", "contrast", "english", "contrast+large+english")) {
                // one portrait walk in high contrast: its colours do not depend on the orientation
                if (size[0] < size[1] && mode.equals("contrast")) continue;
                try (BrowserContext context = kiosk(size[0], size[1])) {
                    views(context, new Walk(mode, size));
                }
            }
        }
    }

    @Test
    void everyTextInEveryViewInEveryModeHasEnoughContrast() {
        List<String> failures = new ArrayList<>();
        for (Result r : contrast) {
            assertThat(r.checked()).as("texts measured in " + r.view()).isGreaterThan(0);
            r.failures().forEach(f -> failures.add(r.view() + ": " + f));
        }
        System.out.println("TouchEveryViewBrowserTest: " + contrast.size() + " views, "
                + contrast.stream().mapToLong(Result::checked).sum() + " texts measured for contrast");
        assertThat(contrast).hasSizeGreaterThanOrEqualTo(9 * 15);
        assertThat(failures).as("texts below the contrast minimum").isEmpty();
    }

    /**
     * 大字: every text at least 24 px with a line height of at least 1.3, every target at least 60×60 px; otherwise
     * 44×44; in every mode and orientation nothing overlaps and no text breaks into a column (TouchLayout).
     */
    @Test
    void everyElementInEveryViewMeetsTheSizesAndNothingOverlaps() {
        List<String> failures = new ArrayList<>();
        for (TouchLayout.Result r : layout) {
            assertThat(r.texts()).as("texts measured in " + r.view()).isGreaterThan(0);
            // the attract loop is one target, the whole screen
            if (!r.view().endsWith("attract")) assertThat(r.targets()).as("targets measured in " + r.view()).isGreaterThan(0);
            r.failures().forEach(f -> failures.add(r.view() + ": " + f));
        }
        System.out.println("TouchEveryViewBrowserTest: " + layout.size() + " views, "
                + layout.stream().mapToLong(TouchLayout.Result::texts).sum() + " texts and "
                + layout.stream().mapToLong(TouchLayout.Result::targets).sum() + " targets measured for size and overlap");
        assertThat(layout.stream().filter(r -> r.view().contains("large"))).hasSizeGreaterThanOrEqualTo(4 * 15);
        assertThat(failures).as("elements too small, overlapping or in a column").isEmpty();
    }

    /** Walks every touch view in one mode and measures each. */
    static void views(BrowserContext context, Walk walk) {
        String mode = walk.mode();
        Page page = context.newPage();
        page.navigate(server.base + "/touch?idle=600");
        page.waitForSelector("#attract:not([hidden]) .attract-hint");
        walk.measure(page, "attract", false);
        page.click("#attract");
        page.waitForSelector(".tiles.main .tile");
        setMode(page, mode);
        // the pairing code on its line under the view, before the screen is paired
        page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
        walk.measure(page, "home");

        page.click(".tile[data-query='kind=notice']");
        page.waitForSelector(".entry");
        walk.measure(page, "list");
        page.click("#home");
        page.click(".tile[data-query='kind=guide']");
        page.waitForSelector(".pager");
        page.click(".pager .page-button >> nth=1");
        page.waitForSelector(".entry");
        walk.measure(page, "list page 2 (disabled 下一页)");

        for (String[] item : new String[][]{{"kind=guide", "城乡居民养老保险参保登记"}, {"kind=guide", "最低生活保障申请"},
                {"kind=policy", "示范县关于进一步做好稳就业工作的若干措施"}, {"kind=interpretation", "专家解读：2027年义务教育招生入学有哪些变化"},
                {"kind=notice", "关于2027年度城乡居民基本医疗保险集中缴费的通告"}}) {
            open(page, item[0], item[1]);
            walk.measure(page, "item " + item[1]);
        }
        if (mode.equals("large")) {
            open(page, "kind=guide", "最低生活保障申请");
            shot(page, "touch-large");
        }
        // a guide's rating, then the thanks
        open(page, "kind=guide", "城乡居民养老保险参保登记");
        page.waitForSelector(".rating .rate");
        page.click(".rating .rate >> nth=0");
        page.waitForSelector(".rating .thanks");
        walk.measure(page, "rating thanks");
        // an outside address: its panel
        page.click(".item a[href^='https:']");
        page.waitForSelector("#link-panel:not([hidden]) .link-short");
        walk.measure(page, "link panel");
        page.click("#link-close");

        page.click("#search");
        walk.measure(page, "search, empty");
        page.click(".word[data-word='养老']");
        page.waitForSelector(".results mark");
        walk.measure(page, "search results");
        for (String k : List.of("q", "q", "q", "x", "z")) page.click(".key[data-key='" + k + "']");
        page.click(".key[data-key='search']");
        page.waitForSelector(".results .empty");
        walk.measure(page, "search, nothing found");

        page.click("#home");
        page.click("#applications");
        walk.measure(page, "application form");
        type(page, applicationNumber);
        page.click(".key[data-key='search']");
        type(page, "ZZZZZZZZ");
        page.click(".key[data-key='search']");
        page.waitForSelector(".application .error");
        walk.measure(page, "application not found");
        page.click(".field-box[data-field='code']");
        page.click(".key[data-key='clear']");
        type(page, applicationCode);
        page.click(".key[data-key='search']");
        page.waitForSelector(".application .facts");
        walk.measure(page, "application found");

        page.click("#home");
        page.click("#apply");
        page.waitForSelector(".field-box[data-field='name'].active");
        walk.measure(page, "apply form");
        for (String k : List.of("z", "h", "a", "n", "g")) page.click(".keyboard.entry .key[data-key='" + k + "']");
        page.waitForSelector(".candidate");
        walk.measure(page, "apply form, pinyin candidates");
        page.click("#apply-review");
        page.waitForSelector(".field-error");
        walk.measure(page, "apply form, fields to correct");
        if (mode.equals("contrast")) shot(page, "touch-application-contrast");

        page.click("#finish");
        page.waitForSelector(".reasons .word");
        page.click(".reasons .word >> nth=0");
        walk.measure(page, "finish");

        if (mode.equals("contrast")) {
            page.click("#home");
            shot(page, "touch-home-contrast");
        }
        // the idle countdown: a page that waits for no one
        page.navigate(server.base + "/touch?idle=4");
        page.waitForSelector("#attract:not([hidden])");
        page.click("#attract");
        page.waitForSelector(".tiles.main .tile");
        setMode(page, mode);
        page.waitForSelector("#idle:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(5000));
        walk.measure(page, "idle countdown");
        page.close();
    }

    static void shot(Page page, String name) {
        var size = page.viewportSize();
        page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve(name + "-" + size.width + "x" + size.height + ".png")));
    }

    static void setMode(Page page, String mode) {
        if (mode.contains("english")) page.click("#lang");
        if (mode.contains("large")) page.click("#large");
        if (mode.contains("contrast")) page.click("#contrast");
    }

    /** From the home screen through a tile to an item, turning the list's pages until it shows. */
    static void open(Page page, String tileQuery, String title) {
        page.click("#home");
        page.click(".tile[data-query='" + tileQuery + "']");
        page.waitForSelector(".entry");
        for (int p = 0; page.locator(".entry:has-text('" + title + "')").count() == 0; p++) {
            assertThat(p).as(title + " in the list").isLessThan(10);
            String first = page.locator(".entry").first().getAttribute("data-id");
            page.click(".pager .page-button >> nth=1");
            page.waitForFunction("f => { const e = document.querySelector('.entry'); return e && e.dataset.id !== f; }", first);
        }
        page.click(".entry:has-text('" + title + "')");
        page.waitForFunction("t => (document.querySelector('.item h1') || {}).textContent === t", title);
    }

    static void type(Page page, String text) {
        for (char c : text.toLowerCase().toCharArray()) page.click(".key[data-key='" + c + "']");
    }

    /** Paired: an alert covers the screen, and the attract loop shows the group's notices; both measured. */
    @Test
    void alertsAndTheAttractLoopHaveEnoughContrastAndNothingOverlaps() {
        Http admin = server.admin();
        List<String> failures = new ArrayList<>();
        try (BrowserContext context = kiosk(1920, 1080)) {
            Page page = context.newPage();
            page.navigate(server.base + "/touch?attract=1");
            page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
            String code = page.textContent("#pairing").replaceAll("\\D", "");
            assertThat(admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"对比度查询机\",\"group\":\"touch\"}").status()).isEqualTo(200);
            page.waitForSelector("#attract .attract-item h2", new Page.WaitForSelectorOptions().setTimeout(10000));
            Result attract = measure(page, "attract item", 4.5);
            failures.addAll(attract.failures());
            failures.addAll(TouchLayout.measure(page, "attract item", false).failures());
            assertThat(attract.checked()).isGreaterThan(2);
            for (String level : List.of("blue", "yellow", "orange", "red")) {
                var alert = Fixtures.alert(level);
                alert.put("department", "meteorology").put("title", "对比度测试" + level + "预警");
                long id = Fixtures.create(admin, alert).get("id").asLong();
                page.waitForSelector("#alert.level-" + level + " h2", new Page.WaitForSelectorOptions().setTimeout(5000));
                Result r = measure(page, "alert " + level, 4.5);
                assertThat(r.checked()).isGreaterThan(2);
                failures.addAll(r.failures());
                failures.addAll(TouchLayout.measure(page, "alert " + level, false).failures());
                assertThat(admin.post("/api/items/" + id + "/clear", "").status()).isEqualTo(200);
                page.waitForSelector("#alert", new Page.WaitForSelectorOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN).setTimeout(5000));
            }
        }
        assertThat(failures).isEmpty();
    }
}
