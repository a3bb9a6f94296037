package org.gongkai.usage;

import io.javalin.http.Context;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStore;
import org.gongkai.content.ItemViews;
import org.gongkai.screens.ScreenStore;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * POST /api/usage/views (public: a touchscreen says an item was opened on it) and GET /api/usage/popular (public:
 * the items most opened at a screen in the last 90 days, for its attract loop).
 */
public final class UsageRoutes {
    static final int POPULAR_DAYS = 90;

    record ViewRequest(Long itemId, String screenId) {}

    private final ViewCounter counter;
    private final ViewStore store;
    private final ItemStore items;
    private final ItemViews views;
    private final ScreenStore screens;
    private final Clock clock;
    private final ZoneId zone;

    public UsageRoutes(ViewCounter counter, ViewStore store, ItemStore items, ItemViews views, ScreenStore screens,
                       Clock clock, ZoneId zone) {
        this.counter = counter;
        this.store = store;
        this.items = items;
        this.views = views;
        this.screens = screens;
        this.clock = clock;
        this.zone = zone;
    }

    public void view(Context ctx) {
        Requests.requireJson(ctx, "view");
        ViewRequest r = Requests.body(ctx, ViewRequest.class);
        Requests.require(r.itemId() != null, "itemId", "is required");
        Item item = items.find(r.itemId()).orElse(null);
        Requests.require(item != null && item.publicAt(clock.instant()), "itemId", "is not an item the public can read");
        counter.viewed(item.id(), knownScreen(r.screenId(), "screenId"));
        ctx.status(204);
    }

    public void popular(Context ctx) {
        String screen = knownScreen(Requests.query(ctx, "screen", 40), "screen");
        ItemKind kind = kind(Requests.query(ctx, "kind", 32));
        int limit = Requests.intQuery(ctx, "limit", 3, 1, 10);
        List<Long> order = store.mostViewed(screen, LocalDate.now(clock.withZone(zone)).minusDays(POPULAR_DAYS));
        Map<Long, Item> byId = items.findAll(order).stream()
                .collect(java.util.stream.Collectors.toMap(Item::id, i -> i));
        List<Item> found = order.stream().map(byId::get)
                .filter(i -> i != null && i.publicAt(clock.instant()) && (kind == null || i.kind() == kind))
                .limit(limit).toList();
        ctx.json(Map.of("screen", screen, "days", POPULAR_DAYS, "items", views.of(found, false)));
    }

    private String knownScreen(String id, String field) {
        Requests.require(id != null && !id.isBlank(), field, "is required (the id of a paired screen)");
        Requests.require(id.length() <= 40 && screens.find(id).isPresent(), field, "is not a known screen");
        return id;
    }

    private static ItemKind kind(String code) {
        if (code == null) return null;
        try {
            return ItemKind.parse(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "query parameter kind " + e.getMessage());
        }
    }
}
