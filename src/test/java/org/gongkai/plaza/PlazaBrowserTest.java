package org.gongkai.plaza;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.gongkai.App;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plaza player in headless Chromium against the real server. Screenshots go to target/screenshots/. */
class PlazaBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestServer server;
    static Http admin;
    static Browser browser;
    static String identity; // localStorage of a paired plaza screen, so that every page below starts paired

    /** The two rotating items stay for different times, so that each one's own duration can be told apart. */
    static final int FIRST_SECONDS = 2;
    static final int SECOND_SECONDS = 5;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SHOTS);
        server = TestServer.start();
        admin = server.admin();
        Fixtures.basics(admin);
        browser = new Browser();
        ObjectNode first = Fixtures.notice("关于2027年度城乡居民基本医疗保险集中缴费的通告");
        first.put("summary", "个人缴费标准为每人每年400元，集中缴费期至12月31日，可通过手机、银行网点或村（社区）代收点缴纳。")
                .put("priority", 90).put("durationSeconds", FIRST_SECONDS).putArray("targetGroups").add("plaza");
        Fixtures.create(admin, first);
        ObjectNode second = Fixtures.notice("2026年第四季度公益性岗位招聘公告");
        second.put("priority", 80).put("durationSeconds", SECOND_SECONDS).putArray("targetGroups").add("plaza");
        Fixtures.create(admin, second);
        ObjectNode line = Fixtures.notice("明日上午9时至11时人民路段停水，请提前储水");
        line.putArray("tags").add("ticker");
        line.putArray("targetGroups").add("plaza");
        Fixtures.create(admin, line);
        identity = pairOnce();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    /** A new screen shows its pairing code; staff pair it; it then shows content. Returns its stored identity. */
    static String pairOnce() throws Exception {
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1920, 1080))) {
            Page page = context.newPage();
            page.navigate(server.base + "/plaza");
            page.waitForFunction("() => /^\\d{6}$/.test((document.querySelector('.pairing .code') || {}).textContent || '')");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("plaza-1920x1080-pairing.png")));
            String code = page.textContent(".pairing .code");
            Http.Response pair = admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"广场东屏\",\"group\":\"plaza\"}");
            assertThat(pair.status()).as(pair.body()).isEqualTo(200);
            page.waitForSelector(".item h1");
            return (String) page.evaluate("() => localStorage.getItem('gongkai.screen.plaza')");
        }
    }

    static Page pairedPage(BrowserContext context) {
        context.addInitScript("localStorage.getItem('gongkai.screen.plaza') || localStorage.setItem('gongkai.screen.plaza', "
                + Json.quote(identity) + ");");
        Page page = context.newPage();
        page.navigate(server.base + "/plaza");
        return page;
    }

    static BrowserContext context(int width, int height) {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height));
    }

    @Test
    void itemsRotateEachForItsOwnDuration() {
        try (BrowserContext context = context(1920, 1080)) {
            context.addInitScript(RECORD_TITLES);
            Page page = pairedPage(context);
            // four changes of title: two whole showings of each item, timed by the page's own clock
            page.waitForFunction("() => window.__titles.length >= 5", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> shown = (List<Map<String, Object>>) page.evaluate("() => window.__titles");
            Map<String, List<Double>> lengths = new java.util.HashMap<>();
            for (int i = 1; i + 1 < shown.size(); i++) { // the first entry is cut short by the page's start
                double length = ((Number) shown.get(i + 1).get("at")).doubleValue() - ((Number) shown.get(i).get("at")).doubleValue();
                lengths.computeIfAbsent((String) shown.get(i).get("title"), t -> new ArrayList<>()).add(length);
            }
            List<Double> first = lengths.get("关于2027年度城乡居民基本医疗保险集中缴费的通告");
            List<Double> second = lengths.get("2026年第四季度公益性岗位招聘公告");
            assertThat(first).as("showings of the first item: %s", shown).isNotEmpty();
            assertThat(second).as("showings of the second item: %s", shown).isNotEmpty();
            // each item stays about its own duration (the rotation follows the server's clock, which the page may
            // correct by a few tens of ms), and the 5 s item longer than the 2 s one by more than half the difference (the player steps once a second)
            first.forEach(ms -> assertThat(ms).isGreaterThanOrEqualTo(FIRST_SECONDS * 800.0));
            second.forEach(ms -> assertThat(ms).isGreaterThanOrEqualTo(SECOND_SECONDS * 800.0));
            assertThat(java.util.Collections.min(second) - java.util.Collections.max(first))
                    .as("the second item stays longer: %s", lengths).isGreaterThan((SECOND_SECONDS - FIRST_SECONDS) * 500.0);
        }
    }

    /** Records every title the page shows, with performance.now() when it appeared. */
    static final String RECORD_TITLES = """
            window.__titles = [];
            new MutationObserver(() => {
              const h = document.querySelector('.item h1');
              const title = h ? h.textContent : null;
              const last = window.__titles[window.__titles.length - 1];
              if (title && (!last || last.title !== title)) window.__titles.push({ title: title, at: performance.now() });
            }).observe(document, { childList: true, subtree: true, characterData: true });
            """;

    @Test
    void shortNoticesRunInTheTickerLineBelowTheItems() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = pairedPage(context);
            page.waitForSelector("#ticker .marquee");
            assertThat(page.textContent("#ticker .marquee")).contains("人民路段停水");
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) page.evaluate("""
                    () => ({ tickerTop: document.getElementById('ticker').getBoundingClientRect().top,
                             tickerBottom: document.getElementById('ticker').getBoundingClientRect().bottom,
                             stageBottom: document.getElementById('stage').getBoundingClientRect().bottom })""");
            assertThat(box.get("tickerBottom").doubleValue()).isEqualTo(1080.0);
            assertThat(box.get("stageBottom").doubleValue()).isLessThanOrEqualTo(box.get("tickerTop").doubleValue());
            for (int i = 0; i < 3; i++) {
                assertThat(page.textContent(".item h1")).doesNotContain("停水");
                page.waitForTimeout(1500);
            }
        }
    }

    /** What the page showed reaches the server as plays with their real start and length. */
    @Test
    void theScreenReportsWhatItShowed() throws Exception {
        java.time.Instant testStart = java.time.Instant.now().minusSeconds(1);
        try (BrowserContext context = context(1280, 720)) {
            Page page = pairedPage(context);
            page.waitForSelector(".item h1");
            String first = page.textContent(".item h1");
            page.waitForFunction("t => document.querySelector('.item h1') && document.querySelector('.item h1').textContent !== t",
                    first, new Page.WaitForFunctionOptions().setTimeout(8000));
            page.evaluate("() => window.gongkaiPlayer.flushPlays()");
            String screenId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(identity).get("screenId").asText();
            long firstId = itemTitled(first).get("id").asLong();
            JsonNode found = null;
            for (int i = 0; i < 50 && found == null; i++) {
                for (JsonNode play : admin.get("/api/screens/" + screenId + "/plays").json()) {
                    if (play.get("itemId").asLong() == firstId
                            && OffsetDateTime.parse(play.get("startedAt").asText()).toInstant().isAfter(testStart)) found = play;
                }
                if (found == null) Thread.sleep(100);
            }
            assertThat(found).as("a play of '%s'", first).isNotNull();
            // the play lasted as long as the item was on screen: at least its duration, less than the rotation
            assertThat(found.get("durationMs").asInt()).isGreaterThanOrEqualTo(FIRST_SECONDS * 1000 - 50)
                    .isLessThan((FIRST_SECONDS + SECOND_SECONDS) * 1000);
            assertThat(found.get("itemVersion").asInt()).isEqualTo(itemTitled(first).get("version").asInt());
            boolean reported = false; // acks are written in batches once a second
            for (int i = 0; i < 50 && !reported; i++) {
                long onScreen = itemTitled(page.textContent(".item h1")).get("id").asLong();
                reported = admin.get("/api/screens/" + screenId).json().path("currentItemId").asLong() == onScreen;
                if (!reported) Thread.sleep(100);
            }
            assertThat(reported).as("the item on screen is the screen's current item through the API").isTrue();
        }
    }

    /** Every layout: nothing overflows its box, nothing leaves the screen, the QR is there. */
    @Test
    void textFitsAtEveryResolution() throws Exception {
        int[][] sizes = {{1920, 1080}, {1080, 1920}, {3840, 2160}, {1280, 720}, {768, 512}, {512, 256}, {1920, 320}, {1280, 160}};
        for (int[] size : sizes) {
            String name = "plaza-" + size[0] + "x" + size[1];
            try (BrowserContext context = context(size[0], size[1])) {
                Page page = pairedPage(context);
                page.waitForSelector(".item h1, .strip-line .marquee");
                page.waitForFunction("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
                @SuppressWarnings("unchecked")
                List<String> problems = (List<String>) page.evaluate(OVERFLOW_CHECK);
                assertThat(problems).as(name).isEmpty();
                assertThat(page.locator("#stage img").count()).as(name + ": QR").isEqualTo(1);
                if (page.locator(".item .qr figcaption").count() > 0) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> clear = (Map<String, Object>) page.evaluate(QR_CLEAR_OF_TEXT);
                    assertThat(((Number) clear.get("gap")).doubleValue()).as(name + ": the short address and the QR keep clear of the text: " + clear)
                            .isGreaterThanOrEqualTo(((Number) clear.get("least")).doubleValue());
                }
            }
        }
    }

    // Block elements whose content is larger than the box, and anything outside the viewport. The strip's line
    // scrolls on purpose and is checked only for staying on one line of the strip's height.
    static final String OVERFLOW_CHECK = """
            () => {
              const out = [];
              const W = innerWidth, H = innerHeight;
              if (document.documentElement.scrollWidth > W || document.documentElement.scrollHeight > H) out.push('page scrolls');
              for (const e of document.querySelectorAll('#stage *')) {
                if (e.closest('.marquee-box')) continue;
                const r = e.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1)
                  out.push(e.tagName + '.' + e.className + ' outside the screen ' + JSON.stringify(r));
                if (getComputedStyle(e).display !== 'inline' && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
                  out.push(e.tagName + '.' + e.className + ' overflows: ' + e.scrollWidth + 'x' + e.scrollHeight + ' in ' + e.clientWidth + 'x' + e.clientHeight);
              }
              const line = document.querySelector('.marquee');
              if (line && line.getBoundingClientRect().height > H + 1) out.push('strip line taller than the strip');
              return out;
            }""";

    // How far apart the text column and the QR with its short address are (px, along the axis that separates them;
    // negative when the boxes overlap), and the least distance wanted: 2vmin, half the spacing the layout gives.
    static final String QR_CLEAR_OF_TEXT = """
            () => {
              const box = s => document.querySelector(s).getBoundingClientRect();
              const text = box('#stage .text'), qr = box('#stage .qr'), caption = box('#stage .qr figcaption');
              const apart = (a, b) => Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
              return { gap: Math.min(apart(text, qr), apart(text, caption)), least: Math.min(innerWidth, innerHeight) * 0.02,
                       text: JSON.stringify(text), caption: JSON.stringify(caption) };
            }""";

    /**
     * Features the player's stylesheets must not use: the oldest controller browsers in the field run Chromium 64-72,
     * which lay out a rule they do not know as if it were absent (flexbox gap made the short address run into the
     * text on Chromium 72). First Chromium with each: flexbox gap 84, aspect-ratio 88, inset 87, min()/max()/clamp()
     * 79, :is()/:where() 88, :focus-visible 86, :has() 105, overflow-wrap: anywhere 80, logical margin/padding
     * shorthands 87, individual translate/rotate/scale 104, content-visibility 85, @container 105, @layer 99,
     * dvh/svh/lvh 108.
     */
    static final String NEWER_THAN_CHROMIUM_64 = """
            async () => {
              const banned = [[/(^|[;{\\s])(gap|row-gap|column-gap)\\s*:/, 'gap'], [/aspect-ratio\\s*:/, 'aspect-ratio'],
                [/(^|[;{\\s])inset(-inline|-block)?(-start|-end)?\\s*:/, 'inset'], [/(^|[^-\\w])(min|max|clamp)\\(/, 'min()/max()/clamp()'],
                [/:(is|where|has|focus-visible)\\b/, ':is/:where/:has/:focus-visible'], [/overflow-wrap\\s*:\\s*anywhere/, 'overflow-wrap: anywhere'],
                [/(^|[;{\\s])(margin|padding)-(inline|block)\\s*:/, 'logical shorthand'], [/(^|[;{\\s])(translate|rotate|scale)\\s*:/, 'individual transform'],
                [/content-visibility/, 'content-visibility'], [/@(container|layer)\\b/, '@container/@layer'], [/\\d(dvh|svh|lvh|dvw|svw|lvw)\\b/, 'dynamic viewport unit']];
              const found = [];
              const sheets = [...document.styleSheets].map(s => s.href).filter(Boolean);
              for (const href of sheets) {
                const css = (await (await fetch(href)).text()).replace(/\\/\\*[\\s\\S]*?\\*\\//g, '');
                css.split('}').forEach(rule => banned.forEach(([re, what]) => { if (re.test(rule)) found.push(href + ': ' + what + ' in ' + rule.trim()); }));
              }
              return { sheets: sheets.length, found };
            }""";

    @Test
    void thePlayersStylesheetUsesNothingChromium64Lacks() {
        try (BrowserContext context = context(1280, 720)) {
            Page page = context.newPage();
            page.navigate(server.base + "/plaza?preview");
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) page.evaluate(NEWER_THAN_CHROMIUM_64);
            assertThat(((Number) result.get("sheets")).intValue()).isGreaterThanOrEqualTo(1);
            assertThat((List<?>) result.get("found")).isEmpty();
        }
    }

    /**
     * No title or summary ends with one character alone on its last line (审计台风红色预警 broke before 警 at 1280×720),
     * as an item or an alert, at every size, wherever the text takes more than one line. Lines are told apart by the
     * boxes of the characters. The items are drawn by the page's preview mode, with a real item's short link and QR.
     */
    @Test
    void noTitleOrSummaryLeavesOneCharacterAloneOnItsLastLine() {
        JsonNode real = itemTitled("2026年第四季度公益性岗位招聘公告");
        List<String> titles = List.of("审计台风红色预警", "示范县气象台发布大风蓝色预警信号", "关于2027年度城乡居民基本医疗保险集中缴费的通告",
                "2026年第四季度公益性岗位招聘公告", "示范县人民政府办公室关于印发《示范县2026年防汛抗旱应急预案》的通知",
                "关于开展2026年度残疾人两项补贴资格复核工作的公告（第二批）", "暴雨红色预警");
        int[][] sizes = {{1920, 1080}, {1280, 720}, {1080, 1920}, {3840, 2160}, {768, 512}, {512, 256}};
        List<String> alone = new java.util.ArrayList<>();
        int multiLine = 0;
        for (int[] size : sizes) {
            try (BrowserContext context = context(size[0], size[1])) {
                Page page = context.newPage();
                page.navigate(server.base + "/plaza?preview");
                for (String title : titles) {
                    for (String kind : List.of("notice", "alert", "alert without summary")) {
                        ObjectNode item = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                        item.put("kind", kind.startsWith("alert") ? "alert" : kind).put("title", title).put("departmentName", "县气象局")
                                .put("shortUrl", real.get("shortUrl").asText())
                                .put("publishStart", OffsetDateTime.now().minusMinutes(5).toString());
                        if (kind.equals("notice")) item.put("summary", "个人缴费标准为每人每年400元，集中缴费期至12月31日，可通过手机、银行网点或村（社区）代收点缴纳。");
                        if (kind.equals("alert")) item.put("summary", "预计24小时内可能受台风影响。请关好门窗，加固围板、棚架、广告牌等易被风吹动的搭建物，切勿随意外出，远离危险地带。");
                        if (kind.startsWith("alert")) item.putObject("alert").put("level", "red").put("area", "示范县全境");
                        item.set("links", real.get("links"));
                        page.evaluate("m => window.postMessage({ type: 'gongkai-preview', item: m, group: {} }, location.origin)",
                                new com.fasterxml.jackson.databind.ObjectMapper().convertValue(item, Map.class));
                        page.waitForFunction("t => (document.querySelector('#stage h1') || {}).textContent === t", title);
                        if (size[0] == 1280 && kind.equals("alert") && title.equals(titles.get(0))) {
                            page.waitForFunction("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
                            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("plaza-1280x720-alert.png")));
                        }
                        for (String part : List.of("#stage h1", "#stage .summary")) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> lines = (Map<String, Object>) page.evaluate(LAST_LINE, part);
                            if (lines == null) continue; // a summary left out to make the title larger
                            int count = ((Number) lines.get("lines")).intValue();
                            if (count > 1 && part.endsWith("h1")) multiLine++;
                            if (count > 1 && ((Number) lines.get("lastLineLetters")).intValue() < 2) {
                                alone.add(size[0] + "x" + size[1] + " " + kind + " " + part + " of " + title + ": last line '"
                                        + lines.get("lastLine") + "'");
                            }
                        }
                    }
                }
            }
        }
        assertThat(multiLine).as("titles that take more than one line, so that the check means something").isGreaterThan(20);
        assertThat(alone).isEmpty();
    }

    // The characters of the element (a selector) grouped into lines by the vertical middle of each character's box:
    // how many lines, the last line's text, and how many of its characters are not punctuation or spaces.
    static final String LAST_LINE = """
            selector => {
              const h1 = document.querySelector(selector);
              if (!h1) return null;
              const chars = [];
              const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (let i = 0; i < node.data.length; i++) {
                  const range = document.createRange();
                  range.setStart(node, i);
                  range.setEnd(node, i + 1);
                  const r = range.getBoundingClientRect();
                  if (r.width > 0) chars.push({ c: node.data[i], middle: r.top + r.height / 2, height: r.height });
                }
              }
              const lines = [];
              for (const ch of chars) {
                const line = lines.find(l => Math.abs(l.middle - ch.middle) < ch.height / 2);
                if (line) line.text += ch.c; else lines.push({ middle: ch.middle, text: ch.c });
              }
              lines.sort((a, b) => a.middle - b.middle);
              const last = lines.length ? lines[lines.length - 1].text : '';
              return { lines: lines.length, lastLine: last,
                       lastLineLetters: [...last].filter(c => !/[\\s\\p{P}\\p{S}]/u.test(c)).length };
            }""";

    /** 10 m away from a picture 1.5 m high: a QR of at least 1 m (720 px of 1080) and titles of at least 8 cm. */
    @Test
    void viewingDistanceSetsTheSmallestTitleAndQr() {
        String group = "{\"name\":\"人民广场大屏\",\"viewingDistanceMeters\":%s,\"screenHeightMeters\":%s}";
        assertThat(admin.put("/api/screen-groups/plaza", group.formatted(10, 1.5)).status()).isEqualTo(200);
        try (BrowserContext context = context(1920, 1080)) {
            Page page = pairedPage(context);
            page.waitForFunction("() => document.querySelector('.item .qr') && document.querySelector('.item .qr').getBoundingClientRect().width >= 719");
            double title = ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.item h1')).fontSize)")).doubleValue();
            assertThat(title).isGreaterThanOrEqualTo(0.008 * 10 * 720);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("plaza-1920x1080-10m.png")));
        } finally {
            assertThat(admin.put("/api/screen-groups/plaza", group.formatted(30, "null")).status()).isEqualTo(200);
        }
    }

    /** After a server restart, 10,000 screens' first reconnects are spread over seconds, not bunched in one. */
    @Test
    void reconnectsAreSpreadOut() {
        try (BrowserContext context = context(640, 360)) {
            Page page = context.newPage();
            page.navigate(server.base + "/plaza");
            @SuppressWarnings("unchecked")
            Map<String, Number> spread = (Map<String, Number>) page.evaluate("""
                    async () => {
                      const { reconnectDelay } = await import('/kiosk/common/screen-link.js');
                      const perSecond = {};
                      let max = 0, latest = 0;
                      for (let i = 0; i < 10000; i++) {
                        const d = reconnectDelay(1, (i + 0.5) / 10000); // an even spread of random numbers
                        const s = Math.floor(d / 1000);
                        perSecond[s] = (perSecond[s] || 0) + 1;
                        max = Math.max(max, perSecond[s]);
                        latest = Math.max(latest, d);
                      }
                      return { busiestSecond: max, latest: latest, tenth: reconnectDelay(10, 0.999) };
                    }""");
            assertThat(spread.get("busiestSecond").intValue()).isLessThan(3500);
            assertThat(spread.get("latest").doubleValue()).isGreaterThan(4000);
            assertThat(spread.get("tenth").doubleValue()).isLessThanOrEqualTo(60000);
        }
    }

    @Test
    void duringTheGroupsNightHoursTheScreenIsDimmed() {
        var beijing = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        var format = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        String group = "{\"name\":\"人民广场大屏\",\"viewingDistanceMeters\":30,\"nightStart\":\"%s\",\"nightEnd\":\"%s\"}";
        assertThat(admin.put("/api/screen-groups/plaza", group.formatted(beijing.minusHours(1).format(format),
                beijing.plusHours(1).format(format))).status()).isEqualTo(200);
        try (BrowserContext context = context(1280, 720)) {
            Page page = pairedPage(context);
            page.waitForSelector("body.night .item h1");
            assertThat(page.evaluate("() => getComputedStyle(document.getElementById('stage')).opacity")).isEqualTo("0.35");
            assertThat(admin.put("/api/screen-groups/plaza", group.formatted(beijing.plusHours(2).format(format),
                    beijing.plusHours(3).format(format))).status()).isEqualTo(200);
            page.waitForSelector("body:not(.night) .item h1", new Page.WaitForSelectorOptions().setTimeout(20000));
        } finally {
            assertThat(admin.put("/api/screen-groups/plaza", "{\"name\":\"人民广场大屏\",\"viewingDistanceMeters\":30}").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void theQrOnScreenDecodesToTheItemsShortLink() throws Exception {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = pairedPage(context);
            page.waitForSelector(".item .qr img");
            page.waitForFunction("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
            // items rotate every few seconds: keep a screenshot taken while one item stayed on screen throughout
            String title = null;
            byte[] png = null;
            for (int i = 0; i < 10 && title == null; i++) {
                String before = page.textContent(".item h1");
                page.waitForFunction("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
                byte[] shot = page.screenshot();
                if (before.equals(page.textContent(".item h1"))) {
                    title = before;
                    png = shot;
                }
            }
            assertThat(title).as("a screenshot with one item throughout").isNotNull();
            var image = ImageIO.read(new ByteArrayInputStream(png));
            String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            JsonNode item = itemTitled(title);
            assertThat(decoded).isEqualToIgnoringCase(item.get("shortUrl").asText());
            String caption = (String) page.evaluate("t => { const h = document.querySelector('.item h1');"
                    + " return h && h.textContent === t ? document.querySelector('.qr figcaption').textContent : null; }", title);
            if (caption != null) assertThat(caption).isEqualTo(item.get("shortUrl").asText().replaceFirst("^https?://", ""));
            else assertThat(page.textContent(".qr figcaption")).isNotBlank(); // the item changed meanwhile
        }
    }

    @Test
    void anAlertTakesOverAndLeavesWhenWithdrawn() {
        try (BrowserContext context = context(1920, 1080)) {
            Page page = pairedPage(context);
            page.waitForSelector(".item h1");
            String interrupted = page.textContent(".item h1");
            ObjectNode alert = Fixtures.alert("red");
            alert.putArray("targetGroups").add("plaza");
            long started = System.nanoTime();
            long id = Fixtures.create(admin, alert).get("id").asLong();
            page.waitForSelector(".alert.level-red h1", new Page.WaitForSelectorOptions().setTimeout(15_000));
            // how fast is measured in bench/ (PushBench's alert rounds), not here
            System.out.printf("alert on screen after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(page.textContent(".alert h1")).isEqualTo("暴雨red色预警");
            assertThat(page.textContent(".alert .area")).contains("示范县全境").contains("发布时间");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("plaza-1920x1080-alert.png")));

            assertThat(admin.post("/api/items/" + id + "/withdraw", "").status()).isEqualTo(200);
            page.waitForSelector(".alert", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED).setTimeout(5000));
            assertThat(page.textContent(".item h1")).as("the rotation resumes where it was").isEqualTo(interrupted);
        }
    }

    /** Server gone: a reload still shows the last content, and an item whose window ends leaves on time. */
    @Test
    void withTheServerStoppedAReloadShowsContentAndExpiredItemsLeave() throws Exception {
        try (TestServer own = TestServer.start(); BrowserContext context = context(1280, 720)) {
            Http ownAdmin = own.admin();
            Fixtures.basics(ownAdmin);
            ObjectNode ending = Fixtures.notice("即将到期的通知");
            ending.put("priority", 90).put("durationSeconds", 2).put("publishEnd", OffsetDateTime.now().plusSeconds(12).toString())
                    .putArray("targetGroups").add("plaza");
            Fixtures.create(ownAdmin, ending);
            ObjectNode staying = Fixtures.notice("长期有效的通知");
            staying.put("priority", 10).put("durationSeconds", 2).putArray("targetGroups").add("plaza");
            Fixtures.create(ownAdmin, staying);

            Page page = context.newPage();
            page.navigate(own.base + "/plaza");
            page.waitForFunction("() => /^\\d{6}$/.test((document.querySelector('.pairing .code') || {}).textContent || '')");
            String code = page.textContent(".pairing .code");
            assertThat(ownAdmin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"离线测试\",\"group\":\"plaza\"}").status()).isEqualTo(200);
            page.waitForSelector(".item h1");
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
            String base = own.base;
            int port = own.app.port();
            own.app.stop();
            java.time.Instant stoppedAt = java.time.Instant.now();

            page.reload();
            page.waitForSelector(".item h1", new Page.WaitForSelectorOptions().setTimeout(10000));
            page.waitForFunction("() => document.getElementById('status').textContent === '离线'");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("plaza-1280x720-offline.png")));
            assertThat(base).startsWith("http://127.0.0.1:");

            page.waitForFunction("() => (document.querySelector('.item h1') || {}).textContent === '长期有效的通知'",
                    null, new Page.WaitForFunctionOptions().setTimeout(20000));
            long endsAt = OffsetDateTime.parse(ending.get("publishEnd").asText()).toInstant().toEpochMilli();
            while (System.currentTimeMillis() < endsAt + 1000) Thread.sleep(200);
            for (int i = 0; i < 25; i++) {
                assertThat(page.textContent(".item h1")).as("after its end, offline").isEqualTo("长期有效的通知");
                Thread.sleep(200);
            }

            // The server returns on the same address: the screen reconnects by itself and reports what it showed
            // while offline, with the times it showed it.
            App again = new App(ConfigLoader.defaults().withPort(port), own.dataSource,
                    new App.Options(TestServer.ADMIN_PASSWORD, false)).start();
            try {
                page.waitForFunction("() => document.getElementById('status').textContent === ''", null,
                        new Page.WaitForFunctionOptions().setTimeout(75000)); // backoff: up to 40 s between attempts by then
                page.evaluate("() => window.gongkaiPlayer.flushPlays()");
                String screenId = (String) page.evaluate("() => window.gongkaiPlayer.state().screenId");
                long offlinePlays = 0;
                for (int i = 0; i < 50 && offlinePlays == 0; i++) {
                    offlinePlays = java.util.stream.StreamSupport.stream(
                                    ownAdmin.get("/api/screens/" + screenId + "/plays?limit=1000").json().spliterator(), false)
                            .filter(p -> OffsetDateTime.parse(p.get("startedAt").asText()).toInstant().isAfter(stoppedAt))
                            .count();
                    if (offlinePlays == 0) Thread.sleep(100);
                }
                assertThat(offlinePlays).as("plays shown while the server was down").isGreaterThan(3);
            } finally {
                again.stop();
            }
        }
    }

    static JsonNode itemTitled(String title) {
        for (JsonNode item : admin.get("/api/items?size=100").json().get("items")) {
            if (item.get("title").asText().equals(title)) return item;
        }
        throw new AssertionError("no item titled " + title);
    }

    /** JSON string literal for a script. */
    static final class Json {
        static String quote(String s) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
