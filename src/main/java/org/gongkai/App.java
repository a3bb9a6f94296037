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
import org.gongkai.limits.LimitStore;
import org.gongkai.plays.PlayRoutes;
import org.gongkai.plays.PlayService;
import org.gongkai.plays.PlayStore;
import org.gongkai.cluster.Nodes;
import org.gongkai.push.DatabaseChangeFeed;
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
import org.gongkai.web.Health;
import org.gongkai.web.Json;
import org.gongkai.web.Pages;
import org.gongkai.web.WebSecurity;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Gongkai, built from its configuration and a DataSource. Tests build one on port 0 with an in-memory H2. */
public final class App {
    public record Options(String adminPassword, boolean loadDemo) {}

    /** How often counted item views are written: the attract loop's most used guides lag by at most this. */
    private static final long VIEW_FLUSH_SECONDS = 5;
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
    private final org.gongkai.search.Synonyms synonyms;
    private final ApplicationStore applicationStore;
    private final RatingStore ratingStore;
    private final org.gongkai.usage.ViewStore viewStore;
    private final org.gongkai.usage.ViewCounter viewCounter;
    private final WorkCalendar calendar;
    private final ApplicationService applications;
    private final AuditLog audit;
    private final LoginThrottle loginThrottle;
    private final Limiter limiter;
    private final PushHub hub;
    private final Nodes nodes;
    private final DatabaseChangeFeed feed;
    private final org.gongkai.feeds.FeedService feeds;
    private final org.gongkai.warnings.Warnings warnings;
    private final org.gongkai.speech.SpeechService speech;
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
        nodes = new Nodes(jdbi, Nodes.nodeId(config), clock);
        feed = new DatabaseChangeFeed(jdbi, dataSource, new DatabaseChangeFeed.Settings(nodes.id(),
                config.cluster().notifications(), Duration.ofMillis(config.cluster().pollMillis()),
                DatabaseChangeFeed.GAP_TIMEOUT));
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
        synonyms = SynonymsLoader.load(config);
        search = new SearchService(itemStore, feed, clock, synonyms);
        ratingStore = new RatingStore(jdbi);
        viewStore = new org.gongkai.usage.ViewStore(jdbi);
        viewCounter = new org.gongkai.usage.ViewCounter(viewStore, clock, config.display().zone());
        audit = new AuditLog(jdbi, clock, java.nio.file.Path.of(config.data().dir()).resolve("audit-anchor.json"), nodes.id());
        feeds = org.gongkai.feeds.FeedRoutes.service(jdbi, items, audit, config, clock);
        limiter = new Limiter(new LimitStore(jdbi), clock);
        loginThrottle = new LoginThrottle(limiter);
        calendar = WorkCalendar.load(config);
        applicationStore = new ApplicationStore(jdbi);
        applications = new ApplicationService(applicationStore, calendar, clock,
                config.display().zone(), limiter, departments::exists);
        hub = new PushHub(itemStore, itemViews, screenStore, screens, plays,
                new PushHub.Source(feed, feed::safeVersion, nodes.id()), new PushHub.Settings(
                config.display().zone(), Duration.ofDays(config.display().horizonDays()),
                config.display().defaultDurationSeconds(), config.server().publicBaseUrl(),
                config.push().maxQueuedMessages(), config.push().maxMissedChanges(), config.server().trustProxy()), clock);
        warnings = new org.gongkai.warnings.Warnings(config, jdbi, items, review, clock);
        speech = new org.gongkai.speech.SpeechService(org.gongkai.speech.SpeechEngine.find(config.speech()),
                java.nio.file.Path.of(config.data().dir()));
    }

    public App start() {
        nodes.requireUnique();
        feed.start(); // first: what commits from here on, the demo's content included, reaches the screens
        audit.open(config.display().zone());
        accounts.ensureAdmin(options.adminPassword(), config.server().production());
        if (options.loadDemo()) {
            new DemoLoader(config, departments, screenStore, items, clock).loadIfEmpty();
        }
        org.gongkai.content.AlertPolicyRoutes.check(config, departments);
        hub.start();
        feeds.start();
        pendingScreens.start();
        search.start();
        warnings.start();
        viewCounter.start(VIEW_FLUSH_SECONDS);
        server = Javalin.create(this::configure);
        server.start(config.server().host(), config.server().port());
        nodes.start(Nodes.hostName() + ":" + server.port(), hub::connectedScreens);
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

    /** Builds every route's handler, then the route table (RouteTable), where each route declares who may call it. */
    private void routes(JavalinConfig c) {
        WebSecurity security = new WebSecurity(accounts, config.server().maxBodyBytes());
        AuditRoutes auditRoutes = new AuditRoutes(audit, clock);
        Health health = new Health(dataSource, () -> {
            Map<String, Object> push = new java.util.LinkedHashMap<>(hub.health());
            push.put("cluster", feed.health());
            return push;
        });
        AuthRoutes auth = new AuthRoutes(accounts, config.server().production(), loginThrottle, clock);
        UserRoutes users = new UserRoutes(accounts, departments::exists);
        ItemRoutes itemRoutes = new ItemRoutes(items, review, reviewStore, itemViews, clock);
        var alertPolicy = new org.gongkai.content.AlertPolicyRoutes(items, departments, config);
        ItemLinkRoutes itemLinks = new ItemLinkRoutes(itemStore, shortLinks, clock);
        RatingRoutes ratings = new RatingRoutes(ratingStore, itemStore, screenStore, clock, limiter);
        ApplicationRoutes applicationRoutes = new ApplicationRoutes(applications, screenStore, screens);
        var calendarRoutes = new org.gongkai.applications.CalendarRoutes(calendar, WorkCalendar.directory(config),
                clock, config.display().zone());
        SearchRoutes searchRoutes = new SearchRoutes(search, itemStore, itemViews);
        DepartmentRoutes departmentRoutes = new DepartmentRoutes(departments);
        var freshness = new org.gongkai.reports.FreshnessRoutes(
                new org.gongkai.reports.FreshnessStore(itemStore.jdbi()), config.display().zone(), clock);
        BackupRoutes backup = new BackupRoutes(dataSource, java.nio.file.Path.of(config.data().dir()),
                config.database().embedded());
        ScreenRoutes screenRoutes = new ScreenRoutes(screenStore, screens, itemStore, config.display().zone(),
                Duration.ofDays(config.display().horizonDays()), config.display().defaultDurationSeconds(), clock);
        var timeline = new org.gongkai.screens.TimelineRoutes(screenStore, itemStore, config.display().zone(),
                config.display().defaultDurationSeconds(), clock);
        PlayRoutes playRoutes = new PlayRoutes(plays, screenStore);
        ShortLinkRoutes links = new ShortLinkRoutes(itemStore, shortLinks, clock, departments,
                new org.gongkai.qr.LinkGonePage(config.office()));
        RouteTable.add(c.routes, new RouteTable.Handlers(security, auditRoutes, health, auth, users, itemRoutes,
                alertPolicy, itemLinks, ratings, applicationRoutes, calendarRoutes, searchRoutes, catalogue,
                departmentRoutes, freshness, backup, screenRoutes, timeline, playRoutes, hub,
                config.bench().enabled() ? RouteTable.bench(hub) : null, links, new Pages(config.display().zone()),
                new org.gongkai.feeds.FeedRoutes(feeds, departments::exists, screenStore::groupExists, catalogue),
                warnings.routes(), new org.gongkai.cluster.NodeRoutes(nodes),
                new org.gongkai.speech.SpeechRoutes(speech, items),
                new org.gongkai.usage.UsageRoutes(viewCounter, viewStore, itemStore, itemViews, screenStore, clock,
                        config.display().zone()),
                new org.gongkai.ime.ImeRoutes(synonyms.words()),
                new org.gongkai.offline.OfflineRoutes(items, itemStore, itemViews, search, catalogue, clock),
                new org.gongkai.reports.AnnualReportRoutes(applicationStore, departments::exists, clock,
                        config.display().zone())));
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

    /**
     * The access each route of the running server declares in the route table, by route as routeList names it
     * ("GET /api/items" → "PUBLIC"); a route that declares none maps to "(none)".
     */
    public Map<String, String> routeRoles() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var parsed : server.unsafe.internalRouter.allHttpHandlers()) {
            if (!parsed.endpoint.method.isHttpMethod()) continue;
            var roles = parsed.endpoint.metadata(io.javalin.security.Roles.class);
            out.put(parsed.endpoint.method.name() + " " + parsed.endpoint.path, names(roles == null ? java.util.Set.of() : roles.getRoles()));
        }
        for (var ws : server.unsafe.internalRouter.allWsHandlers()) {
            if (ws.getType() == io.javalin.websocket.WsHandlerType.WEBSOCKET) out.put("WS " + ws.getPath(), names(ws.getRoles()));
        }
        return out;
    }

    private static String names(java.util.Set<io.javalin.security.RouteRole> roles) {
        return roles.isEmpty() ? "(none)" : String.join(",", roles.stream().map(Object::toString).sorted().toList());
    }

    public Config config() {
        return config;
    }

    public void stop() {
        warnings.stop(); // the pollers first: nothing new comes in while the rest stops
        feeds.close();
        if (server != null) server.stop();
        viewCounter.close(); // after the server: the last views counted are written
        nodes.close();
        feed.close();
        hub.close();
        pendingScreens.close();
        search.close();
        audit.close();
        speech.close();
    }
}
