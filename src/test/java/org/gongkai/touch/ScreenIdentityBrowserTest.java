package org.gongkai.touch;

import org.gongkai.support.DemoBrowserTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /plaza and /touch in one browser profile are two screens, each with its own identity (issue 10.13); a screen
 * paired before identities were kept per kind keeps its identity after the upgrade.
 */
class ScreenIdentityBrowserTest extends DemoBrowserTest {
    static Http admin;

    @BeforeAll
    static void setUp() {
        admin = server.admin();
    }

    static JsonNode screen(String id) {
        for (JsonNode s : admin.get("/api/screens").json()) if (s.get("id").asText().equals(id)) return s;
        throw new AssertionError("no screen " + id);
    }

    static String stored(Page page, String key) {
        Object id = page.evaluate("k => { try { return JSON.parse(localStorage.getItem(k)).screenId; } catch (e) { return null; } }", key);
        return (String) id;
    }

    static String touchPairingCode(Page page) {
        page.waitForFunction("() => /\\d{6}/.test(document.getElementById('pairing').textContent)");
        return page.textContent("#pairing").replaceAll("\\D", "");
    }

    @Test
    void aPairedPlazaAndATouchPageInOneProfileKeepTheirOwnIdentities() {
        try (BrowserContext context = TouchBrowserTest.context(browser, 1280, 720)) {
            Page plaza = context.newPage();
            plaza.navigate(server.base + "/plaza");
            plaza.waitForFunction("() => /^\\d{6}$/.test((document.querySelector('.pairing .code') || {}).textContent)");
            String code = plaza.textContent(".pairing .code");
            assertThat(admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"广场西屏\",\"group\":\"plaza\"}").status()).isEqualTo(200);
            plaza.waitForSelector(".pairing", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(10000));
            String plazaId = null;
            for (JsonNode s : admin.get("/api/screens").json()) if ("广场西屏".equals(s.path("name").asText())) plazaId = s.get("id").asText();
            assertThat(plazaId).as("the paired plaza screen").isNotNull();

            Page touch = context.newPage();
            touch.navigate(server.base + "/touch");
            // until the touch page has its answer: a pairing code of its own, or (the bug) the plaza's identity
            String id = plazaId;
            long until = System.currentTimeMillis() + 15000;
            while (!touch.textContent("#pairing").matches(".*\\d{6}.*") && screen(id).get("kind").asText().equals("plaza")) {
                assertThat(System.currentTimeMillis()).as("the touch page was answered").isLessThan(until);
                touch.waitForTimeout(100);
            }
            assertThat(screen(plazaId).get("kind").asText()).as("the plaza screen's kind").isEqualTo("plaza");
            assertThat(screen(plazaId).get("status").asText()).isEqualTo("active");
            String touchCode = touchPairingCode(touch); // a new screen, waiting to be paired
            assertThat(stored(plaza, "gongkai.screen.plaza")).isEqualTo(plazaId);
            String touchId = stored(touch, "gongkai.screen.touch");
            assertThat(touchId).startsWith("scr_").isNotEqualTo(plazaId);
            assertThat(screen(touchId).get("kind").asText()).isEqualTo("touch");
            assertThat(screen(touchId).get("pairingCode").asText()).isEqualTo(touchCode);

            // each comes back as itself after a reload
            plaza.reload();
            touch.reload();
            touchPairingCode(touch);
            plaza.waitForSelector(".item, .idle", new Page.WaitForSelectorOptions().setTimeout(10000));
            assertThat(plaza.locator(".pairing").count()).isZero();
            assertThat(stored(plaza, "gongkai.screen.plaza")).isEqualTo(plazaId);
            assertThat(stored(touch, "gongkai.screen.touch")).isEqualTo(touchId);
            assertThat(screen(plazaId).get("kind").asText()).isEqualTo("plaza");
        }
    }

    /** The identity under the old shared key: a plaza page takes it over and stays paired; the touch page starts afresh. */
    @Test
    void aPlazaPairedBeforeTheUpgradeKeepsItsIdentity() {
        PairedScreen old = PairedScreen.pair(server, admin, "plaza");
        old.client().close();
        try (BrowserContext context = TouchBrowserTest.context(browser, 1280, 720)) {
            Page plaza = context.newPage();
            plaza.navigate(server.base + "/health");
            plaza.evaluate("s => { localStorage.setItem('gongkai.screen', JSON.stringify(s)); localStorage.setItem('gongkai.plays', '[]'); }",
                    java.util.Map.of("screenId", old.id(), "secret", old.secret()));
            Page touch = context.newPage();
            touch.navigate(server.base + "/touch"); // the touch page first: it must not take the plaza's identity
            touchPairingCode(touch);
            assertThat(stored(touch, "gongkai.screen.touch")).isNotEqualTo(old.id());

            plaza.navigate(server.base + "/plaza");
            plaza.waitForSelector(".item, .idle", new Page.WaitForSelectorOptions().setTimeout(10000));
            assertThat(plaza.locator(".pairing").count()).isZero();
            assertThat(stored(plaza, "gongkai.screen.plaza")).isEqualTo(old.id());
            assertThat(plaza.evaluate("() => localStorage.getItem('gongkai.screen')")).as("the old key is gone").isNull();
            assertThat(screen(old.id()).get("kind").asText()).isEqualTo("plaza");
            assertThat(screen(old.id()).get("status").asText()).isEqualTo("active");
        }
    }

    /** A touchscreen that never showed /plaza keeps its identity too. */
    @Test
    void aTouchscreenPairedBeforeTheUpgradeKeepsItsIdentity() {
        PairedScreen old = PairedScreen.pair(server, admin, "touch");
        old.client().close();
        try (BrowserContext context = TouchBrowserTest.context(browser, 1920, 1080)) {
            Page touch = context.newPage();
            touch.navigate(server.base + "/health");
            touch.evaluate("s => localStorage.setItem('gongkai.screen', JSON.stringify(s))",
                    java.util.Map.of("screenId", old.id(), "secret", old.secret()));
            touch.navigate(server.base + "/touch");
            touch.waitForFunction("id => { try { return JSON.parse(localStorage.getItem('gongkai.screen.touch')).status === 'active'; } catch (e) { return false; } }", old.id());
            assertThat(stored(touch, "gongkai.screen.touch")).isEqualTo(old.id());
            assertThat(touch.textContent("#pairing")).isEmpty();
            assertThat(screen(old.id()).get("kind").asText()).isEqualTo("touch");
        }
    }
}
