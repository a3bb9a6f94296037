package org.gongkai.touch;

import org.gongkai.support.DemoBrowserTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The touch home over the demo: a living county, one tile per subject, and an attract loop of its own group (10.8). */
class TouchHomeBrowserTest extends DemoBrowserTest {

    @Test
    void everyHomeTileLeadsToAtLeastOneItemAndNoTwoTilesShareAName() {
        for (String lang : List.of("zh", "en")) {
            try (BrowserContext context = TouchBrowserTest.context(browser, 1920, 1080)) {
                Page page = TouchLinksBrowserTest.open(context, server.base, "");
                if (lang.equals("en")) page.click("#lang");
                List<String> names = page.locator("main .tile").allTextContents();
                assertThat(names).as("home tiles").hasSizeGreaterThan(30);
                assertThat(new HashSet<>(names)).as("tile names, each once").hasSameSizeAs(names);
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (int t = 0; t < names.size(); t++) {
                    page.click("#home");
                    page.waitForSelector(".tiles.main .tile");
                    Locator tile = page.locator("main .tile").nth(t);
                    String name = tile.textContent();
                    boolean lookup = tile.getAttribute("data-query") == null;
                    tile.click();
                    if (lookup) { // 查询申请办理进度 leads to the lookup form, not a list
                        page.waitForSelector(".field-box");
                        continue;
                    }
                    page.waitForSelector(".entry, .empty, .error");
                    counts.put(name, page.locator(".entry").count());
                }
                List<String> empty = counts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
                System.out.println("TouchHomeBrowserTest (" + lang + "): " + counts.size() + " tiles, entries on their first page: " + counts);
                assertThat(counts).hasSizeGreaterThan(30);
                assertThat(empty).as("tiles that lead to an empty list").isEmpty();
            }
        }
    }

    /** 就业 was both a catalogue category and a life event: one tile, listing both. */
    @Test
    void theEmploymentTileListsTheLifeEventAndTheCategory() {
        Set<String> expected = new HashSet<>();
        for (String query : List.of("lifeEvent=employment", "category=employment")) {
            for (JsonNode i : server.anonymous().get("/api/items?size=100&" + query).json().get("items")) expected.add(i.get("title").asText());
        }
        try (BrowserContext context = TouchBrowserTest.context(browser, 1080, 1920)) {
            Page page = TouchLinksBrowserTest.open(context, server.base, "");
            assertThat(page.locator("main .tile[data-label='就业']").count()).isEqualTo(1);
            page.click("main .tile[data-label='就业']");
            page.waitForSelector(".entry");
            Set<String> shown = new HashSet<>();
            for (int p = 0; p < 10; p++) {
                shown.addAll(page.locator(".entry-title").allTextContents());
                Locator next = page.locator(".pager .page-button").nth(1);
                if (next.count() == 0 || next.isDisabled()) break;
                String first = page.locator(".entry").first().getAttribute("data-id");
                next.click();
                page.waitForFunction("f => { const e = document.querySelector('.entry'); return e && e.dataset.id !== f; }", first);
            }
            assertThat(shown).isEqualTo(expected);
        }
    }

    /** Paired into the touch group, the attract loop shows that group's notices and no other group's. */
    @Test
    void theAttractLoopShowsOnlyTheScreensOwnGroupsNotices() {
        Http admin = server.admin();
        Fixtures.create(admin, notice("只在广场大屏显示的通知", "plaza"));
        Fixtures.create(admin, notice("触摸屏本组的通知", "touch"));
        List<String> own = new ArrayList<>(); // shown at any hour: no schedule of their own
        List<String> others = new ArrayList<>();
        for (JsonNode i : server.anonymous().get("/api/items?kind=notice&size=100").json().get("items")) { // public now
            JsonNode groups = i.get("targetGroups");
            boolean touch = groups.isEmpty();
            for (JsonNode g : groups) touch |= g.asText().equals("touch");
            if (!touch) others.add(i.get("title").asText());
            else if (i.get("schedule").isNull()) own.add(i.get("title").asText());
        }
        assertThat(own).contains("触摸屏本组的通知");
        assertThat(others).contains("只在广场大屏显示的通知");
        try (BrowserContext context = TouchBrowserTest.context(browser, 1920, 1080)) {
            Page page = context.newPage();
            page.navigate(server.base + "/touch?attract=1");
            page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
            String code = page.textContent("#pairing").replaceAll("\\D", "");
            assertThat(admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"大厅查询机\",\"group\":\"touch\"}").status()).isEqualTo(200);
            // every notice the loop shows, in order, for two rounds of the group's notices
            page.evaluate("() => { window.__shown = []; new MutationObserver(() => { const h = document.querySelector('#attract .attract-item h2');"
                    + " if (h && h !== window.__last) { window.__last = h; window.__shown.push(h.textContent); } })"
                    + ".observe(document.getElementById('attract'), { childList: true, subtree: true }); }");
            page.waitForFunction("a => window.__shown.length >= a.n || window.__shown.some(t => a.others.indexOf(t) >= 0)",
                    Map.of("n", 2 * own.size(), "others", others), new Page.WaitForFunctionOptions().setTimeout(60000));
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) page.evaluate("() => window.__shown");
            assertThat(shown).containsAll(own).doesNotContainAnyElementsOf(others);
        }
    }

    /** A notice aimed at one group only. */
    static com.fasterxml.jackson.databind.node.ObjectNode notice(String title, String group) {
        var n = Fixtures.notice(title);
        n.put("department", "gov-office").put("priority", 99);
        n.putArray("targetGroups").add(group);
        return n;
    }
}
