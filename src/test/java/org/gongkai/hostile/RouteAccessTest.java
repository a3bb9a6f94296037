package org.gongkai.hostile;

import org.gongkai.support.Http;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the running server has (read from Javalin's router through App.routeList) has an access rule here, and
 * each rule holds: a caller it does not allow gets 401 (nobody logged in) or 403 (a role that may not), a caller it
 * allows is let through (whatever the handler then says about the request itself). A new route without a rule fails
 * the test.
 */
class RouteAccessTest extends ServerTest {
    /** The callers tried: nobody, and staff of each role (the editor of department hrss, the reviewer of none). */
    enum Caller { NOBODY, VIEWER, EDITOR, DISCLOSURE, REVIEWER, ADMIN }

    /** Who may call a route. */
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

    /** A rule, the address to try it on and a body; a route whose allowed call has effects the test must avoid says so. */
    record Case(Rule rule, String path, String body, boolean denyOnly) {}

    private static final String NO_ITEM = "/api/items/987654";
    private static final Map<String, Case> RULES = new LinkedHashMap<>();

    private static void rule(String route, Rule rule, String path, String body) {
        RULES.put(route, new Case(rule, path, body, false));
    }

    static {
        rule("GET /health", Rule.PUBLIC, "/health", null);
        rule("POST /api/login", Rule.PUBLIC, "/api/login", "{}");
        RULES.put("POST /api/logout", new Case(Rule.PUBLIC, "/api/logout", "", true)); // would end the callers' sessions
        rule("GET /api/me", Rule.STAFF, "/api/me", null);
        rule("POST /api/tokens", Rule.NOT_VIEWER, "/api/tokens", "{}");
        rule("GET /api/users", Rule.ADMIN, "/api/users", null);
        rule("POST /api/users", Rule.ADMIN, "/api/users", "{}");
        rule("PUT /api/users/{id}", Rule.ADMIN, "/api/users/987654", "{}");
        rule("POST /api/users/{id}/password", Rule.ADMIN, "/api/users/987654/password", "{}");
        rule("POST /api/me/password", Rule.STAFF, "/api/me/password", "{}");
        rule("GET /api/items", Rule.PUBLIC, "/api/items", null);
        rule("POST /api/items", Rule.WRITER, "/api/items", "{}");
        rule("GET /api/items/{id}", Rule.PUBLIC, NO_ITEM, null);
        rule("PUT /api/items/{id}", Rule.WRITER, NO_ITEM, "{}");
        rule("DELETE /api/items/{id}", Rule.WRITER, NO_ITEM, null);
        rule("POST /api/items/preview", Rule.WRITER, "/api/items/preview", "{}");
        rule("POST /api/items/{id}/submit", Rule.WRITER, NO_ITEM + "/submit", "");
        rule("POST /api/items/{id}/approve", Rule.REVIEWER, NO_ITEM + "/approve", "");
        rule("POST /api/items/{id}/return", Rule.REVIEWER, NO_ITEM + "/return", "{\"reason\":\"r\"}");
        rule("POST /api/items/{id}/withdraw", Rule.WRITER, NO_ITEM + "/withdraw", "");
        rule("POST /api/items/{id}/clear", Rule.WRITER, NO_ITEM + "/clear", ""); // a withdraw of an alert
        rule("GET /api/items/{id}/history", Rule.STAFF, NO_ITEM + "/history", null);
        rule("GET /api/reviews", Rule.STAFF, "/api/reviews", null);
        rule("GET /api/alerts/policy", Rule.STAFF, "/api/alerts/policy", null);
        rule("GET /api/ratings/options", Rule.PUBLIC, "/api/ratings/options", null);
        rule("POST /api/ratings", Rule.PUBLIC, "/api/ratings", "{}");
        rule("GET /api/ratings/summary", Rule.STAFF, "/api/ratings/summary", null);
        rule("GET /api/applications/lookup", Rule.PUBLIC, "/api/applications/lookup?number=YSQ2026-000001&code=X", null);
        rule("GET /api/applications", Rule.APPLICATIONS, "/api/applications", null);
        rule("POST /api/applications", Rule.APPLICATIONS, "/api/applications", "{}");
        rule("GET /api/applications/{number}", Rule.APPLICATIONS, "/api/applications/YSQ2026-999999", null);
        rule("POST /api/applications/{number}/status", Rule.APPLICATIONS, "/api/applications/YSQ2026-999999/status", "{}");
        rule("PUT /api/applications/{number}/department", Rule.DISCLOSURE_OFFICE, "/api/applications/YSQ2026-999999/department", "{}");
        rule("GET /api/search", Rule.PUBLIC, "/api/search?q=x", null);
        rule("GET /api/categories", Rule.PUBLIC, "/api/categories", null);
        rule("GET /api/departments", Rule.PUBLIC, "/api/departments", null);
        rule("POST /api/departments", Rule.ADMIN, "/api/departments", "{}");
        rule("PUT /api/departments/{code}", Rule.ADMIN, "/api/departments/nope", "{}");
        rule("GET /api/reports/freshness", Rule.STAFF, "/api/reports/freshness", null);
        RULES.put("POST /api/admin/backup", new Case(Rule.ADMIN, "/api/admin/backup", "", true)); // writes a file
        rule("GET /api/screen-groups", Rule.PUBLIC, "/api/screen-groups", null);
        rule("POST /api/screen-groups", Rule.ADMIN, "/api/screen-groups", "{}");
        rule("PUT /api/screen-groups/{code}", Rule.ADMIN, "/api/screen-groups/nope", "{}");
        rule("GET /api/screen-groups/{code}/timeline", Rule.STAFF, "/api/screen-groups/plaza/timeline", null);
        rule("GET /api/screens", Rule.STAFF, "/api/screens", null);
        rule("POST /api/screens/pair", Rule.ADMIN, "/api/screens/pair", "{}");
        rule("GET /api/screens/{id}", Rule.STAFF, "/api/screens/scr_nope", null);
        rule("PUT /api/screens/{id}", Rule.ADMIN, "/api/screens/scr_nope", "{}");
        rule("GET /api/screens/{id}/playlist", Rule.STAFF, "/api/screens/scr_nope/playlist", null);
        rule("GET /api/screens/{id}/plays", Rule.STAFF, "/api/screens/scr_nope/plays", null);
        rule("GET /api/audit", Rule.ADMIN, "/api/audit", null);
        rule("GET /api/audit/verify", Rule.ADMIN, "/api/audit/verify", null);
        rule("POST /api/bench/broadcast", Rule.ADMIN, "/api/bench/broadcast", "{}"); // only with bench.enabled
        rule("GET /s/{code}", Rule.PUBLIC, "/s/ZZZZZZ", null);
        rule("GET /S/{code}", Rule.PUBLIC, "/S/ZZZZZZ", null);
        rule("GET /qr/{file}", Rule.PUBLIC, "/qr/ZZZZZZ.png", null);
        rule("GET /api/items/{id}/links", Rule.PUBLIC, NO_ITEM + "/links", null);
        rule("GET /s/{code}/{key}", Rule.PUBLIC, "/s/ZZZZZZ/ZZZZ", null);
        rule("GET /S/{code}/{key}", Rule.PUBLIC, "/S/ZZZZZZ/ZZZZ", null);
        rule("GET /qr/{code}/{file}", Rule.PUBLIC, "/qr/ZZZZZZ/ZZZZ.png", null);
        rule("GET /", Rule.PUBLIC, "/", null);
        rule("GET /favicon.ico", Rule.PUBLIC, "/favicon.ico", null);
        rule("GET /plaza", Rule.PUBLIC, "/plaza", null);
        rule("GET /plaza-sw.js", Rule.PUBLIC, "/plaza-sw.js", null);
        rule("GET /touch", Rule.PUBLIC, "/touch", null);
        rule("GET /admin", Rule.PUBLIC, "/admin", null);
        rule("GET /m/items/{id}", Rule.PUBLIC, "/m/items/1", null);
        rule("WS /ws/screen", Rule.PUBLIC, "/ws/screen", null); // screens prove who they are with their secret
    }

    private static final Set<String> ONLY_WITH_BENCH = Set.of("POST /api/bench/broadcast");

    @Test
    void everyRouteOfTheRunningServerHasARule() {
        List<String> routes = server.app.routeList();
        System.out.println("RouteAccessTest: the server has " + routes.size() + " routes");
        assertThat(routes).as("the router was read").contains("GET /api/items", "WS /ws/screen");
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(RULES.keySet());
        assertThat(missing).as("routes without an access rule in RouteAccessTest.RULES: add one").isEmpty();
        Set<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(routes);
        stale.removeAll(ONLY_WITH_BENCH);
        assertThat(stale).as("rules for routes the server no longer has").isEmpty();
    }

    @Test
    void everyRuleHoldsForEveryRole() {
        Map<Caller, Http> callers = new LinkedHashMap<>();
        callers.put(Caller.NOBODY, server.anonymous());
        callers.put(Caller.VIEWER, server.user("acc-viewer", "viewer", null));
        callers.put(Caller.EDITOR, server.user("acc-editor", "editor", "hrss"));
        callers.put(Caller.DISCLOSURE, server.user("acc-disclosure", "disclosure", null));
        callers.put(Caller.REVIEWER, server.user("acc-reviewer", "reviewer", null));
        callers.put(Caller.ADMIN, admin);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (String route : server.app.routeList()) {
            Case c = RULES.get(route);
            if (c == null || route.startsWith("WS ")) continue;
            String method = route.substring(0, route.indexOf(' '));
            for (var caller : callers.entrySet()) {
                boolean allowed = c.rule().allowed.contains(caller.getKey());
                if (allowed && (c.denyOnly() || caller.getKey() != Caller.NOBODY && c.rule() == Rule.PUBLIC)) continue;
                Http.Response r = caller.getValue().method(method, c.path(), c.body() == null ? "" : c.body());
                calls++;
                int expected = caller.getKey() == Caller.NOBODY ? 401 : 403;
                String who = caller.getKey().name().toLowerCase();
                if (r.status() >= 500) failures.add(route + " as " + who + ": " + r.status() + " " + r.body());
                else if (!allowed && r.status() != expected) failures.add(route + " as " + who + ": expected " + expected + ", got " + r.status() + " " + r.body());
                else if (allowed && (r.status() == 401 || r.status() == 403)) failures.add(route + " as " + who + ": refused " + r.status() + " " + r.body());
            }
        }
        System.out.println("RouteAccessTest: " + calls + " calls");
        assertThat(failures).isEmpty();
        try (ScreenClient screen = new ScreenClient(server.wsUrl())) {
            screen.send("{\"type\":\"ping\"}");
            screen.await("pong", 5000);
        }
    }
}
