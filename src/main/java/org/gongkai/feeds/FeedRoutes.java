package org.gongkai.feeds;

import io.javalin.http.Context;
import org.gongkai.audit.AuditLog;
import org.gongkai.config.Config;
import org.gongkai.content.ItemService;
import org.gongkai.intake.FetchException;
import org.gongkai.intake.Fetcher;
import org.gongkai.web.Requests;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** /api/feeds: admins configure portal feeds, see their state and log, and fetch one now. */
public final class FeedRoutes {
    private static final Set<String> JSON_FIELDS = Set.of("items", "id", "title", "link", "date", "summary");
    private final FeedService feeds;
    private final Predicate<String> departmentExists;
    private final Predicate<String> groupExists;
    private final org.gongkai.catalogue.Catalogue catalogue;

    public FeedRoutes(FeedService feeds, Predicate<String> departmentExists, Predicate<String> groupExists,
                      org.gongkai.catalogue.Catalogue catalogue) {
        this.feeds = feeds;
        this.departmentExists = departmentExists;
        this.groupExists = groupExists;
        this.catalogue = catalogue;
    }

    /** The feeds feature as App builds it: its service (started and stopped with the App) and routes. */
    public static FeedService service(Jdbi jdbi, ItemService items, AuditLog audit, Config config, Clock clock) {
        FeedStore store = new FeedStore(jdbi);
        return new FeedService(store, new FeedImport(store, items, audit), new Fetcher(config.intake()), clock,
                config.display().zone(), Duration.ofSeconds(config.intake().feedCheckSeconds()));
    }

    public void list(Context ctx) {
        ctx.json(feeds.list());
    }

    public void create(Context ctx) {
        ctx.status(201).json(feeds.create(check(Requests.body(ctx, FeedInput.class))));
    }

    public void update(Context ctx) {
        ctx.json(feeds.update(Requests.longPath(ctx, "id"), check(Requests.body(ctx, FeedInput.class))));
    }

    public void delete(Context ctx) {
        feeds.delete(Requests.longPath(ctx, "id"));
        ctx.status(204);
    }

    public void fetch(Context ctx) {
        ctx.json(feeds.fetch(Requests.longPath(ctx, "id")));
    }

    public void log(Context ctx) {
        ctx.json(feeds.log(Requests.longPath(ctx, "id")));
    }

    /** Validates a feed and fills in the defaults: RSS/Atom, every 10 minutes, notices, for review, all groups. */
    private FeedInput check(FeedInput in) {
        String name = in.name() == null ? "" : in.name().strip();
        Requests.require(!name.isEmpty() && name.length() <= 200, "name", "is required (at most 200 characters)");
        Requests.require(in.url() != null && in.url().length() <= 2000, "url", "is required (at most 2000 characters)");
        try {
            Fetcher.checkedUri(in.url());
        } catch (FetchException e) {
            Requests.require(false, "url", e.getMessage());
        }
        String format = in.format() == null ? "rss" : in.format();
        Requests.require(format.equals("rss") || format.equals("json"), "format", "must be rss (RSS 2.0 or Atom 1.0) or json");
        Map<String, String> fields = in.jsonFields() == null ? Map.of() : in.jsonFields();
        Requests.require(fields.keySet().stream().allMatch(JSON_FIELDS::contains), "jsonFields",
                "may name only " + String.join(", ", new java.util.TreeSet<>(JSON_FIELDS)));
        Requests.require(fields.values().stream().allMatch(v -> v != null && !v.isBlank() && v.length() <= 100), "jsonFields",
                "each field name must be 1-100 characters");
        Requests.require(!format.equals("json") || (fields.containsKey("title") && fields.containsKey("link")), "jsonFields",
                "a json feed must name at least its title and link fields, e.g. {\"title\":\"bt\",\"link\":\"url\"}");
        int interval = in.intervalSeconds() == null ? 600 : in.intervalSeconds();
        Requests.require(interval >= 60 && interval <= 86_400, "intervalSeconds", "must be from 60 (a minute) to 86400 (a day)");
        Requests.require(in.department() != null && departmentExists.test(in.department()), "department",
                "must be the code of an existing department");
        String kind = in.kind() == null ? "notice" : in.kind();
        Requests.require(kind.equals("notice"), "kind", "must be notice: a feed carries a title, a summary and a "
                + "link, not the fields a guide, policy, interpretation or alert needs");
        Requests.require(in.category() != null && catalogue.category(in.category()).isPresent(), "category",
                "is required: a category code of the catalogue (GET /api/categories)");
        List<String> groups = in.targetGroups() == null ? List.of() : in.targetGroups();
        for (String g : groups) Requests.require(g != null && groupExists.test(g), "targetGroups", "names no screen group: " + g);
        return new FeedInput(name, in.url().strip(), format, fields, interval, in.department(), kind,
                in.category(), groups,
                in.trusted() != null && in.trusted());
    }
}
