package org.gongkai.hostile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored XSS: markup and script payloads in every text field staff (or a citizen, or a failed login) can store,
 * shown on every page that shows them. Each page must show the payload as text, open no dialog, throw no script
 * error, trip no Content-Security-Policy violation (which would mean markup got in and tried to run) and hold no
 * element the payload would have made.
 */
class StoredXssBrowserTest extends ServerTest {
    static final String P = "<img src=x onerror=alert(1)><script>alert(2)</script>javascript:alert(3)";
    static final String SHORT = "<img src=x onerror=alert(1)>";
    static final String INJECTED = "() => document.querySelectorAll('[onerror], [onclick], [onload], script:not([src]), "
            + "img[src=\"x\"], a[href^=\"javascript:\" i], object, embed, "
            + "iframe:not([src^=\"/plaza?preview\"]):not([src^=\"/touch?preview\"])').length"; // the editor's live preview
    static Browser browser;
    static final List<String> problems = new ArrayList<>();
    static int checked;
    static long notice;
    static long guide;
    static long policy;
    static long interpretation;
    static long alert;
    static long submitted;

    @BeforeAll
    static void storePayloads() {
        browser = new Browser();
        assertThat(admin.post("/api/departments", "{\"code\":\"xss\",\"name\":\"" + esc(P) + "局\",\"nameEn\":\"" + esc(P) + "\",\"phone\":\"" + esc(SHORT) + "\"}").status()).isEqualTo(201);
        String group = "{\"name\":\"" + esc(P) + "屏组\",\"nameEn\":\"" + esc(P) + "\",\"viewingDistanceMeters\":5}";
        assertThat(admin.put("/api/screen-groups/plaza", group).status()).isEqualTo(200);
        assertThat(admin.put("/api/screen-groups/hall", group).status()).isEqualTo(200);
        notice = Fixtures.create(admin, item(Fixtures.notice(P + "通知"))).get("id").asLong();
        ObjectNode html = item(Fixtures.notice(P + "网页正文")).put("bodyFormat", "html")
                .put("body", "<p>正文" + P + "</p><a href=\"javascript:alert(4)\">链接</a><p onclick=\"alert(5)\">段</p>");
        Fixtures.create(admin, html);
        guide = Fixtures.create(admin, guide()).get("id").asLong();
        ObjectNode p = item(FuzzTest.policy().put("title", P + "政策"));
        for (String f : new String[]{"indexNumber", "documentNumber", "subject"}) ((ObjectNode) p.get("policy")).put(f, SHORT);
        ((ObjectNode) p.get("policy")).put("issuingBody", P);
        policy = Fixtures.create(admin, p).get("id").asLong();
        ObjectNode i = item(FuzzTest.interpretation(policy).put("title", P + "解读").put("status", "published"));
        ((ObjectNode) i.get("interpretation")).put("interpreter", P);
        interpretation = Fixtures.create(admin, i).get("id").asLong();
        ObjectNode a = item(Fixtures.alert("red").put("title", P + "预警"));
        ((ObjectNode) a.get("alert")).put("area", P).put("issuer", P);
        alert = Fixtures.create(admin, a).get("id").asLong();
        // 预警接收: a pending CAP warning whose identifier, headline, area and sender carry the payload
        String x = P.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0);
        Http.Response cap = admin.method("POST", "/api/cap", ("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>" + x
                + "</identifier><sender>" + x + "</sender><sent>" + now + "</sent><status>Actual</status><msgType>Alert</msgType>"
                + "<info><event>大雾预警</event><severity>Moderate</severity><expires>" + now.plusDays(1) + "</expires><senderName>" + x
                + "</senderName><headline>" + x + "</headline><instruction>" + x + "</instruction><area><areaDesc>示范县" + x
                + "</areaDesc></area></info></alert>").getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/cap+xml");
        assertThat(cap.body()).contains("\"outcome\":\"pending\"");
        Http editor = server.user("xss-editor", "editor", "xss");
        ObjectNode draft = item(Fixtures.notice(P + "待审")).put("status", "submitted");
        Http.Response s = editor.post("/api/items", draft.toString());
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        submitted = s.json().get("id").asLong();
        assertThat(admin.post("/api/applications", "{\"channel\":\"online\",\"subject\":\"" + esc(P) + "\",\"applicant\":\"" + esc(P)
                + "\",\"contact\":\"" + esc(P) + "\"}").status()).isEqualTo(201);
        assertThat(admin.post("/api/users", "{\"username\":\"xss.user\",\"displayName\":\"" + esc(P) + "\",\"password\":\"xss-password\",\"role\":\"viewer\"}").status()).isEqualTo(201);
        assertThat(server.anonymous().login(SHORT, "wrong-password").status()).isEqualTo(401); // the audit log keeps the name tried
        admin.post("/api/departments/" + java.net.URLEncoder.encode(SHORT, java.nio.charset.StandardCharsets.UTF_8), "{}");
        // a javascript: address is refused where a link is built from it
        ObjectNode bad = Fixtures.notice("坏链接").put("status", "draft").put("sourceUrl", "javascript:alert(1)");
        assertThat(admin.post("/api/items", bad.toString()).json().get("field").asText()).isEqualTo("sourceUrl");
        ObjectNode badGuide = guide();
        ((ObjectNode) badGuide.get("guide")).put("onlineUrl", "JavaScript:alert(1)");
        assertThat(admin.post("/api/items", badGuide.put("status", "draft").toString()).json().get("field").asText()).isEqualTo("guide.onlineUrl");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The item in department xss, aimed at every group, with the payload in summary, body and tags. */
    static ObjectNode item(ObjectNode n) {
        n.put("department", "xss").put("summary", P + "摘要").put("body", P + "\n\n- " + P + "\n1. " + P);
        n.putArray("tags").add(SHORT);
        return n;
    }

    static ObjectNode guide() {
        ObjectNode g = item(FuzzTest.guide().put("title", P + "指南").put("status", "published"));
        g.remove("schedule");
        g.putArray("targetGroups");
        ObjectNode d = (ObjectNode) g.get("guide");
        for (String f : new String[]{"implementingBody", "applicants", "hours", "phone", "complaintsPhone"}) d.put(f, P);
        for (String f : new String[]{"conditions", "legalBasis"}) d.putArray(f).add(P);
        ArrayNode materials = d.putArray("materials");
        materials.addObject().put("name", P).put("form", "original").put("originals", 1).put("copies", 0).put("format", "paper").put("source", P).put("note", P);
        d.putArray("steps").addObject().put("name", P).put("description", P);
        d.putArray("fees").addObject().put("item", P).put("standard", P).put("basis", P).put("waivable", false);
        d.putObject("place").put("hall", P).put("floor", P).put("window", P).put("address", P);
        d.putArray("faq").addObject().put("q", P).put("a", P);
        return g;
    }

    /**
     * Records, from the first script on, every element a payload would make, also one that a later render removes
     * again: a MutationObserver sees each element as it is added.
     */
    static final String WATCH_INJECTED = "(() => { window.__injected = [];"
            + " const sel = " + "'[onerror], [onclick], [onload], script:not([src]), img[src=\"x\"], a[href^=\"javascript:\" i], "
            + "object, embed, iframe:not([src^=\"/plaza?preview\"]):not([src^=\"/touch?preview\"])';"
            + " const seen = n => { if (n.nodeType !== 1) return; if (n.matches(sel)) window.__injected.push(n.outerHTML.slice(0, 80));"
            + " n.querySelectorAll(sel).forEach(e => window.__injected.push(e.outerHTML.slice(0, 80))); };"
            + " new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(seen)))"
            + ".observe(document, { childList: true, subtree: true }); })()";

    /** A page with its dialogs, script errors and CSP reports collected under the name. */
    static Page page(BrowserContext context, String name) {
        Page page = context.newPage();
        page.setDefaultTimeout(10_000);
        page.addInitScript(WATCH_INJECTED);
        page.onDialog(d -> {
            problems.add(name + ": dialog " + d.type() + " " + d.message());
            d.dismiss();
        });
        page.onPageError(e -> problems.add(name + ": script error " + e));
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) problems.add(name + ": CSP violation " + m.text());
        });
        return page;
    }

    /** The payload is there as text (or as the value of a form field) and made no element. */
    static void check(Page page, String name) {
        check(page, name, "body");
    }

    /** The same, with the payload looked for only inside the element the selector names. */
    static void check(Page page, String name, String within) {
        checked++;
        page.waitForFunction("([p, sel]) => { const root = document.querySelector(sel); return !!root && "
                + "(root.innerText.includes(p) || [...root.querySelectorAll('input, textarea')].some(e => e.value.includes(p))); }",
                List.of(SHORT, within), new Page.WaitForFunctionOptions().setTimeout(8000));
        for (com.microsoft.playwright.Frame frame : page.frames()) { // the editor's preview frames too
            Object injected = frame.evaluate(INJECTED);
            if (((Number) injected).intValue() != 0) problems.add(name + " " + frame.url() + ": " + injected + " elements made from a payload");
            Object made = frame.evaluate("() => (window.__injected || []).splice(0)");
            if (made instanceof List<?> list && !list.isEmpty()) problems.add(name + " " + frame.url() + ": made " + list);
        }
        page.waitForTimeout(150); // a late onerror would show up as a dialog or a CSP report
    }

    String pairedScreen(BrowserContext context, String path) {
        Page page = page(context, path + " pairing");
        page.navigate(server.base + path);
        String selector = path.equals("/plaza") ? ".pairing .code" : "#pairing";
        page.waitForFunction("s => /\\d{6}/.test((document.querySelector(s) || {}).textContent || '')", selector);
        String code = page.textContent(selector).replaceAll("\\D", "");
        Http.Response pair = admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"" + esc(P) + "\",\"group\":\""
                + (path.equals("/plaza") ? "plaza" : "hall") + "\"}");
        assertThat(pair.status()).as(pair.body()).isEqualTo(200);
        return code;
    }

    @Test
    void payloadsStayTextOnEveryPage() {
        long started = System.nanoTime();
        try (BrowserContext plaza = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1920, 1080))) {
            pairedScreen(plaza, "/plaza");
            Page page = plaza.pages().get(0);
            page.waitForSelector(".item h1, .alert");
            check(page, "/plaza");
        }
        try (BrowserContext touch = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1080, 1920).setHasTouch(true))) {
            pairedScreen(touch, "/touch");
            touch.pages().get(0).close();
            Page page = page(touch, "/touch"); // the pairing is kept in localStorage
            page.navigate(server.base + "/touch");
            page.waitForSelector("#attract:not([hidden])");
            page.dispatchEvent("#attract", "pointerdown");
            page.waitForSelector(".tiles.main .tile");
            check(page, "/touch alert"); // the red alert covers the screen first
            page.locator("button:has-text('我知道了')").click();
            for (String[] open : new String[][]{{"办事指南", "指南"}, {"公示公告", "通知"}, {"法规文件", "政策"}}) {
                page.locator(".tile:has-text('" + open[0] + "')").first().click();
                page.locator(".entry:has-text('" + open[1] + "')").first().click();
                page.waitForSelector(".item h1");
                check(page, "/touch " + open[0]);
                page.click("#home");
            }
        }
        try (BrowserContext phone = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(390, 844))) {
            for (long id : new long[]{notice, guide, policy, interpretation, alert}) {
                Page page = page(phone, "/m/items/" + id);
                page.navigate(server.base + "/m/items/" + id);
                check(page, "/m/items/" + id);
                page.close();
            }
        }
        try (BrowserContext office = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page page = page(office, "/admin");
            page.navigate(server.base + "/admin#/items");
            Browser.logInToAdmin(page, "admin", TestServer.ADMIN_PASSWORD);
            @SuppressWarnings("unchecked")
            List<String> views = (List<String>) page.evaluate("() => [...document.querySelectorAll('#nav a[data-view]')].map(a => a.dataset.view)");
            assertThat(views).as("every view of the admin page is in its navigation")
                    .contains("items", "review", "alerts", "schedule", "screens", "applications", "freshness", "audit", "users");
            List<String> hashes = new ArrayList<>();
            views.forEach(v -> hashes.add(v));
            hashes.add("items/" + guide);
            hashes.add("items/" + alert);
            hashes.add("items/" + policy);
            for (String hash : hashes) {
                page.navigate(server.base + "/admin#/" + hash);
                String id = hash.replaceAll("/.*", "");
                // the payload must show inside this view, not linger from the one before
                check(page, "/admin#/" + hash, "#view .view-body[data-view=\"" + id + "\"]");
            }
        }
        System.out.printf("StoredXssBrowserTest: %d pages and views in %.1f s%n", checked, (System.nanoTime() - started) / 1e9);
        assertThat(problems).isEmpty();
    }
}
