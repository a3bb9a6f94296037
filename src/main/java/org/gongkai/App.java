package org.gongkai;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.gongkai.accounts.AccountService;
import org.gongkai.accounts.AccountStore;
import org.gongkai.accounts.AuthRoutes;
import org.gongkai.accounts.LoginThrottle;
import org.gongkai.accounts.UserRoutes;
import org.gongkai.applications.ApplicationRoutes;
import org.gongkai.applications.ApplicationService;
import org.gongkai.applications.ApplicationStore;
import org.gongkai.applications.WorkCalendar;
import org.gongkai.audit.AuditLog;
import org.gongkai.audit.AuditRoutes;
import org.gongkai.backup.BackupRoutes;
import org.gongkai.catalogue.Catalogue;
import org.gongkai.catalogue.CatalogueLoader;
import org.gongkai.config.Config;
import org.gongkai.content.ItemRoutes;
import org.gongkai.content.ItemService;
import org.gongkai.content.ReviewService;
import org.gongkai.content.ReviewStore;
import org.gongkai.content.ItemStore;
import org.gongkai.content.ItemValidator;
import org.gongkai.content.ItemViews;
import org.gongkai.db.Database;
import org.gongkai.demo.DemoLoader;
import org.gongkai.departments.DepartmentRoutes;
import org.gongkai.departments.DepartmentStore;
import org.gongkai.limits.Limiter;
import org.gongkai.limits.MemoryLimiter;
import org.gongkai.plays.PlayRoutes;
import org.gongkai.plays.PlayService;
import org.gongkai.plays.PlayStore;
import org.gongkai.push.ChangeFeed;
import org.gongkai.push.LocalChangeFeed;
import org.gongkai.push.PushHub;
import org.gongkai.qr.ItemLinkRoutes;
import org.gongkai.qr.ShortLinkRoutes;
import org.gongkai.qr.ShortLinks;
import org.gongkai.ratings.RatingRoutes;
import org.gongkai.ratings.RatingStore;
import org.gongkai.screens.PendingScreens;
import org.gongkai.screens.ScreenRoutes;
import org.gongkai.screens.ScreenService;
import org.gongkai.screens.ScreenStore;
import org.gongkai.search.SearchRoutes;
import org.gongkai.search.SearchService;
import org.gongkai.search.SynonymsLoader;
import org.gongkai.web.ErrorHandlers;
import org.gongkai.web.Health;
import org.gongkai.web.Json;
import org.gongkai.web.Pages;
import org.gongkai.web.Requests;
import org.gongkai.web.WebSecurity;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Gongkai, built from its configuration and a DataSource. Tests build one on port 0 with an in-memory H2. */
public final class App {
    public record Options(String adminPassword, boolean loadDemo) {}

    private final Config config;
    private final Options options;
    private final DataSource dataSource;
    private final Clock clock;
    private final Catalogue catalogue;
    private final AccountService accounts;
    private final DepartmentStore departments;
    private final ScreenStore screenStore;
    private final PendingScreens pendingScreens;
    private final ScreenService screens;
    private final ItemStore itemStore;
    private final ItemService items;
    private final ReviewStore reviewStore;
    private final ReviewService review;
    private final ItemViews itemViews;
    private final ShortLinks shortLinks;
    private final PlayService plays;
    private final SearchService search;
    private final RatingStore ratingStore;
    private final WorkCalendar calendar;
    private final ApplicationService applications;
    private final AuditLog audit;
    private final LoginThrottle loginThrottle;
    private final Limiter limiter;
    private final PushHub hub;
    private Javalin server;

    public App(Config config, DataSource dataSource, Options options) {
        this(config, dataSource, options, Clock.systemUTC());
    }

