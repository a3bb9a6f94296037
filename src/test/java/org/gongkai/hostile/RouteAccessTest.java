package org.gongkai.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the running server has (read from Javalin's router through App.routeList) has an access rule here, and
 * each rule holds on real records: a caller it does not allow gets 401 (nobody logged in) or 403 (a role that may
 * not), and a caller it allows gets the route's success status, on an item, user, screen or application that exists
 * and that the call may change (a fresh one for each call that changes something), so that a 404 or a 400 can never
 * pass for "let through". A new route without a rule fails the test. The rules here are this test's own, written
 * apart from the route table: each route's declared access (App.routeRoles, from RouteTable) must be the rule named
 * here, and the behaviour must follow it, so that a route declared with the wrong access and a handler that refuses a
 * caller its access allows both fail. The department rules (an editor works on their own department's items and
 * applications only) are checked route by route in {@link #departmentRulesHold()}.
 */
class RouteAccessTest extends ServerTest {
    /** The callers tried: nobody, and staff of each role (the editor of department hrss, the others of none). */
    enum Caller { NOBODY, VIEWER, EDITOR, DISCLOSURE, REVIEWER, ADMIN }

    /** Who may call a route; the names are those of the routes' declared access (web.Access). */
    enum Rule {
        PUBLIC(Caller.values()),
        STAFF(Caller.VIEWER, Caller.EDITOR, Caller.DISCLOSURE, Caller.REVIEWER, Caller.ADMIN),
        /** any role but viewer (API tokens act with their owner's role) */
        NOT_VIEWER(Caller.EDITOR, Caller.DISCLOSURE, Caller.REVIEWER, Caller.ADMIN),
        /** writes content */
        WRITER(Caller.EDITOR, Caller.REVIEWER, Caller.ADMIN),
        REVIEWER(Caller.REVIEWER, Caller.ADMIN),
        ADMIN(Caller.ADMIN),
        /** personal data: the handling department's editors and reviewers, the disclosure office, admins */
        APPLICATIONS(Caller.EDITOR, Caller.DISCLOSURE, Caller.ADMIN),
        /** routing applications to departments */
        DISCLOSURE_OFFICE(Caller.DISCLOSURE, Caller.ADMIN);

        final Set<Caller> allowed;

        Rule(Caller... allowed) {
            this.allowed = Set.of(allowed);
        }
    }

    /** One request: where, and with what body. */
    /** contentType: null for JSON. */
    record Call(String path, String body, String contentType) {
        Call(String path, String body) {
            this(path, body, null);
        }
    }

    /**
     * A rule, the status an allowed caller gets and how to make the call for a given caller (a fresh record each time
     * when the call changes it). {@code ownClient}: the call changes the caller's own login (log in, log out), so it
     * is made from a fresh client.
     */
    record Case(Rule rule, int ok, Function<Caller, Call> call, boolean ownClient) {}

    private static final Map<String, Case> RULES = new LinkedHashMap<>();
    private static final Map<Caller, Http> CALLERS = new LinkedHashMap<>();
    private static final List<ScreenClient> SCREENS = new ArrayList<>();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final Set<String> ONLY_WITH_BENCH = Set.of("POST /api/bench/broadcast");
    private static final String SOURCE = "https://xxgk.example.gov.cn/rsj/tzgg/route-access.html";

    private static Http editor;
    private static long published;
    private static String shortCode;
    private static String linkKey;
    private static String application;
    private static String checkCode;
    private static String screenId;

    @BeforeAll
    static void realRecords() {
        CALLERS.put(Caller.NOBODY, server.anonymous());
        CALLERS.put(Caller.VIEWER, server.user("acc-viewer", "viewer", null));
        CALLERS.put(Caller.EDITOR, editor = server.user("acc-editor", "editor", "hrss"));
        CALLERS.put(Caller.DISCLOSURE, server.user("acc-disclosure", "disclosure", null));
        CALLERS.put(Caller.REVIEWER, server.user("acc-reviewer", "reviewer", null));
        CALLERS.put(Caller.ADMIN, admin);
        JsonNode item = Fixtures.create(editor, notice("已发布的通知").put("sourceUrl", SOURCE).put("status", "published"));
        published = item.get("id").asLong();
        shortCode = item.get("shortCode").asText();
        linkKey = admin.get("/api/items/" + published + "/links").json().get("links").get(0).get("shortUrl").asText()
                .replaceAll(".*/", "");
        JsonNode app = newApplication(admin);
        application = app.get("number").asText();
        checkCode = app.get("checkCode").asText();
        PairedScreen screen = PairedScreen.pair(server, admin, "plaza");
        SCREENS.add(screen.client());
        screenId = screen.id();
        assertThat(admin.post("/api/departments", "{\"code\":\"meteorology\",\"name\":\"县气象台\"}").status()).isEqualTo(201);
        rules();
    }

    @AfterAll
    static void closeScreens() {
        SCREENS.forEach(ScreenClient::close);
    }

    private static void rule(String route, Rule rule, int ok, Function<Caller, Call> call) {
        RULES.put(route, new Case(rule, ok, call, false));
    }

    private static void rule(String route, Rule rule, int ok, String path, String body) {
        rule(route, rule, ok, who -> new Call(path, body));
    }

    private static void rules() {
        String item = "/api/items/" + published;
        rule("GET /health", Rule.PUBLIC, 200, "/health", null);
        RULES.put("POST /api/login", new Case(Rule.PUBLIC, 200, who -> new Call("/api/login",
                "{\"username\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}"), true));
        RULES.put("POST /api/logout", new Case(Rule.PUBLIC, 204, who -> new Call("/api/logout", ""), true));
        rule("GET /api/me", Rule.STAFF, 200, "/api/me", null);
        rule("POST /api/tokens", Rule.NOT_VIEWER, 201, "/api/tokens", "{\"name\":\"路由检查\"}");
        rule("GET /api/users", Rule.ADMIN, 200, "/api/users", null);
        rule("POST /api/users", Rule.ADMIN, 201, who -> new Call("/api/users", "{\"username\":\"made-" + serial()
                + "\",\"displayName\":\"新用户\",\"password\":\"a-long-password\",\"role\":\"viewer\"}"));
        rule("PUT /api/users/{id}", Rule.ADMIN, 200, who -> new Call("/api/users/" + newUser(), "{\"displayName\":\"改名\"}"));
        rule("POST /api/users/{id}/password", Rule.ADMIN, 204,
                who -> new Call("/api/users/" + newUser() + "/password", "{\"password\":\"another-password\"}"));
        rule("POST /api/me/password", Rule.STAFF, 204, who -> new Call("/api/me/password", samePassword(who)));
        rule("GET /api/items", Rule.PUBLIC, 200, "/api/items", null);
        rule("POST /api/items", Rule.WRITER, 201, "/api/items", draftBody("新草稿"));
        rule("GET /api/items/{id}", Rule.PUBLIC, 200, item, null);
        rule("PUT /api/items/{id}", Rule.WRITER, 200, who -> new Call("/api/items/" + newItem("draft"), draftBody("改过的草稿")));
        rule("DELETE /api/items/{id}", Rule.WRITER, 204, who -> new Call("/api/items/" + newItem("draft"), null));
        rule("POST /api/items/preview", Rule.WRITER, 200, "/api/items/preview", draftBody("预览"));
        rule("POST /api/items/{id}/submit", Rule.WRITER, 200, who -> new Call("/api/items/" + newItem("draft") + "/submit", ""));
        rule("POST /api/items/{id}/approve", Rule.REVIEWER, 200, who -> new Call("/api/items/" + newItem("submitted") + "/approve", ""));
        rule("POST /api/items/{id}/return", Rule.REVIEWER, 200,
                who -> new Call("/api/items/" + newItem("submitted") + "/return", "{\"reason\":\"请补充电话\"}"));
        rule("POST /api/items/{id}/withdraw", Rule.WRITER, 200, who -> new Call("/api/items/" + newPublished() + "/withdraw", ""));
        rule("POST /api/items/{id}/clear", Rule.WRITER, 200, who -> new Call("/api/items/" + newAlert() + "/clear", ""));
        rule("GET /api/items/{id}/history", Rule.STAFF, 200, item + "/history", null);
        rule("GET /api/reviews", Rule.STAFF, 200, "/api/reviews", null);
        rule("GET /api/alerts/policy", Rule.STAFF, 200, "/api/alerts/policy", null);
        rule("POST /api/usage/views", Rule.PUBLIC, 204, "/api/usage/views",
                "{\"itemId\":" + published + ",\"screenId\":\"" + screenId + "\"}");
        rule("GET /api/usage/popular", Rule.PUBLIC, 200, "/api/usage/popular?screen=" + screenId + "&kind=notice", null);
        rule("GET /api/ratings/options", Rule.PUBLIC, 200, "/api/ratings/options", null);
        rule("POST /api/ratings", Rule.PUBLIC, 201, who -> new Call("/api/ratings",
                "{\"level\":5,\"itemId\":" + published + ",\"sessionId\":\"route-access-" + serial() + "\"}"));
        rule("GET /api/ratings/summary", Rule.STAFF, 200, "/api/ratings/summary", null);
        rule("GET /api/applications/lookup", Rule.PUBLIC, 200,
                "/api/applications/lookup?number=" + application + "&code=" + checkCode, null);
        rule("POST /api/applications/submit", Rule.PUBLIC, 201, "/api/applications/submit", "{\"name\":\"王五\","
                + "\"idType\":\"resident_id\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13912345678\","
                + "\"subject\":\"路由检查\",\"delivery\":\"collect\"}");
        rule("GET /api/applications", Rule.APPLICATIONS, 200, "/api/applications", null);
        rule("POST /api/applications", Rule.APPLICATIONS, 201, "/api/applications", applicationBody());
        rule("GET /api/applications/{number}", Rule.APPLICATIONS, 200, "/api/applications/" + application, null);
        rule("POST /api/applications/{number}/status", Rule.APPLICATIONS, 200, who -> new Call(
                "/api/applications/" + newApplication(admin).get("number").asText() + "/status", "{\"status\":\"handling\"}"));
        rule("PUT /api/applications/{number}/department", Rule.DISCLOSURE_OFFICE, 200, who -> new Call(
                "/api/applications/" + newApplication(admin).get("number").asText() + "/department", "{\"department\":\"weather\"}"));
        rule("GET /api/work-calendar", Rule.STAFF, 200, "/api/work-calendar", null);
        rule("GET /api/search", Rule.PUBLIC, 200, "/api/search?q=通知", null);
        rule("GET /api/ime", Rule.PUBLIC, 200, "/api/ime?pinyin=zhengfu", null);
        rule("GET /api/offline", Rule.PUBLIC, 200, "/api/offline", null);
        rule("GET /api/categories", Rule.PUBLIC, 200, "/api/categories", null);
        rule("GET /api/departments", Rule.PUBLIC, 200, "/api/departments", null);
        rule("POST /api/departments", Rule.ADMIN, 201, who -> new Call("/api/departments",
                "{\"code\":\"dept-" + serial() + "\",\"name\":\"新部门\"}"));
        rule("PUT /api/departments/{code}", Rule.ADMIN, 200, "/api/departments/weather", "{\"name\":\"县气象局\"}");
        rule("GET /api/feeds", Rule.ADMIN, 200, "/api/feeds", null);
        rule("POST /api/feeds", Rule.ADMIN, 201, "/api/feeds", feedBody());
        rule("PUT /api/feeds/{id}", Rule.ADMIN, 200, who -> new Call("/api/feeds/" + newFeed(), feedBody()));
        rule("DELETE /api/feeds/{id}", Rule.ADMIN, 204, who -> new Call("/api/feeds/" + newFeed(), null));
        // nothing listens on port 1: the fetch is tried, fails at once and is recorded (200 with the error)
        rule("POST /api/feeds/{id}/fetch", Rule.ADMIN, 200, who -> new Call("/api/feeds/" + newFeed() + "/fetch", ""));
        rule("GET /api/feeds/{id}/log", Rule.ADMIN, 200, who -> new Call("/api/feeds/" + newFeed() + "/log", null));
        rule("POST /api/cap", Rule.REVIEWER, 200, who -> new Call("/api/cap", capMessage("Exercise"), "application/cap+xml"));
        rule("GET /api/cap/messages", Rule.STAFF, 200, "/api/cap/messages", null);
        rule("POST /api/cap/messages/{id}/issue", Rule.REVIEWER, 200,
                who -> new Call("/api/cap/messages/" + pendingCapMessage() + "/issue", ""));
        rule("GET /api/cap/sources", Rule.ADMIN, 200, "/api/cap/sources", null);
        rule("POST /api/cap/sources", Rule.ADMIN, 201, "/api/cap/sources", capSource());
        rule("PUT /api/cap/sources/{id}", Rule.ADMIN, 200, who -> new Call("/api/cap/sources/" + newCapSource(), capSource()));
        rule("DELETE /api/cap/sources/{id}", Rule.ADMIN, 204, who -> new Call("/api/cap/sources/" + newCapSource(), null));
        rule("GET /api/reports/freshness", Rule.STAFF, 200, "/api/reports/freshness", null);
        rule("GET /api/reports/annual", Rule.STAFF, 200, "/api/reports/annual", null);
        // the handler ran: the test server's configuration says embedded, but its database is an in-memory H2 or a
        // PostgreSQL schema, neither of which H2's BACKUP can write (507)
        rule("POST /api/admin/backup", Rule.ADMIN, 507, "/api/admin/backup", "");
        rule("GET /api/screen-groups", Rule.PUBLIC, 200, "/api/screen-groups", null);
        rule("POST /api/screen-groups", Rule.ADMIN, 201, who -> new Call("/api/screen-groups",
                "{\"code\":\"group-" + serial() + "\",\"name\":\"新屏组\"}"));
        rule("PUT /api/screen-groups/{code}", Rule.ADMIN, 200, "/api/screen-groups/hall", "{\"name\":\"大厅屏\"}");
        rule("GET /api/screen-groups/{code}/timeline", Rule.STAFF, 200, "/api/screen-groups/plaza/timeline", null);
        rule("GET /api/screens", Rule.STAFF, 200, "/api/screens", null);
        rule("GET /api/nodes", Rule.STAFF, 200, "/api/nodes", null);
        rule("POST /api/screens/pair", Rule.ADMIN, 200, who -> new Call("/api/screens/pair",
                "{\"code\":\"" + pendingScreenCode() + "\",\"name\":\"新屏\",\"group\":\"hall\"}"));
        rule("GET /api/screens/{id}", Rule.STAFF, 200, "/api/screens/" + screenId, null);
        rule("PUT /api/screens/{id}", Rule.ADMIN, 200, "/api/screens/" + screenId, "{\"name\":\"广场东屏\"}");
        rule("GET /api/screens/{id}/playlist", Rule.STAFF, 200, "/api/screens/" + screenId + "/playlist", null);
        rule("GET /api/screens/{id}/plays", Rule.STAFF, 200, "/api/screens/" + screenId + "/plays", null);
        rule("GET /api/audit", Rule.ADMIN, 200, "/api/audit", null);
        rule("GET /api/audit/verify", Rule.ADMIN, 200, "/api/audit/verify", null);
        rule("POST /api/bench/broadcast", Rule.ADMIN, 200, "/api/bench/broadcast", "{}"); // only with bench.enabled
        rule("GET /s/{code}", Rule.PUBLIC, 302, "/s/" + shortCode, null);
        rule("GET /S/{code}", Rule.PUBLIC, 302, "/S/" + shortCode, null);
        rule("GET /qr/{file}", Rule.PUBLIC, 200, "/qr/" + shortCode + ".png", null);
        rule("GET /api/items/{id}/links", Rule.PUBLIC, 200, item + "/links", null);
        rule("GET /api/items/{id}/speech", Rule.PUBLIC, 200, item + "/speech", null);
        rule("GET /api/items/{id}/speech/{part}", Rule.PUBLIC, 200, item + "/speech/0", null);
        rule("GET /api/speech", Rule.PUBLIC, 200, "/api/speech", null);
        rule("GET /s/{code}/{key}", Rule.PUBLIC, 302, "/s/" + shortCode + "/" + linkKey, null);
        rule("GET /S/{code}/{key}", Rule.PUBLIC, 302, "/S/" + shortCode + "/" + linkKey, null);
        rule("GET /qr/{code}/{file}", Rule.PUBLIC, 200, "/qr/" + shortCode + "/" + linkKey + ".svg", null);
        rule("GET /", Rule.PUBLIC, 302, "/", null);
        rule("GET /favicon.ico", Rule.PUBLIC, 204, "/favicon.ico", null);
        for (String page : new String[]{"/plaza", "/plaza-sw.js", "/touch", "/touch-sw.js", "/admin", "/m/apply"}) {
            rule("GET " + page, Rule.PUBLIC, 200, page, null);
            rule("HEAD " + page, Rule.PUBLIC, 200, page, null);
        }
        rule("GET /m/items/{id}", Rule.PUBLIC, 200, "/m/items/" + published, null);
        rule("HEAD /m/items/{id}", Rule.PUBLIC, 200, "/m/items/" + published, null);
        rule("WS /ws/screen", Rule.PUBLIC, 0, "/ws/screen", null); // screens prove who they are with their secret
    }

    @Test
    void everyRouteOfTheRunningServerHasARule() {
        List<String> routes = server.app.routeList();
        System.out.println("RouteAccessTest: the server has " + routes.size() + " routes");
        assertThat(routes).as("the router was read").contains("GET /api/items", "WS /ws/screen");
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(RULES.keySet());
        assertThat(missing).as("routes without an access rule in RouteAccessTest.rules(): add one").isEmpty();
        Set<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(routes);
        stale.removeAll(ONLY_WITH_BENCH);
        assertThat(stale).as("rules for routes the server no longer has").isEmpty();
    }

    @Test
    void everyRouteDeclaresTheAccessOfItsRule() {
        Map<String, String> declared = server.app.routeRoles();
        assertThat(declared.keySet()).as("every route's declared access was read")
                .containsExactlyInAnyOrderElementsOf(server.app.routeList());
        List<String> wrong = new ArrayList<>();
        declared.forEach((route, access) -> {
            Case c = RULES.get(route);
            if (c != null && !c.rule().name().equals(access)) {
                wrong.add(route + " declares " + access + " in the route table; its rule here is " + c.rule());
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRuleHoldsForEveryRole() {
        List<String> failures = new ArrayList<>();
        int allowedCalls = 0;
        int deniedCalls = 0;
        for (String route : server.app.routeList()) {
            Case c = RULES.get(route);
            if (c == null || route.startsWith("WS ")) continue;
            String method = route.substring(0, route.indexOf(' '));
            for (var caller : CALLERS.entrySet()) {
                Caller who = caller.getKey();
                boolean allowed = c.rule().allowed.contains(who);
                // a public route answers staff as it answers anyone; nobody is the caller that shows it is public
                if (allowed && who != Caller.NOBODY && c.rule() == Rule.PUBLIC) continue;
                Call call = c.call().apply(who);
                Http client = c.ownClient() ? server.anonymous() : caller.getValue();
                Http.Response r = call.contentType() != null
                        ? client.method(method, call.path(), call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), call.contentType())
                        : client.method(method, call.path(), call.body() == null ? "" : call.body());
                int expected = allowed ? c.ok() : who == Caller.NOBODY ? 401 : 403;
                if (allowed) allowedCalls++; else deniedCalls++;
                if (r.status() != expected) {
                    failures.add(route + " as " + who.name().toLowerCase() + " (" + call.path() + "): expected "
                            + expected + (allowed ? " (allowed)" : " (refused)") + ", got " + r.status() + " " + brief(r));
                }
            }
        }
        System.out.println("RouteAccessTest: " + allowedCalls + " allowed and " + deniedCalls + " refused calls");
        assertThat(allowedCalls).as("allowed calls made").isGreaterThan(60);
        assertThat(deniedCalls).as("refused calls made").isGreaterThan(100);
        assertThat(failures).isEmpty();
        try (ScreenClient screen = new ScreenClient(server.wsUrl())) {
            screen.send("{\"type\":\"ping\"}");
            screen.await("pong", 5000);
        }
    }

    /**
     * An editor of another department (weather) is refused every route on hrss's items and applications, and nothing
     * changes by the refused call; hrss's own editor and a reviewer of hrss are let through on the same records.
     */
    @Test
    void departmentRulesHold() {
        Http other = server.user("acc-editor-weather", "editor", "weather");
        Http hrssReviewer = server.user("acc-reviewer-hrss", "reviewer", "hrss");
        long draft = newItem("draft");
        long submitted = newItem("submitted");
        String path = "/api/items/" + draft;

        assertThat(other.get(path).status()).as("another department's draft").isEqualTo(403);
        assertThat(editor.get(path).status()).isEqualTo(200);
        assertThat(server.anonymous().get(path).status()).as("a draft is not public").isEqualTo(404);
        assertThat(other.get(path + "/history").status()).isEqualTo(403);
        assertThat(editor.get(path + "/history").status()).isEqualTo(200);
        assertThat(other.put(path, draftBody("别的部门改的")).status()).isEqualTo(403);
        assertThat(other.post(path + "/submit", "").status()).isEqualTo(403);
        assertThat(other.delete(path).status()).isEqualTo(403);
        JsonNode after = editor.get(path).json();
        assertThat(after.get("title").asText()).as("refused calls changed nothing").isEqualTo("草稿");
        assertThat(after.get("status").asText()).isEqualTo("draft");
        assertThat(other.post("/api/items", draftBody("冒名草稿")).status()).as("a draft for another department").isEqualTo(403);

        long live = newPublished();
        assertThat(other.post("/api/items/" + live + "/withdraw", "").status()).isEqualTo(403);
        assertThat(other.put("/api/items/" + live, draftBody("别的部门的修改")).status()).isEqualTo(403);
        assertThat(admin.get("/api/items/" + live).json().get("status").asText()).isEqualTo("published");
        long alert = newAlert();
        assertThat(other.post("/api/items/" + alert + "/clear", "").status()).isEqualTo(403);
        assertThat(admin.get("/api/items/" + alert).json().get("status").asText()).isEqualTo("published");

        assertThat(ids(other.get("/api/reviews").json())).doesNotContain(submitted);
        assertThat(ids(editor.get("/api/reviews").json())).contains(submitted);
        assertThat(ids(other.get("/api/items?status=draft&size=100").json().get("items"))).doesNotContain(draft);
        assertThat(ids(editor.get("/api/items?status=draft&size=100").json().get("items"))).contains(draft);

        String number = newApplication(admin).get("number").asText();
        String app = "/api/applications/" + number;
        assertThat(other.get(app).status()).as("another department's application").isEqualTo(403);
        assertThat(other.post(app + "/status", "{\"status\":\"handling\"}").status()).isEqualTo(403);
        assertThat(admin.get(app).json().get("status").asText()).isEqualTo("received");
        assertThat(numbers(other.get("/api/applications").json())).doesNotContain(number);
        assertThat(other.post("/api/applications", applicationBody()).status()).as("registering for hrss").isEqualTo(403);
        assertThat(hrssReviewer.get(app).status()).as("a reviewer of the handling department").isEqualTo(200);
        assertThat(numbers(hrssReviewer.get("/api/applications").json())).contains(number);
        assertThat(editor.put(app + "/department", "{\"department\":\"weather\"}").status())
                .as("only the disclosure office routes applications").isEqualTo(403);
        assertThat(server.user("acc-reviewer-none", "reviewer", null).get(app).status())
                .as("a reviewer of no department").isEqualTo(403);
    }

    private static ObjectNode notice(String title) {
        return Fixtures.notice(title).put("status", "draft");
    }

    private static String draftBody(String title) {
        return notice(title).toString();
    }

    private static long newItem(String status) {
        Http.Response r = editor.post("/api/items", notice("草稿").put("status", status).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static long newPublished() {
        return Fixtures.create(editor, notice("要撤回的通知").put("status", "published")).get("id").asLong();
    }

    /** An alert of department hrss, issued at once by the admin. */
    /** A CAP message for 示范县 valid from now for a day: Moderate (waits for a reviewer) unless the status says otherwise. */
    private static String capMessage(String status) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0);
        return "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>route-access-" + serial()
                + "</identifier><sender>route@example.gov.cn</sender><sent>" + now + "</sent><status>" + status
                + "</status><msgType>Alert</msgType><scope>Public</scope><info><event>大雾预警</event><urgency>Expected"
                + "</urgency><severity>Moderate</severity><certainty>Likely</certainty><expires>" + now.plusDays(1)
                + "</expires><senderName>示范县气象台</senderName><headline>示范县气象台发布大雾预警</headline>"
                + "<area><areaDesc>示范县</areaDesc></area></info></alert>";
    }

    /** A source nobody answers at (polled once a day, its failure recorded). */
    private static String capSource() {
        return "{\"name\":\"源" + serial() + "\",\"url\":\"http://127.0.0.1:9/cap.atom\",\"intervalSeconds\":86400}";
    }

    private static long newCapSource() {
        Http.Response r = admin.post("/api/cap/sources", capSource());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static long pendingCapMessage() {
        Http.Response r = admin.method("POST", "/api/cap", capMessage("Actual").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/cap+xml");
        assertThat(r.json().get("outcome").asText()).as(r.body()).isEqualTo("pending");
        return r.json().get("messageId").asLong();
    }

    private static long newAlert() {
        ObjectNode alert = Fixtures.alert("yellow").put("department", "hrss");
        Http.Response r = admin.post("/api/items", alert.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static String applicationBody() {
        return "{\"channel\":\"online\",\"subject\":\"社保缴费记录\",\"applicant\":\"王五\",\"contact\":\"13800000000\",\"department\":\"hrss\"}";
    }

    private static JsonNode newApplication(Http who) {
        Http.Response r = who.post("/api/applications", applicationBody());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String feedBody() {
        return "{\"name\":\"门户\",\"url\":\"http://127.0.0.1:1/rss.xml\",\"department\":\"hrss\",\"category\":\"notices\"}";
    }

    private static long newFeed() {
        Http.Response r = admin.post("/api/feeds", feedBody());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static long newUser() {
        Http.Response r = admin.post("/api/users", "{\"username\":\"user-" + serial()
                + "\",\"displayName\":\"用户\",\"password\":\"a-long-password\",\"role\":\"viewer\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** The caller's own password, changed to itself, so that the caller stays able to log in. */
    private static String samePassword(Caller who) {
        String password = who == Caller.ADMIN ? TestServer.ADMIN_PASSWORD : TestServer.USER_PASSWORD;
        return "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"" + password + "\"}";
    }

    /** The pairing code of a new screen that has said hello; it stays connected until the class ends. */
    private static String pendingScreenCode() {
        ScreenClient screen = new ScreenClient(server.wsUrl());
        SCREENS.add(screen);
        screen.hello(null, null, null);
        return screen.await("welcome", 5000).get("pairingCode").asText();
    }

    private static int serial() {
        return SERIAL.incrementAndGet();
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }

    private static List<String> numbers(JsonNode applications) {
        List<String> out = new ArrayList<>();
        applications.forEach(a -> out.add(a.get("number").asText()));
        return out;
    }

    private static String brief(Http.Response r) {
        String body = r.body();
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
