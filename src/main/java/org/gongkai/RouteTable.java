package org.gongkai;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.gongkai.accounts.AuthRoutes;
import org.gongkai.accounts.UserRoutes;
import org.gongkai.applications.ApplicationRoutes;
import org.gongkai.applications.CalendarRoutes;
import org.gongkai.audit.AuditRoutes;
import org.gongkai.backup.BackupRoutes;
import org.gongkai.catalogue.Catalogue;
import org.gongkai.content.AlertPolicyRoutes;
import org.gongkai.content.ItemRoutes;
import org.gongkai.departments.DepartmentRoutes;
import org.gongkai.feeds.FeedRoutes;
import org.gongkai.plays.PlayRoutes;
import org.gongkai.push.PushHub;
import org.gongkai.qr.ItemLinkRoutes;
import org.gongkai.qr.ShortLinkRoutes;
import org.gongkai.ratings.RatingRoutes;
import org.gongkai.reports.FreshnessRoutes;
import org.gongkai.screens.ScreenRoutes;
import org.gongkai.screens.TimelineRoutes;
import org.gongkai.search.SearchRoutes;
import org.gongkai.warnings.CapRoutes;
import org.gongkai.web.Access;
import org.gongkai.web.ErrorHandlers;
import org.gongkai.web.Health;
import org.gongkai.web.Pages;
import org.gongkai.web.Requests;
import org.gongkai.web.WebSecurity;

import java.util.Map;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.head;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
import static io.javalin.apibuilder.ApiBuilder.ws;
import static org.gongkai.web.Access.ADMIN;
import static org.gongkai.web.Access.APPLICATIONS;
import static org.gongkai.web.Access.DISCLOSURE_OFFICE;
import static org.gongkai.web.Access.NOT_VIEWER;
import static org.gongkai.web.Access.PUBLIC;
import static org.gongkai.web.Access.REVIEWER;
import static org.gongkai.web.Access.STAFF;
import static org.gongkai.web.Access.WRITER;

/**
 * Every route Gongkai answers, each with the {@link Access} it needs: method, path, handler, access. The access is
 * checked by {@link WebSecurity#checkAccess} before the handler runs; a new route names its access here.
 */
final class RouteTable {
    /** The handlers of every feature, built before the table. {@code bench}: POST /api/bench/broadcast, or null. */
    record Handlers(WebSecurity security, AuditRoutes audit, Health health, AuthRoutes auth, UserRoutes users,
                    ItemRoutes items, AlertPolicyRoutes alertPolicy, ItemLinkRoutes itemLinks, RatingRoutes ratings,
                    ApplicationRoutes applications, CalendarRoutes calendar, SearchRoutes search, Catalogue catalogue,
                    DepartmentRoutes departments, FreshnessRoutes freshness, BackupRoutes backup, ScreenRoutes screens,
                    TimelineRoutes timeline, PlayRoutes plays, PushHub hub, Handler bench, ShortLinkRoutes links,
                    Pages pages, FeedRoutes feeds, CapRoutes cap, org.gongkai.cluster.NodeRoutes nodes,
                    org.gongkai.speech.SpeechRoutes speech, org.gongkai.usage.UsageRoutes usage,
                    org.gongkai.ime.ImeRoutes ime, org.gongkai.offline.OfflineRoutes offline,
                    org.gongkai.reports.AnnualReportRoutes annual) {}

    private RouteTable() {}