    /** @param clock what "now" is for everything the server decides by time; tests pass a clock set to a chosen day */
    public App(Config config, DataSource dataSource, Options options, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.options = options;
        this.dataSource = dataSource;
        Database.migrate(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource);
        ChangeFeed feed = new LocalChangeFeed();
        catalogue = CatalogueLoader.load(config);
        accounts = new AccountService(new AccountStore(jdbi, clock), Duration.ofHours(config.security().sessionHours()), clock);
        departments = new DepartmentStore(jdbi, clock);
        screenStore = new ScreenStore(jdbi, Duration.ofSeconds(config.screens().offlineAfterSeconds()), clock);
        pendingScreens = new PendingScreens(screenStore, clock, config.screens().maxPending(),
                Duration.ofHours(config.screens().forgetPendingAfterHours()));
        screens = new ScreenService(screenStore, feed, clock, pendingScreens);
        itemStore = new ItemStore(jdbi);
        reviewStore = new ReviewStore(jdbi);
        items = new ItemService(itemStore, reviewStore, new ItemValidator(catalogue, departments::exists,
                screenStore::groupExists, itemStore::isPolicy), feed, clock, config.security().alertSecondApprover());
        review = new ReviewService(itemStore, reviewStore, feed, clock);
        shortLinks = new ShortLinks(config.server().publicBaseUrl());
        itemViews = new ItemViews(itemStore, departments, shortLinks, reviewStore);
        plays = new PlayService(new PlayStore(jdbi), clock);
        search = new SearchService(itemStore, feed, clock, SynonymsLoader.load(config));
        ratingStore = new RatingStore(jdbi);
        audit = new AuditLog(jdbi, clock, java.nio.file.Path.of(config.data().dir()).resolve("audit-anchor.json"));
        loginThrottle = new LoginThrottle(clock);
        limiter = new MemoryLimiter(clock);
        calendar = WorkCalendar.load(config);
        applications = new ApplicationService(new ApplicationStore(jdbi), calendar, clock,
                config.display().zone(), limiter, departments::exists);
        hub = new PushHub(itemStore, itemViews, screenStore, screens, plays, feed, new PushHub.Settings(
                config.display().zone(), Duration.ofDays(config.display().horizonDays()),
                config.display().defaultDurationSeconds(), config.server().publicBaseUrl(),
                config.push().maxQueuedMessages(), config.push().maxMissedChanges(), config.server().trustProxy()), clock);
    }

    public App start() {
        audit.open(config.display().zone());
        accounts.ensureAdmin(options.adminPassword(), config.server().production());
        if (options.loadDemo()) {
            new DemoLoader(config, departments, screenStore, items, clock).loadIfEmpty();
        }
        org.gongkai.content.AlertPolicyRoutes.check(config, departments);
        hub.start();
        pendingScreens.start();
        search.start();
        server = Javalin.create(this::configure);
        server.start(config.server().host(), config.server().port());
        return this;
    }

