package org.gongkai.touch;

import org.gongkai.support.DemoBrowserTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.gongkai.support.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No tap on the touchscreen leaves the kiosk (issue 10.1): every link on every view of the demo is tapped; an
 * outside address shows its QR code and short address instead of opening, and the page stays /touch.
 */
class TouchLinksBrowserTest extends DemoBrowserTest {

    /** What left the kiosk: main-frame navigations after the first load, and any new window or tab. */
    static List<String> escapes(BrowserContext context, Page page) {
        List<String> out = new CopyOnWriteArrayList<>();
        page.onFrameNavigated(f -> {
            if (f == page.mainFrame() && !f.url().equals(server.base + "/touch") && !f.url().startsWith(server.base + "/touch?")) {
                out.add("navigated to " + f.url());
            }
        });
        context.onPage(p -> out.add("opened a page: " + p.url()));
        return out;
    }

    static Page open(BrowserContext context, String base, String query) {
        Page page = context.newPage();
        page.navigate(base + "/touch" + query);
        page.waitForSelector("#attract:not([hidden])");
        page.click("#attract");
        page.waitForSelector(".tiles.main .tile");
        return page;
    }

    @Test
    void everyLinkOnEveryViewIsTappedAndThePageStaysTheKiosk() {
        try (BrowserContext context = TouchBrowserTest.context(browser, 1080, 1920)) {
            Page page = context.newPage();
            List<String> escaped = escapes(context, page);
            page.navigate(server.base + "/touch");
            page.waitForSelector("#attract:not([hidden])");
            page.click("#attract");
            page.waitForSelector(".tiles.main .tile");
            Set<String> seenItems = new HashSet<>();
            List<String> outside = new ArrayList<>();
            int[] inside = {0};
            int tiles = page.locator("main .tile").count();
            assertThat(tiles).as("home tiles").isGreaterThan(20);
            for (int t = 0; t < tiles; t++) {
                page.click("#home");
                page.waitForSelector(".tiles.main .tile");
                Locator tile = page.locator("main .tile").nth(t);
                if (tile.getAttribute("data-query") == null) continue; // the application lookup: walked below
                tile.click();
                page.waitForSelector(".entry, .empty, .error");
                walkList(page, seenItems, outside, inside);
            }
            // the views without tiles
            page.click("#search");
            page.click(".word[data-word='养老']");
            page.waitForSelector(".results .entry");
            tapEveryLink(page, outside, inside);
            page.click("#home");
            page.click("#applications");
            tapEveryLink(page, outside, inside);
            page.click("#finish");
            page.waitForSelector(".reasons .word");
            tapEveryLink(page, outside, inside);

            assertThat(seenItems.size()).as("items opened").isGreaterThanOrEqualTo(15);
            assertThat(outside).as("outside addresses tapped").hasSizeGreaterThanOrEqualTo(10)
                    .contains("https://zwfw.example.gov.cn/item/cxjmyl-cbdj");
            assertThat(outside.stream().filter(u -> u.contains("#")).count()).isZero();
            assertThat(inside[0]).as("links to related items tapped").isGreaterThanOrEqualTo(4);
            assertThat(escaped).as("nothing left the kiosk").isEmpty();
            assertThat(page.url()).isEqualTo(server.base + "/touch");
        }
    }

    /** Every entry of every page of the list on screen: open it, tap its links, come back. */
    static void walkList(Page page, Set<String> seenItems, List<String> outside, int[] inside) {
        for (int guard = 0; guard < 20; guard++) {
            int entries = page.locator(".entry").count();
            for (int e = 0; e < entries; e++) {
                Locator entry = page.locator(".entry").nth(e);
                String id = entry.getAttribute("data-id");
                if (!seenItems.add(id)) continue;
                String heading = page.textContent("main h2");
                entry.click();
                page.waitForSelector(".item h1");
                tapEveryLink(page, outside, inside);
                page.click("#back");
                page.waitForFunction("h => (document.querySelector('main h2') || {}).textContent === h && document.querySelector('.entry')", heading);
            }
            Locator next = page.locator(".pager .page-button").nth(1);
            if (next.count() == 0 || next.isDisabled()) return;
            String first = page.locator(".entry").first().getAttribute("data-id");
            next.click();
            page.waitForFunction("f => { const e = document.querySelector('.entry'); return e && e.dataset.id !== f; }", first);
        }
    }

