package org.gongkai.admin;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.gongkai.support.Browser;
import org.gongkai.support.Http;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page in headless Chromium at an office PC's 1366x768: login, screens, applications, audit, users. */
class AdminPagesBrowserTest extends ServerTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static Browser browser;
    final List<String> pageErrors = new ArrayList<>();
    final List<String> dialogs = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SHOTS);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        assertThat(pageErrors).as("script errors").isEmpty();
        assertThat(dialogs).as("browser dialogs (alert, confirm)").isEmpty();
    }

    Page open(String hash) {
        BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        contexts.add(context);
        Page page = context.newPage();
        page.onPageError(pageErrors::add);
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        page.navigate(server.base + "/admin" + hash);
        return page;
    }

    Page loggedIn(String username, String password, String hash) {
        Page page = open(hash);
        Browser.logInToAdmin(page, username, password);
        return page;
    }

    Page asAdmin(String hash) {
        return loggedIn("admin", TestServer.ADMIN_PASSWORD, hash);
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-" + name + ".png")));
    }

    /** Submits the form and waits for the server's complaint beside the named field. */
    static void submitExpectingError(Page page, String form, String field) {
        page.click(form + " button[type=submit]");
        page.waitForSelector(form + " [data-error-for=" + field + "]:not(:empty)");
    }

    static Locator row(Page page, String text) {
        return page.locator("tbody tr", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void loginShowsTheServersErrorThenOpensTheFirstView() {
        Page page = open("");
        page.waitForSelector("#login");
        shot(page, "login");
        page.fill("#login [name=username]", "admin");
        page.fill("#login [name=password]", "wrong-password");
        page.click("#login button[type=submit]");
        page.waitForSelector("#login .form-error:not(:empty)");
        assertThat(page.textContent("#login .form-error")).contains("用户名或密码错误", "wrong username or password");
        for (int i = 0; i < 5; i++) assertThat(server.anonymous().login("guessed.name", "guess-" + i).status()).isEqualTo(401);
        page.fill("#login [name=username]", "guessed.name");
        page.click("#login button[type=submit]");
        page.waitForSelector("#login .form-error:has-text('登录失败次数过多')");
        assertThat(page.textContent("#login .form-error")).contains("too many failed logins");
        page.fill("#login [name=username]", "admin");
        page.fill("#login [name=password]", TestServer.ADMIN_PASSWORD);
        page.click("#login button[type=submit]");
        page.waitForSelector("#nav a[aria-current=page]");
        assertThat(page.textContent("#who")).contains("admin", "管理员");
        assertThat(page.locator("#nav a").allTextContents()).containsExactly("内容", "审核", "预警", "预警接收", "排期", "屏幕", "门户订阅",
                "依申请公开", "部门更新", "审计日志", "用户");
        assertThat(page.textContent(".view-title")).isEqualTo("内容");

        page.click(".lang-switch");
        page.waitForSelector("#nav a:has-text('Screens')");
        assertThat(page.textContent(".view-title")).isEqualTo("Content");
        page.click(".lang-switch");
        page.waitForSelector("#nav a:has-text('屏幕')");

        page.click("button:has-text('退出')");
        page.waitForSelector("#login");
        assertThat(admin.get("/api/me").status()).as("the test's own session is another one").isEqualTo(200);
    }

    @Test
    void aPendingScreenIsPairedRenamedShownEscapedAndRetired() {
        try (ScreenClient screen = new ScreenClient(server.wsUrl())) {
            screen.hello(null, null, null);
            String code = screen.await("welcome", 5000).get("pairingCode").asText();
            Page page = asAdmin("#/screens");
            page.waitForSelector("#pair");
            page.fill("#pair [name=code]", "12");
            submitExpectingError(page, "#pair", "code");
            assertThat(page.getAttribute("#pair [name=code]", "aria-invalid")).isEqualTo("true");

            page.fill("#pair [name=code]", code);
            page.fill("#pair [name=name]", "东门屏");
            page.selectOption("#pair [name=group]", "hall");
            page.click("#pair button[type=submit]");
            row(page, "东门屏").waitFor();
            assertThat(row(page, "东门屏").textContent()).contains("在线", "大厅屏", "1920×1080");

            row(page, "东门屏").locator("button:has-text('编辑')").click();
            page.fill(".dialog [name=name]", "<img src=x onerror=alert(1)>");
            page.click(".dialog button[type=submit]");
            row(page, "<img src=x onerror=alert(1)>").waitFor();
            assertThat(page.locator("tbody img").count()).isZero();
            assertThat(row(page, "<img src=x onerror=alert(1)>").locator("td").first().textContent())
                    .isEqualTo("<img src=x onerror=alert(1)>");

            row(page, "onerror").locator("button:has-text('编辑')").click();
            page.fill(".dialog [name=name]", "东门大屏");
            page.click(".dialog button[type=submit]");
            row(page, "东门大屏").waitFor();

            row(page, "东门大屏").locator("button:has-text('播放列表')").click();
            page.waitForSelector("#playlist-panel:not([hidden]) h3:has-text('东门大屏')");
            assertThat(page.textContent("#playlist-panel")).contains("轮播", "预警");
            shot(page, "screens");
            page.setViewportSize(1920, 1080);
            shot(page, "screens-1920x1080");
            page.setViewportSize(1366, 768);

            row(page, "东门大屏").locator("button:has-text('停用')").click();
            page.waitForSelector(".dialog:has-text('东门大屏')");
            shot(page, "screens-retire");
            page.click(".dialog button:has-text('确定')");
            row(page, "东门大屏").locator(".badge:has-text('已停用')").waitFor();
            assertThat(page.locator(".overlay").count()).isZero();
        }
    }

    @Test
    void theOfflineFilterShowsOnlyScreensNotSeenLately() throws Exception {
        try (ScreenClient online = new ScreenClient(server.wsUrl())) {
            pairByApi(online, "在线北屏");
            try (ScreenClient old = new ScreenClient(server.wsUrl())) {
                String id = pairByApi(old, "久未联系南屏");
                int connected = screensConnected();
                old.close();
                // the hub has forgotten the socket, so no heartbeat touches the screen after its time is set back
                for (int i = 0; i < 200 && screensConnected() >= connected; i++) Thread.sleep(100);
                assertThat(screensConnected()).as("the closed screen's socket is gone").isLessThan(connected);
                try (Connection c = server.dataSource.getConnection();
                     PreparedStatement st = c.prepareStatement("UPDATE screens SET last_seen_at = ? WHERE id = ?")) {
                    st.setObject(1, OffsetDateTime.now().minusHours(3));
                    st.setString(2, id);
                    assertThat(st.executeUpdate()).isEqualTo(1);
                }
            }
            Page page = asAdmin("#/screens");
            row(page, "在线北屏").waitFor();
            row(page, "久未联系南屏").waitFor();
            page.check("#offline-only");
            // both rows are there before the filter: wait for the filter's effect, not for a row that never left
            row(page, "在线北屏").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            assertThat(row(page, "久未联系南屏").textContent()).contains("离线");
            page.uncheck("#offline-only");
            row(page, "在线北屏").waitFor();
        }
    }

    private static int screensConnected() {
        return server.anonymous().get("/health").json().get("push").get("screensConnected").asInt();
    }

    static String pairByApi(ScreenClient screen, String name) {
        screen.hello(null, null, null);
        var welcome = screen.await("welcome", 5000);
        Http.Response r = admin.post("/api/screens/pair", "{\"code\":\"" + welcome.get("pairingCode").asText()
                + "\",\"name\":\"" + name + "\",\"group\":\"plaza\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return welcome.get("screenId").asText();
    }

    @Test
    void anApplicationIsRegisteredWithItsNumberAndCheckCodeAndAnswered() {
        String overdue = "{\"channel\":\"online\",\"subject\":\"某街道2025年财政预算\",\"applicant\":\"周过期\",\"receivedOn\":\""
                + java.time.LocalDate.now().minusDays(45) + "\"}";
        assertThat(admin.post("/api/applications", overdue).status()).isEqualTo(201);
        String own = "{\"name\":\"钱自助\",\"idType\":\"resident_id\",\"idNumber\":\"11010519491231002X\","
                + "\"phone\":\"13912345678\",\"subject\":\"本镇2026年低保资金发放情况\",\"delivery\":\"post\",\"address\":\"城关镇人民路12号\"}";
        assertThat(server.anonymous().post("/api/applications/submit", own).status()).isEqualTo(201);
        Page page = asAdmin("#/applications");
        assertThat(row(page, "钱自助").textContent()).contains("网上申请", "居民身份证 11010519491231002X", "电话 13912345678",
                "邮寄：城关镇人民路12号");
        row(page, "钱自助").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-applications-self-service-1366x768.png")));
        assertThat(row(page, "周过期").locator(".badge-danger").textContent()).startsWith("已超期");
        page.waitForSelector("#register");
        submitExpectingError(page, "#register", "subject");

        page.selectOption("#register [name=channel]", "letter");
        page.fill("#register [name=applicant]", "李明");
        page.fill("#register [name=contact]", "13800000000");
        page.fill("#register [name=subject]", "2026年县城老旧小区改造项目的资金安排");
        page.click("#register button[type=submit]");
        page.waitForSelector("#application-created:not([hidden])");
        String number = page.textContent("#application-created .app-number");
        String code = page.textContent("#application-created .app-code");
        assertThat(number).isNotBlank();
        assertThat(code).isNotBlank();
        assertThat(server.anonymous().get("/api/applications/lookup?number=" + number + "&code=" + code).status()).isEqualTo(200);
        assertThat(row(page, number).textContent()).contains("李明", "信函", "已收到", "个工作日");
        shot(page, "applications");

        row(page, number).locator("button:has-text('办理')").click();
        page.selectOption(".dialog [name=status]", "answered");
        submitExpectingError(page, ".dialog", "result");
        page.selectOption(".dialog [name=result]", "partly");
        shot(page, "applications-answer-1366x768");
        page.click(".dialog button[type=submit]");
        row(page, number).locator(".badge:has-text('已答复')").waitFor();
        assertThat(row(page, number).textContent()).contains("部分公开");
        assertThat(row(page, number).locator("button:has-text('办理')").count()).isZero();
    }

    @Test
    void theAuditLogListsTheLoginAndVerifies() {
        Page page = asAdmin("#/audit");
        row(page, "login").first().waitFor();
        page.click("button:has-text('校验审计链')");
        page.waitForSelector("#audit-verify .badge-ok");
        assertThat(page.textContent("#audit-verify")).contains("审计链完整");
        page.fill("#audit-filter [name=q]", "logout-that-never-happened");
        page.click("#audit-filter button[type=submit]");
        page.waitForSelector("tr.empty");
        assertThat(page.getAttribute("#audit-filter a[download]", "href"))
                .startsWith("/api/audit?format=csv&q=logout-that-never-happened");
        page.fill("#audit-filter [name=q]", "");
        page.click("#audit-filter button[type=submit]");
        row(page, "login").first().waitFor();
        page.click("button:has-text('校验审计链')");
        page.waitForSelector("#audit-verify .badge-ok");
        shot(page, "audit");
    }

    @Test
    void anAdminCreatesAViewerWhoSeesNoUsersViewAndNoWriteButtons() {
        try (ScreenClient screen = new ScreenClient(server.wsUrl())) {
            pairByApi(screen, "只读可见屏");
            Page page = asAdmin("#/users");
            page.waitForSelector("#new-user");
            page.fill("#new-user [name=username]", "ab");
            submitExpectingError(page, "#new-user", "username");

            page.fill("#new-user [name=username]", "viewer.wang");
            page.fill("#new-user [name=displayName]", "王查看");
            page.fill("#new-user [name=password]", "viewer-password");
            page.selectOption("#new-user [name=role]", "editor");
            submitExpectingError(page, "#new-user", "department");
            page.selectOption("#new-user [name=role]", "viewer");
            page.click("#new-user button[type=submit]");
            row(page, "viewer.wang").waitFor();
            assertThat(row(page, "viewer.wang").textContent()).contains("王查看", "只读", "正常");
            shot(page, "users");

            Page viewer = loggedIn("viewer.wang", "viewer-password", "#/users");
            assertThat(viewer.locator("#nav a").allTextContents()).as("applications hold personal data: not for viewers")
                    .containsExactly("内容", "排期", "屏幕", "部门更新");
            assertThat(viewer.textContent(".view-title")).as("a forbidden view opens the first allowed one").isEqualTo("内容");
            viewer.navigate(server.base + "/admin#/screens");
            row(viewer, "只读可见屏").waitFor();
            assertThat(viewer.locator("#pair").count()).isZero();
            assertThat(viewer.locator("tbody button:has-text('编辑'), tbody button:has-text('停用')").count()).isZero();
            viewer.navigate(server.base + "/admin#/applications");
            viewer.waitForSelector(".view-title:has-text('内容')");
            assertThat(viewer.locator("#register").count()).isZero();

            viewer.click("button:has-text('修改密码')");
            viewer.fill(".dialog [name=currentPassword]", "not-my-password");
            viewer.fill(".dialog [name=newPassword]", "viewer-password-2");
            viewer.fill(".dialog [name=confirm]", "viewer-password-3");
            submitExpectingError(viewer, ".dialog", "confirm");
            viewer.fill(".dialog [name=confirm]", "viewer-password-2");
            submitExpectingError(viewer, ".dialog", "currentPassword");
            viewer.fill(".dialog [name=currentPassword]", "viewer-password");
            viewer.click(".dialog button[type=submit]");
            viewer.waitForSelector(".toast:has-text('密码已修改')");
            assertThat(viewer.locator(".dialog").count()).isZero();

            long id = admin.get("/api/users").json().findParents("username").stream()
                    .filter(u -> u.get("username").asText().equals("viewer.wang")).findFirst().orElseThrow().get("id").asLong();
            assertThat(admin.put("/api/users/" + id, "{\"disabled\":true}").status()).isEqualTo(200);
            viewer.evaluate("location.hash = '#/screens'"); // no reload: the view's request gets 401
            viewer.waitForSelector("#login");
            assertThat(viewer.locator("#nav").count()).isZero();
        }
    }

    /** The disclosure office (公开办) is a role: it registers applications for any department and routes them. */
    @Test
    void theDisclosureOfficeRegistersAndRoutesApplications() {
        Page page = asAdmin("#/users");
        page.waitForSelector("#new-user");
        assertThat(page.locator("#new-user [name=role] option").allTextContents()).contains("公开办（依申请公开）");
        page.fill("#new-user [name=username]", "office.zhao");
        page.fill("#new-user [name=displayName]", "赵公开");
        page.fill("#new-user [name=password]", "office-password");
        page.selectOption("#new-user [name=role]", "disclosure");
        page.click("#new-user button[type=submit]");
        row(page, "office.zhao").waitFor();
        assertThat(row(page, "office.zhao").textContent()).contains("公开办");

        Page office = loggedIn("office.zhao", "office-password", "#/applications");
        assertThat(office.locator("#nav a").allTextContents()).contains("内容", "依申请公开").doesNotContain("用户", "审计日志", "审核");
        office.waitForSelector("#register [name=department]");
        office.selectOption("#register [name=channel]", "letter");
        office.selectOption("#register [name=department]", "hrss");
        office.fill("#register [name=applicant]", "钱分办");
        office.fill("#register [name=subject]", "县城供水管网改造资金");
        office.click("#register button[type=submit]");
        office.waitForSelector("#application-created:not([hidden])");
        office.click("#application-created button");
        row(office, "钱分办").waitFor();
        assertThat(row(office, "钱分办").textContent()).contains("县人力资源和社会保障局");
        row(office, "钱分办").locator("button:has-text('分办')").click();
        office.selectOption(".dialog [name=department]", "weather");
        office.click(".dialog button[type=submit]");
        row(office, "钱分办").locator("td:has-text('县气象局')").waitFor();

        Page editor = loggedIn(editorOf("hrss"), TestServer.USER_PASSWORD, "#/applications");
        editor.waitForSelector("#register");
        assertThat(editor.locator("#register [name=department]").count()).as("an editor registers for their own department").isZero();
        editor.waitForSelector(".view-body .table-wrap");
        assertThat(editor.textContent(".view-body")).doesNotContain("钱分办");
    }

    static String editorOf(String department) {
        server.user("editor." + department, "editor", department);
        return "editor." + department;
    }
}