    private void configure(JavalinConfig c) {
        c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        c.startup.showJavalinBanner = false;
        c.http.maxRequestSize = config.server().maxBodyBytes();
        c.http.prefer405over404 = true;
        c.staticFiles.add(files -> {
            files.hostedPath = "/kiosk";
            files.directory = "/kiosk-web";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "no-cache");
        });
        if (config.server().trustProxy()) {
            c.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new org.eclipse.jetty.server.ForwardedRequestCustomizer()));
        }
        c.jetty.modifyWebSocketServletFactory(ws -> {
            ws.setIdleTimeout(Duration.ofSeconds(90));
            ws.setMaxTextMessageSize(256 * 1024);
            // Browsers offer permessage-deflate; with 10,000 screens its per-socket compressor (hundreds of KB of
            // native memory each) and per-send compression cost more than the bytes it saves on our small messages.
            ws.getAvailableExtensionNames().removeIf(name -> name.contains("deflate"));
        });
        routes(c);
    }

    /** Every route, in one place. Writes under /api are protected by WebSecurity unless listed as public there. */
    private void routes(JavalinConfig c) {
        WebSecurity security = new WebSecurity(accounts, config.server().maxBodyBytes());
        AuthRoutes auth = new AuthRoutes(accounts, config.server().production(), loginThrottle, clock);
        ItemRoutes itemRoutes = new ItemRoutes(items, review, reviewStore, itemViews, clock);
        DepartmentRoutes departmentRoutes = new DepartmentRoutes(departments);
        ScreenRoutes screenRoutes = new ScreenRoutes(screenStore, screens, itemStore, config.display().zone(),
                Duration.ofDays(config.display().horizonDays()), config.display().defaultDurationSeconds(), clock);
        ShortLinkRoutes links = new ShortLinkRoutes(itemStore, shortLinks, clock, departments,
                new org.gongkai.qr.LinkGonePage(config.office()));
        Pages pages = new Pages(config.display().zone());
        var r = c.routes;

        r.before(security::headers);
        r.before("/api/*", security::authenticate);
        AuditRoutes auditRoutes = new AuditRoutes(audit, clock);
        r.after("/api/*", auditRoutes::record);
        r.after("/api/*", Requests::drainBody);
        r.get("/api/audit", auditRoutes::list);
        r.get("/api/audit/verify", auditRoutes::verify);
        ErrorHandlers.register(r);

        r.get("/health", new Health(dataSource, hub::health)::handle);
        r.post("/api/login", auth::login);
        r.post("/api/logout", auth::logout);
        r.get("/api/me", auth::me);
        r.post("/api/tokens", auth::createToken);
        UserRoutes users = new UserRoutes(accounts, departments::exists);
        r.get("/api/users", users::list);
        r.post("/api/users", users::create);
        r.put("/api/users/{id}", users::update);
        r.post("/api/users/{id}/password", users::resetPassword);
        r.post("/api/me/password", users::changeOwnPassword);

        r.get("/api/items", itemRoutes::list);
        r.post("/api/items", itemRoutes::create);
        r.get("/api/items/{id}", itemRoutes::get);
        r.put("/api/items/{id}", itemRoutes::update);
        r.delete("/api/items/{id}", itemRoutes::delete);
        r.post("/api/items/preview", itemRoutes::preview);
        r.post("/api/items/{id}/submit", itemRoutes::submit);
        r.post("/api/items/{id}/approve", itemRoutes::approve);
        r.post("/api/items/{id}/return", itemRoutes::returnToAuthor);
        r.post("/api/items/{id}/withdraw", itemRoutes::withdraw);
        r.post("/api/items/{id}/clear", itemRoutes::clear);
        r.get("/api/reviews", itemRoutes::queue);
        r.get("/api/alerts/policy", new org.gongkai.content.AlertPolicyRoutes(items, departments, config)::policy);
        RatingRoutes ratings = new RatingRoutes(ratingStore, itemStore, screenStore, clock, limiter);
        r.get("/api/ratings/options", ratings::options);
        r.post("/api/ratings", ratings::rate);
        r.get("/api/ratings/summary", ratings::summary);
        ApplicationRoutes applicationRoutes = new ApplicationRoutes(applications, id -> screenStore.find(id).isPresent());
        r.get("/api/applications/lookup", applicationRoutes::lookup);
        r.get("/api/applications", applicationRoutes::list);
        r.post("/api/applications", applicationRoutes::create);
        r.get("/api/applications/{number}", applicationRoutes::get);
        r.get("/api/work-calendar", new org.gongkai.applications.CalendarRoutes(calendar, WorkCalendar.directory(config),
                clock, config.display().zone())::calendar);
        r.post("/api/applications/{number}/status", applicationRoutes::move);
        r.put("/api/applications/{number}/department", applicationRoutes::route);
        r.get("/api/search", new SearchRoutes(search, itemStore, itemViews)::search);
        r.get("/api/items/{id}/history", itemRoutes::history);

        r.get("/api/categories", ctx -> ctx.json(catalogue));
        r.get("/api/departments", departmentRoutes::list);
        r.post("/api/departments", departmentRoutes::create);
        r.put("/api/departments/{code}", departmentRoutes::update);
        r.get("/api/reports/freshness", new org.gongkai.reports.FreshnessRoutes(
                new org.gongkai.reports.FreshnessStore(itemStore.jdbi()), config.display().zone(), clock)::report);

        r.post("/api/admin/backup", new BackupRoutes(dataSource, java.nio.file.Path.of(config.data().dir()),
                config.database().embedded())::backup);

        r.get("/api/screen-groups", screenRoutes::groups);
        r.post("/api/screen-groups", screenRoutes::createGroup);
        r.put("/api/screen-groups/{code}", screenRoutes::updateGroup);
        r.get("/api/screen-groups/{code}/timeline", new org.gongkai.screens.TimelineRoutes(screenStore, itemStore,
                config.display().zone(), config.display().defaultDurationSeconds(), clock)::timeline);
        r.get("/api/screens", screenRoutes::list);
        r.post("/api/screens/pair", screenRoutes::pair);
        r.get("/api/screens/{id}", screenRoutes::get);
        r.put("/api/screens/{id}", screenRoutes::update);
        r.get("/api/screens/{id}/playlist", screenRoutes::playlist);
        r.get("/api/screens/{id}/plays", new PlayRoutes(plays, screenStore)::list);

        r.ws("/ws/screen", hub::configure);
        if (config.bench().enabled()) {
            r.post("/api/bench/broadcast", ctx -> {
                org.gongkai.web.Requests.requireAdmin(ctx);
                ctx.json(Map.of("sent", hub.broadcastRaw(ctx.body())));
            });
        }

        r.get("/s/{code}", links::redirect);
        r.get("/S/{code}", links::redirect);
        r.get("/qr/{file}", ctx -> {
            if (ctx.pathParam("file").endsWith(".svg")) links.svg(ctx); else links.png(ctx);
        });
        ItemLinkRoutes itemLinks = new ItemLinkRoutes(itemStore, shortLinks, clock);
        r.get("/api/items/{id}/links", itemLinks::list);
        r.get("/s/{code}/{key}", itemLinks::redirect);
        r.get("/S/{code}/{key}", itemLinks::redirect);
        r.get("/qr/{code}/{file}", itemLinks::qr);

        r.get("/", ctx -> ctx.redirect("/admin"));
        r.get("/favicon.ico", ctx -> ctx.status(204)); // kiosks ask for it; an empty answer keeps their consoles clean
        page(r, "/plaza", pages.page("plaza/index.html"));
        page(r, "/plaza-sw.js", pages.script("plaza/sw.js"));
        page(r, "/touch", pages.page("touch/index.html"));
        page(r, "/admin", pages.page("admin/index.html"));
        page(r, "/m/items/{id}", pages.itemPage("m/item.html"));
    }

    /**
     * A page answers GET and HEAD with the same handler, so that HEAD gets GET's headers (Content-Type,
     * Content-Length) and Jetty leaves out the body; without its own route Javalin answers HEAD with an empty
     * 200 text/plain.
     */
    private static void page(io.javalin.config.RoutesConfig r, String path, io.javalin.http.Handler handler) {
        r.get(path, handler);
        r.head(path, handler);
    }

    public int port() {
        return server.port();
    }

    /**
     * Every route the running server answers, as "GET /api/items/{id}" (HTTP endpoints; before/after filters left out)
     * and "WS /ws/screen", read from Javalin's own router so that a test can insist each one has an access rule.
     */
    public java.util.List<String> routeList() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var parsed : server.unsafe.internalRouter.allHttpHandlers()) {
            if (parsed.endpoint.method.isHttpMethod()) out.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
        }
        for (var ws : server.unsafe.internalRouter.allWsHandlers()) {
            if (ws.getType() == io.javalin.websocket.WsHandlerType.WEBSOCKET) out.add("WS " + ws.getPath());
        }
        return out;
    }

    public Config config() {
        return config;
    }

    public void stop() {
        if (server != null) server.stop();
        hub.close();
        pendingScreens.close();
        search.close();
        audit.close();
    }
}