    /** Taps each link of the view: an outside address shows its panel (checked, then closed), an item opens in place. */
    static void tapEveryLink(Page page, List<String> outside, int[] inside) {
        int links = page.locator("main a, main [data-url]").count();
        for (int i = 0; i < links; i++) {
            Locator link = page.locator("main a, main [data-url]").nth(i);
            String url = link.getAttribute("data-url") != null ? link.getAttribute("data-url") : link.getAttribute("href");
            String before = page.textContent(".item h1");
            link.click();
            assertThat(page.evaluate("() => location.pathname")).isEqualTo("/touch");
            if (url.startsWith("#item-")) {
                page.waitForFunction("t => (document.querySelector('.item h1') || {}).textContent !== t", before);
                inside[0]++;
                page.click("#back");
                page.waitForFunction("t => (document.querySelector('.item h1') || {}).textContent === t", before);
                continue;
            }
            page.waitForSelector("#link-panel:not([hidden]) .link-qr");
            page.waitForFunction("() => { const i = document.querySelector('#link-panel .link-qr'); return i.complete && i.naturalWidth > 0; }");
            assertThat(page.textContent("#link-panel .link-url")).isEqualTo(url);
            String shortUrl = page.textContent("#link-panel .link-short");
            assertThat(shortUrl).matches("http://localhost:\\d+/s/[0-9A-Z]{6}/[0-9A-Z]{4,8}");
            Http.Response go = server.anonymous().get(shortUrl.substring(shortUrl.indexOf("/s/")));
            assertThat(go.status()).as("the short address " + shortUrl).isEqualTo(302);
            assertThat(go.header("Location")).isEqualTo(url);
            outside.add(url);
            page.click("#link-close");
            page.waitForSelector("#link-panel", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        }
    }

    /** The panel in both orientations and in high contrast, and after the idle reset the kiosk is still the kiosk. */
    @Test
    void theLinkPanelIsForgottenAtTheIdleResetAndTheKioskRemains() {
        for (int[] size : new int[][]{{1920, 1080}, {1080, 1920}}) {
            try (BrowserContext context = TouchBrowserTest.context(browser, size[0], size[1])) {
                Page page = context.newPage();
                List<String> escaped = escapes(context, page);
                page.navigate(server.base + "/touch?idle=6");
                page.waitForSelector("#attract:not([hidden])");
                page.click("#attract");
                page.click(".tile:has-text('办事指南')");
                page.click(".entry:has-text('城乡居民养老保险参保登记')");
                page.waitForSelector(".item a[href^='https:']");
                if (size[0] < size[1]) page.click("#contrast");
                page.click(".item a[href^='https:']");
                page.waitForFunction("() => { const i = document.querySelector('#link-panel:not([hidden]) .link-qr'); return i && i.complete && i.naturalWidth > 0; }");
                page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve(
                        "touch-link-" + (size[0] < size[1] ? "contrast-" : "") + size[0] + "x" + size[1] + ".png")));
                page.waitForSelector("#attract:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(12000));
                assertThat(page.isHidden("#link-panel")).as("the panel went with the last person").isTrue();
                page.click("#attract");
                page.waitForSelector(".tiles.main .tile");
                assertThat(page.url()).isEqualTo(server.base + "/touch?idle=6");
                assertThat(escaped).isEmpty();
            }
        }
    }

    /** An item withdrawn while its page is on screen: its link shows the address as text, without a QR code. */
    @Test
    void anAddressWithoutAShortLinkIsShownAsText() {
        Http admin = server.admin();
        var guide = org.gongkai.support.Fixtures.notice("临时办事指南：居住证签注");
        guide.put("kind", "guide").put("department", "service-center").put("category", "office-guides").put("priority", 100);
        guide.putObject("guide").put("implementingBody", "示范县公安局").put("onlineUrl", "https://zwfw.example.gov.cn/item/jzz-qz");
        long id = org.gongkai.support.Fixtures.create(admin, guide).get("id").asLong();
        try (BrowserContext context = TouchBrowserTest.context(browser, 1920, 1080)) {
            Page page = context.newPage();
            List<String> escaped = escapes(context, page);
            page.navigate(server.base + "/touch");
            page.waitForSelector("#attract:not([hidden])");
            page.click("#attract");
            page.click(".tile:has-text('办事指南')");
            page.click(".entry:has-text('临时办事指南：居住证签注')");
            page.waitForSelector(".item a[href^='https:']");
            assertThat(admin.post("/api/items/" + id + "/withdraw", "").status()).isEqualTo(200);
            page.click(".item a[href^='https:']");
            page.waitForSelector("#link-panel:not([hidden]) .link-url");
            assertThat(page.textContent("#link-panel .link-url")).isEqualTo("https://zwfw.example.gov.cn/item/jzz-qz");
            assertThat(page.locator("#link-panel .link-qr").count()).isZero();
            assertThat(page.textContent("#link-panel")).contains("没有二维码");
            assertThat(escaped).isEmpty();
        }
    }
}
