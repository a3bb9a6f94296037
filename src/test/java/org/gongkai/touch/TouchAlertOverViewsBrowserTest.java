package org.gongkai.touch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.gongkai.support.DemoBrowserTest;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.touch.TouchBrowserTest.context;
import static org.gongkai.touch.TouchBrowserTest.home;
import static org.gongkai.touch.TouchBrowserTest.tap;

/**
 * A warning covers whatever a citizen is doing (typing a search, reading a guide) until put aside, and a warning put
 * aside comes back when it is upgraded; what the citizen was doing is still there underneath.
 */
class TouchAlertOverViewsBrowserTest extends DemoBrowserTest {

    static Page paired(BrowserContext context, String name) {
        Page page = home(context, "");
        page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
        String code = page.textContent("#pairing").replaceAll("\\D", "");
        Http.Response r = server.admin().post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"group\":\"touch\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        page.waitForFunction("() => document.getElementById('pairing').textContent === ''");
        return page;
    }

    static void waitForAlert(Page page, String level) {
        page.waitForSelector("#alert.level-" + level + ":not([hidden]) h2", new Page.WaitForSelectorOptions().setTimeout(10_000));
    }

    static void putAside(Page page) {
        tap(page, "#dismiss");
        page.waitForSelector("#alert", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
    }

    @Test
    void aWarningCoversSearchAndAGuideAndAnUpgradeComesBackAfterBeingPutAside() {
        Http admin = server.admin();
        for (int[] size : new int[][]{{1920, 1080}, {1080, 1920}}) {
            String name = size[0] + "x" + size[1];
            try (BrowserContext context = context(browser, size[0], size[1])) {
                Page page = paired(context, "查询机 " + name);
                tap(page, "#search");
                for (String key : List.of("y", "l")) tap(page, ".key[data-key='" + key + "']");

                ObjectNode alert = Fixtures.alert("orange");
                alert.put("department", "meteorology").put("title", "暴雨橙色预警信号 " + name);
                ((ObjectNode) alert.get("alert")).put("issuer", "示范县气象台").put("issuedAt", "2026-11-03T14:05:00+08:00");
                JsonNode created = Fixtures.create(admin, alert);
                long id = created.get("id").asLong();
                waitForAlert(page, "orange");
                assertThat(page.textContent("#alert .issuer")).isEqualTo("示范县气象台发布");
                assertThat(page.textContent("#alert .area")).isEqualTo("示范县全境 · 发布时间 2026年11月3日 14:05");
                assertThat(page.isVisible(".search-box")).as("the search is under the warning").isTrue();
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("touch-alert-" + name + ".png")));
                putAside(page);
                assertThat(page.textContent(".search-box")).as(name + ": the typed text is still there").isEqualTo("yl");

                tap(page, "#home");
                tap(page, ".tile:has-text('办事指南')");
                tap(page, ".entry:has-text('城乡居民养老保险参保登记')");
                page.waitForSelector(".item h1");

                alert.put("title", "暴雨红色预警信号 " + name).put("version", created.get("version").asInt());
                ((ObjectNode) alert.get("alert")).put("level", "red");
                Http.Response up = admin.put("/api/items/" + id, alert.toString());
                assertThat(up.status()).as(up.body()).isEqualTo(200);
                waitForAlert(page, "red");
                assertThat(page.textContent("#alert h2")).isEqualTo("暴雨红色预警信号 " + name);
                putAside(page);
                assertThat(page.textContent(".item h1")).as(name + ": the guide is still open").isEqualTo("城乡居民养老保险参保登记");
                assertThat(admin.post("/api/items/" + id + "/withdraw", "").status()).isEqualTo(200);
            }
        }
    }
}
