package org.gongkai.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff workflow in headless Chromium against the real server: an editor drafts, a reviewer approves, an open
 * plaza page shows it; withdrawal removes it; an alert issued from the page reaches the plaza; department walls,
 * CSRF and login throttling hold for calls made from the page itself.
 */
class AdminWorkflowBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestServer server;
    static Http admin;
    static Browser browser;
    static BrowserContext plazaContext;
    static Page plaza;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SHOTS);
        server = TestServer.start();
        admin = server.admin();
        Fixtures.basics(admin);
        server.user("zhang", "editor", "hrss");
        server.user("wang", "editor", "weather");
        server.user("li", "reviewer", null);
        browser = new Browser();
        plazaContext = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 720));
        plaza = plazaContext.newPage();
        plaza.setDefaultTimeout(10_000);
        plaza.navigate(server.base + "/plaza");
        plaza.waitForFunction("() => /^\\d{6}$/.test((document.querySelector('.pairing .code') || {}).textContent || '')");
        String code = plaza.textContent(".pairing .code");
        Http.Response pair = admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"广场屏\",\"group\":\"plaza\"}");
        assertThat(pair.status()).as(pair.body()).isEqualTo(200);
        plaza.waitForSelector(".idle");
    }

    @AfterAll
    static void stop() {
        if (plazaContext != null) plazaContext.close();
        if (browser != null) browser.close();
        server.close();
    }

    static Page logIn(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        page.setDefaultTimeout(10_000);
        page.navigate(server.base + "/admin");
        Browser.logInToAdmin(page, username, password);
        return page;
    }

    static BrowserContext office() {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 768));
    }

    static void confirm(Page page) {
        page.click(".dialog .dialog-actions .btn-danger");
    }

    @Test
    void editorDraftsReviewerApprovesPlazaShowsItAndWithdrawRemovesIt() {
        String title = "关于开展2026年度城乡居民养老保险待遇资格认证的通知";
        long id;
        try (BrowserContext context = office()) {
            Page editor = logIn(context, "zhang", TestServer.USER_PASSWORD);
            editor.navigate(server.base + "/admin#/items/new");
            editor.fill(".editor-form input[name=title]", title);
            assertThat(editor.textContent("label[for='" + editor.getAttribute("input[name=publishStart]", "id") + "']"))
                    .as("the display zone as staff know it").isEqualTo("开始时间（北京时间）");
            editor.fill(".editor-form textarea[name=summary]", "请于12月31日前通过手机或社区服务站完成认证。");
            editor.fill(".editor-form textarea[name=body]", "认证方式：\n\n- 手机自助认证\n- 社区服务站认证");
            editor.frameLocator(".preview iframe").locator(".item h1").getByText(title).waitFor();
            editor.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-editor-1366x768.png")));
            editor.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("触摸屏")).click();
            editor.frameLocator(".preview iframe").locator("article.item").getByText("手机自助认证").waitFor();
            editor.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-editor-touch-preview-1366x768.png")));
            editor.click("text=保存并提交审核");
            editor.waitForFunction("() => /#\\/items\\/\\d+$/.test(location.hash)");
            id = Long.parseLong(editor.evaluate("() => location.hash.split('/')[2]").toString());
            assertThat(admin.get("/api/items/" + id).json().get("status").asText()).isEqualTo("submitted");
            assertThat(plaza.textContent("#stage")).doesNotContain(title);
        }
        try (BrowserContext context = office()) {
            Page reviewer = logIn(context, "li", TestServer.USER_PASSWORD);
            reviewer.navigate(server.base + "/admin#/review");
            reviewer.click("text=" + title);
            reviewer.waitForSelector(".review-detail");
            reviewer.frameLocator(".preview iframe").locator(".item h1").getByText(title).waitFor();
            reviewer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-review-1366x768.png")));
            reviewer.click("text=审核通过并发布");
            confirm(reviewer);
            reviewer.waitForFunction("() => location.hash === '#/review'");

            plaza.waitForSelector(".item h1:has-text('" + title + "')");
            plaza.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-approved-on-plaza-1280x720.png")));

            reviewer.navigate(server.base + "/admin#/items/" + id);
            reviewer.waitForSelector(".history-entry");
            assertThat(reviewer.textContent(".history")).contains("审核通过并发布").contains("li").contains("zhang");
            reviewer.click("text=撤回（从所有屏幕撤下）");
            confirm(reviewer);
            plaza.waitForSelector(".idle");
        }
        assertThat(admin.get("/api/items/" + id).json().get("status").asText()).isEqualTo("withdrawn");
    }

    @Test
    void alertIssuedFromThePageReachesTheOpenPlazaAndClearsFromIt() {
        try (BrowserContext context = office()) {
            Page page = logIn(context, "admin", TestServer.ADMIN_PASSWORD);
            page.navigate(server.base + "/admin#/alerts");
            page.waitForSelector(".alert-composer");
            // No alerts.defaultDepartment department here (the built-in one is the demo's): nothing preselected.
            assertThat(page.inputValue("select[name='department']")).isEmpty();
            page.selectOption("select[name='department']", "weather");
            page.selectOption("select[name='alert.hazard']", "rainstorm");
            page.selectOption("select[name='alert.level']", "red");
            page.frameLocator(".preview iframe").locator(".alert.level-red").waitFor();
            page.click("text=签发预警");
            page.waitForSelector(".dialog");
            assertThat(page.textContent(".dialog")).contains("全县暴雨红色预警").contains("全部屏幕").contains("admin");
            confirm(page);
            plaza.waitForSelector(".alert.level-red h1:has-text('全县暴雨红色预警')");
            plaza.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-alert-on-plaza-1280x720.png")));
            page.waitForSelector("td:has-text('生效中')");
            page.click("text=解除预警");
            confirm(page);
            plaza.waitForSelector(".alert", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        }
        JsonNode alerts = admin.get("/api/items?kind=alert").json().get("items");
        assertThat(alerts.get(0).get("status").asText()).isEqualTo("withdrawn");
        assertThat(alerts.get(0).get("review").get("approvedBy").asText()).isEqualTo("admin");
    }

    @Test
    void theServerHoldsTheLinesEvenForCallsMadeFromThePage() {
        long draft = Fixtures.create(server.user("zhang", "editor", "hrss"),
                Fixtures.notice("人社局未提交的草稿").put("status", "draft")).get("id").asLong();
        try (BrowserContext context = office()) {
            Page weather = logIn(context, "wang", TestServer.USER_PASSWORD);
            Object status = weather.evaluate("id => fetch('/api/items/' + id).then(r => r.status)", (int) draft);
            assertThat(status).as("an editor of another department cannot read the draft").isEqualTo(403);
            Object noCsrf = weather.evaluate("() => fetch('/api/items', { method: 'POST', headers: { 'Content-Type': 'application/json' },"
                    + " body: JSON.stringify({ kind: 'notice', title: 'x', department: 'weather', category: 'notices' }) }).then(r => r.status)");
            assertThat(noCsrf).as("a write without the CSRF token").isEqualTo(403);
        }
        try (BrowserContext context = office()) {
            Page page = context.newPage();
            page.navigate(server.base + "/admin");
            for (int i = 0; i < 6; i++) {
                page.fill("#login input[name=username]", "guesser");
                page.fill("#login input[name=password]", "wrong-password-" + i);
                int answer = page.waitForResponse(r -> r.url().endsWith("/api/login"),
                        () -> page.click("#login button[type=submit]")).status();
                assertThat(answer).isEqualTo(i < 5 ? 401 : 429);
            }
            page.waitForSelector("#login :text('登录失败次数过多')");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-login-throttled-1366x768.png")));
        }
    }

    @Test
    void contentViewsRenderAtOfficeSizesWithoutScriptErrorsAndShowStaffTextAsText() {
        ObjectNode hostile = Fixtures.notice("<img src=x onerror=alert(1)>标题");
        hostile.putArray("targetGroups").add("hall");
        long id = Fixtures.create(admin, hostile).get("id").asLong();
        ObjectNode guide = Fixtures.notice("城乡居民基本养老保险参保登记").put("kind", "guide").put("category", "office-guides")
                .put("status", "draft");
        guide.putObject("guide").put("implementingBody", "县人力资源和社会保障局").putArray("materials").addObject()
                .put("name", "居民身份证").put("form", "original").put("originals", 1);
        long guideId = Fixtures.create(admin, guide).get("id").asLong();
        ObjectNode morning = Fixtures.notice("上午办理：社保窗口延时服务");
        morning.putArray("targetGroups").add("hall");
        morning.putObject("schedule").putArray("hours").addObject().put("from", "08:00").put("to", "12:00");
        Fixtures.create(admin, morning);
        for (int[] size : new int[][]{{1366, 768}, {1920, 1080}}) {
            try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]))) {
                Page page = logIn(context, "admin", TestServer.ADMIN_PASSWORD);
                List<String> problems = new ArrayList<>();
                page.onPageError(problems::add);
                page.onDialog(d -> { problems.add("dialog: " + d.message()); d.dismiss(); });
                String suffix = "-" + size[0] + "x" + size[1] + ".png";
                for (String[] view : new String[][]{{"items", "table td a"}, {"items/" + guideId, ".row-list .row"},
                        {"items/" + id, ".history-entry"}, {"review", "table"}, {"alerts", ".alert-composer"},
                        {"schedule", ".timeline .segment"}, {"freshness", "table td"}}) {
                    page.navigate(server.base + "/admin#/" + view[0]);
                    page.waitForSelector(view[1]);
                    page.waitForTimeout(300);
                    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-" + view[0].replace("/", "-") + suffix)));
                }
                page.navigate(server.base + "/admin#/items");
                page.waitForSelector("text=<img src=x onerror=alert(1)>标题");
                assertThat(page.locator("img[src=x]").count()).isZero();
                assertThat(problems).isEmpty();
            }
        }
    }

    @Test
    void auditChainVerifiesAndShowsARowChangedInTheDatabase() throws Exception {
        try (BrowserContext context = office()) {
            Page page = logIn(context, "admin", TestServer.ADMIN_PASSWORD);
            page.navigate(server.base + "/admin#/audit");
            page.click("text=校验审计链");
            page.waitForSelector("#audit-verify .badge-ok");
            try (Connection c = server.dataSource.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = (SELECT MIN(id) FROM audit_log)");
            }
            page.click("text=校验审计链");
            page.waitForSelector("#audit-verify .badge-danger:has-text('断开')");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-audit-tampered-1366x768.png")));
        }
    }
}
