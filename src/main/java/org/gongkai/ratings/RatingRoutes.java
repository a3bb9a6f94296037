package org.gongkai.ratings;

import io.javalin.http.Context;
import org.gongkai.content.Item;
import org.gongkai.content.ItemStore;
import org.gongkai.limits.Limiter;
import org.gongkai.screens.ScreenStore;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;
import org.gongkai.web.TooManyRequests;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * POST /api/ratings (public: citizens at a touchscreen), GET /api/ratings/options (public),
 * GET /api/ratings/summary (staff).
 */
public final class RatingRoutes {
    record RatingRequest(Integer level, List<String> reasons, String context, Long itemId, String screenId, String sessionId) {}

    /** One rating of an item (or of the visit) per kiosk session: a touchscreen starts a new session at each reset. */
    static final Limiter.Rule PER_SESSION = new Limiter.Rule("rating-session", 1, Duration.ofHours(12));
    /** Ratings of one item from one address in an hour: a kiosk serves perhaps a dozen people an hour. */
    static final Limiter.Rule PER_ADDRESS_ITEM = new Limiter.Rule("rating-address-item", 5, Duration.ofHours(1));
    /** Ratings of a whole visit from one address in an hour: one at the end of each visit to a busy kiosk. */
    static final Limiter.Rule PER_ADDRESS_VISIT = new Limiter.Rule("rating-address-visit", 30, Duration.ofHours(1));

    private final RatingStore store;
    private final ItemStore items;
    private final ScreenStore screens;
    private final Clock clock;
    private final Limiter limiter;

    public RatingRoutes(RatingStore store, ItemStore items, ScreenStore screens, Clock clock, Limiter limiter) {
        this.store = store;
        this.items = items;
        this.screens = screens;
        this.clock = clock;
        this.limiter = limiter;
    }

    public void options(Context ctx) {
        ctx.json(Map.of("levels", Ratings.LEVELS, "reasons", Ratings.REASONS));
    }

    public void rate(Context ctx) {
        Requests.requireJson(ctx, "rating");
        RatingRequest r = Requests.body(ctx, RatingRequest.class);
        Requests.require(r.level() != null && r.level() >= 1 && r.level() <= 5, "level", "must be from 1 (非常不满意) to 5 (非常满意)");
        List<String> reasons = r.reasons() == null ? List.of() : r.reasons();
        Requests.require(reasons.size() <= Ratings.REASONS.size(), "reasons", "has more entries than there are reasons");
        for (int i = 0; i < reasons.size(); i++) {
            Requests.require(reasons.get(i) != null && Ratings.isReason(reasons.get(i)), "reasons[" + i + "]",
                    "is not a reason (see GET /api/ratings/options)");
        }
        String context = r.context() == null ? (r.itemId() == null ? "session" : "item") : r.context();
        Requests.require(context.equals("item") || context.equals("session"), "context", "must be item or session");
        Requests.require(!context.equals("item") || r.itemId() != null, "itemId", "is required to rate an item");
        if (r.itemId() != null) {
            Item item = items.find(r.itemId()).orElse(null);
            Requests.require(item != null && item.publicAt(clock.instant()), "itemId", "is not an item the public can read");
        }
        if (r.screenId() != null) {
            Requests.require(r.screenId().length() <= 40 && screens.find(r.screenId()).isPresent(), "screenId", "is not a known screen");
        }
        Requests.require(r.sessionId() == null || r.sessionId().matches("[A-Za-z0-9_-]{8,64}"), "sessionId",
                "must be 8-64 letters, digits, _ or - (a touchscreen's visit)");
        String subject = context.equals("item") ? "item " + r.itemId() : "visit";
        countOnce(ctx.ip(), r.sessionId(), subject, context.equals("item"));
        long id = store.insert(r.level(), reasons.stream().distinct().toList(), context, r.itemId(), r.screenId(),
                OffsetDateTime.now(clock));
        ctx.status(201).json(Map.of("id", id, "thanks", "感谢您的评价"));
    }

    /**
     * Takes the rating's slots, the address's first (so that made-up session ids do not grow the count), or refuses
     * with a 429 that names why: the item's hourly limit for the address, or the visit's one rating.
     */
    private void countOnce(String address, String sessionId, String subject, boolean item) {
        Limiter.Rule byAddress = item ? PER_ADDRESS_ITEM : PER_ADDRESS_VISIT;
        long wait = limiter.acquire(byAddress, address + " " + subject);
        if (wait > 0) {
            throw TooManyRequests.retryLater(wait, item
                    ? "this item has had " + PER_ADDRESS_ITEM.max() + " ratings from this address in the last hour, the most that count"
                    : "this address has rated " + PER_ADDRESS_VISIT.max() + " visits in the last hour, the most that count",
                    item ? "itemId" : "context");
        }
        if (sessionId == null) return;
        wait = limiter.acquire(PER_SESSION, sessionId + " " + subject);
        if (wait > 0) {
            limiter.release(byAddress, address + " " + subject);
            throw new TooManyRequests(wait, (item ? "this item" : "this visit") + " was already rated in this session "
                    + "(one rating each per visit); the first rating is the one recorded", "sessionId");
        }
    }

    public void summary(Context ctx) {
        String item = ctx.queryParam("itemId");
        Long itemId = null;
        if (item != null && !item.isBlank()) {
            try {
                itemId = Long.parseLong(item.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("itemId", "itemId must be a number");
            }
        }
        OffsetDateTime from = Requests.dateTimeQuery(ctx, "from", OffsetDateTime.now(clock).minusDays(30));
        ctx.json(store.summary(itemId, from));
    }
}