    static void add(RoutesConfig r, Handlers h) {
        r.before(h.security()::headers);
        r.before("/api/*", h.security()::authenticate);
        r.beforeMatched(h.security()::checkAccess);
        r.after("/api/*", h.audit()::record);
        r.after("/api/*", Requests::drainBody);
        ErrorHandlers.register(r);
        r.apiBuilder(() -> {
            get("/health", h.health()::handle, PUBLIC);
            path("/api", () -> {
                post("/login", h.auth()::login, PUBLIC);
                post("/logout", h.auth()::logout, PUBLIC);
                get("/me", h.auth()::me, STAFF);
                post("/me/password", h.users()::changeOwnPassword, STAFF);
                post("/tokens", h.auth()::createToken, NOT_VIEWER);
                path("/users", () -> {
                    get(h.users()::list, ADMIN);
                    post(h.users()::create, ADMIN);
                    put("/{id}", h.users()::update, ADMIN);
                    post("/{id}/password", h.users()::resetPassword, ADMIN);
                });
                path("/items", () -> {
                    get(h.items()::list, PUBLIC); // staff see drafts; nobody asks for status=draft (401 in the handler)
                    post(h.items()::create, WRITER);
                    post("/preview", h.items()::preview, WRITER);
                    get("/{id}", h.items()::get, PUBLIC);
                    put("/{id}", h.items()::update, WRITER);
                    delete("/{id}", h.items()::delete, WRITER);
                    post("/{id}/submit", h.items()::submit, WRITER);
                    post("/{id}/approve", h.items()::approve, REVIEWER);
                    post("/{id}/return", h.items()::returnToAuthor, REVIEWER);
                    post("/{id}/withdraw", h.items()::withdraw, WRITER);
                    post("/{id}/clear", h.items()::clear, WRITER);
                    get("/{id}/history", h.items()::history, STAFF);
                    get("/{id}/links", h.itemLinks()::list, PUBLIC);
                    get("/{id}/speech", h.speech()::parts, PUBLIC);
                    get("/{id}/speech/{part}", h.speech()::audio, PUBLIC);
                });
                get("/speech", h.speech()::state, PUBLIC);
                get("/reviews", h.items()::queue, STAFF);
                get("/alerts/policy", h.alertPolicy()::policy, STAFF);
                path("/cap", () -> { // warnings in: a warning system pushes with a reviewer's API token
                    post(h.cap()::receive, REVIEWER);
                    get("/messages", h.cap()::messages, STAFF);
                    post("/messages/{id}/issue", h.cap()::issue, REVIEWER);
                    get("/sources", h.cap()::sources, ADMIN);
                    post("/sources", h.cap()::createSource, ADMIN);
                    put("/sources/{id}", h.cap()::updateSource, ADMIN);
                    delete("/sources/{id}", h.cap()::deleteSource, ADMIN);
                });
                path("/usage", () -> {
                    post("/views", h.usage()::view, PUBLIC);
                    get("/popular", h.usage()::popular, PUBLIC);
                });
                path("/ratings", () -> {
                    get("/options", h.ratings()::options, PUBLIC);
                    post(h.ratings()::rate, PUBLIC);
                    get("/summary", h.ratings()::summary, STAFF);
                });
                path("/applications", () -> { // the handling department's staff: checked in ApplicationRoutes
                    get("/lookup", h.applications()::lookup, PUBLIC); // before /{number}
                    post("/submit", h.applications()::submit, PUBLIC); // a citizen's own, at a touchscreen or on a phone
                    get(h.applications()::list, APPLICATIONS);
                    post(h.applications()::create, APPLICATIONS);
                    get("/{number}", h.applications()::get, APPLICATIONS);
                    post("/{number}/status", h.applications()::move, APPLICATIONS);
                    put("/{number}/department", h.applications()::route, DISCLOSURE_OFFICE);
                });
                get("/work-calendar", h.calendar()::calendar, STAFF);
                get("/search", h.search()::search, PUBLIC);
                get("/ime", h.ime()::candidates, PUBLIC); // the touchscreen keyboard's pinyin input
                get("/offline", h.offline()::copy, PUBLIC); // what a touchscreen keeps for when the server is down
                get("/categories", ctx -> ctx.json(h.catalogue()), PUBLIC);
                path("/departments", () -> {
                    get(h.departments()::list, PUBLIC);
                    post(h.departments()::create, ADMIN);
                    put("/{code}", h.departments()::update, ADMIN);
                });
                get("/reports/freshness", h.freshness()::report, STAFF);
                get("/reports/annual", h.annual()::annual, STAFF); // counts only: no personal data
                post("/admin/backup", h.backup()::backup, ADMIN);
                get("/audit", h.audit()::list, ADMIN);
                get("/audit/verify", h.audit()::verify, ADMIN);
                path("/screen-groups", () -> {
                    get(h.screens()::groups, PUBLIC);
                    post(h.screens()::createGroup, ADMIN);
                    put("/{code}", h.screens()::updateGroup, ADMIN);
                    get("/{code}/timeline", h.timeline()::timeline, STAFF);
                });
                path("/screens", () -> {
                    get(h.screens()::list, STAFF);
                    post("/pair", h.screens()::pair, ADMIN);
                    get("/{id}", h.screens()::get, STAFF);
                    put("/{id}", h.screens()::update, ADMIN);
                    get("/{id}/playlist", h.screens()::playlist, STAFF);
                    get("/{id}/plays", h.plays()::list, STAFF);
                });
                get("/nodes", h.nodes()::list, STAFF);
                path("/feeds", () -> {
                    get(h.feeds()::list, ADMIN);
                    post(h.feeds()::create, ADMIN);
                    put("/{id}", h.feeds()::update, ADMIN);
                    delete("/{id}", h.feeds()::delete, ADMIN);
                    post("/{id}/fetch", h.feeds()::fetch, ADMIN);
                    get("/{id}/log", h.feeds()::log, ADMIN);
                });
                if (h.bench() != null) post("/bench/broadcast", h.bench(), ADMIN);
            });
            ws("/ws/screen", h.hub()::configure, PUBLIC); // screens prove who they are with their secret
            for (String prefix : new String[]{"/s", "/S"}) { // short links, typed from a poster in either case
                get(prefix + "/{code}", h.links()::redirect, PUBLIC);
                get(prefix + "/{code}/{key}", h.itemLinks()::redirect, PUBLIC);
            }
            get("/qr/{file}", ctx -> qr(h.links(), ctx), PUBLIC);
            get("/qr/{code}/{file}", h.itemLinks()::qr, PUBLIC);
            get("/", ctx -> ctx.redirect("/admin"), PUBLIC);
            get("/favicon.ico", ctx -> ctx.status(204), PUBLIC); // kiosks ask for it; an empty answer keeps their consoles clean
            page("/plaza", h.pages().page("plaza/index.html"));
            page("/plaza-sw.js", h.pages().script("plaza/sw.js"));
            page("/touch-sw.js", h.pages().script("touch/sw.js"));
            page("/touch", h.pages().page("touch/index.html"));
            page("/admin", h.pages().page("admin/index.html"));
            page("/m/items/{id}", h.pages().itemPage("m/item.html"));
            page("/m/apply", h.pages().page("m/apply.html")); // 依申请公开 on a phone
        });
    }

    private static void qr(ShortLinkRoutes links, Context ctx) {
        if (ctx.pathParam("file").endsWith(".svg")) links.svg(ctx); else links.png(ctx);
    }

    /**
     * A page answers GET and HEAD with the same handler, so that HEAD gets GET's headers (Content-Type,
     * Content-Length) and Jetty leaves out the body; without its own route Javalin answers HEAD with an empty
     * 200 text/plain.
     */
    private static void page(String path, Handler handler) {
        get(path, handler, PUBLIC);
        head(path, handler, PUBLIC);
    }

    /** A handler for POST /api/bench/broadcast (load tests): the body, sent as it is to every screen. */
    static Handler bench(PushHub hub) {
        return ctx -> ctx.json(Map.of("sent", hub.broadcastRaw(ctx.body())));
    }
}
