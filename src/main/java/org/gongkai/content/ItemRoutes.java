package org.gongkai.content;

import io.javalin.http.Context;
import org.gongkai.accounts.Staff;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** /api/items: public reads of published content; staff drafts, review and withdrawal. */
public final class ItemRoutes {
    private final ItemService service;
    private final ReviewService review;
    private final ReviewStore reviews;
    private final ItemViews views;
    private final Clock clock;

    public ItemRoutes(ItemService service, ReviewService review, ReviewStore reviews, ItemViews views, Clock clock) {
        this.service = service;
        this.review = review;
        this.reviews = reviews;
        this.views = views;
        this.clock = clock;
    }

    public void list(Context ctx) {
        Optional<Staff> staff = Requests.staff(ctx);
        ItemStatus status = enumQuery(ctx, "status", ItemStatus::parse);
        if (staff.isEmpty() && status != null && status != ItemStatus.PUBLISHED) {
            throw ApiException.unauthorized();
        }
        boolean publicReader = staff.isEmpty();
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int size = Requests.intQuery(ctx, "size", 20, 1, 100);
        String draftsOnlyOf = staff.filter(ItemAccess::departmentBound).map(Staff::department).orElse(null);
        ItemStore.Filter filter = new ItemStore.Filter(enumQuery(ctx, "kind", ItemKind::parse),
                Requests.query(ctx, "category", 64), Requests.query(ctx, "department", 64),
                publicReader ? ItemStatus.PUBLISHED : status, Requests.query(ctx, "q", 100),
                Requests.query(ctx, "lifeEvent", 64), Requests.query(ctx, "enterpriseStage", 64),
                publicReader || "true".equals(ctx.queryParam("current")), OffsetDateTime.now(clock), page, size,
                draftsOnlyOf);
        ItemStore.Page result = service.list(filter);
        ctx.json(Map.of("items", staff.isPresent() ? views.forStaff(result.items(), staff.get())
                : views.of(result.items(), false), "page", page, "size", size, "total", result.total()));
    }

    public void get(Context ctx) {
        Optional<Staff> staff = Requests.staff(ctx);
        Item item = service.get(Requests.longPath(ctx, "id"), staff);
        ctx.json(staff.isPresent() ? views.forStaff(item, staff.get()) : views.of(item, false));
    }

    public void history(Context ctx) {
        Staff staff = Requests.caller(ctx);
        ctx.json(HistoryView.of(service.history(Requests.longPath(ctx, "id"), staff)));
    }

    /** GET /api/reviews: what waits for a reviewer, oldest first, with the change under review (editors: their own). */
    public void queue(Context ctx) {
        Staff staff = Requests.caller(ctx);
        List<Long> order = reviews.submitted();
        Map<Long, Item> byId = service.findAll(order).stream()
                .filter(item -> ItemAccess.mayReadDrafts(staff, item.department()))
                .collect(java.util.stream.Collectors.toMap(Item::id, item -> item));
        ctx.json(views.forStaff(order.stream().distinct().filter(byId::containsKey).map(byId::get).toList(), staff));
    }

    public void create(Context ctx) {
        Staff staff = Requests.caller(ctx);
        Item item = service.create(Requests.body(ctx, ItemInput.class), staff);
        ctx.status(201).header("Location", "/api/items/" + item.id()).json(views.forStaff(item, staff));
    }

    public void update(Context ctx) {
        Staff staff = Requests.caller(ctx);
        Item item = service.update(Requests.longPath(ctx, "id"), Requests.body(ctx, ItemInput.class), staff);
        ctx.json(views.forStaff(item, staff));
    }

    /** POST /api/items/preview[?id=N]: the item as screens would show it, not saved; errors as a save gives them. */
    public void preview(Context ctx) {
        Staff staff = Requests.caller(ctx);
        Long existing = ctx.queryParam("id") == null ? null : (long) Requests.intQuery(ctx, "id", 0, 1, Integer.MAX_VALUE);
        ctx.json(views.of(service.preview(Requests.body(ctx, ItemInput.class), existing, staff), true));
    }

    public void submit(Context ctx) {
        Staff staff = Requests.caller(ctx);
        ctx.json(views.forStaff(review.submit(Requests.longPath(ctx, "id"), staff), staff));
    }

    record ApproveRequest(Integer version) {}

    public void approve(Context ctx) {
        Staff staff = Requests.caller(ctx);
        ApproveRequest body = Requests.optionalBody(ctx, ApproveRequest.class);
        Integer expected = body == null ? null : body.version();
        ctx.json(views.forStaff(review.approve(Requests.longPath(ctx, "id"), expected, staff), staff));
    }

    record ReturnRequest(String reason) {}

    public void returnToAuthor(Context ctx) {
        Staff staff = Requests.caller(ctx);
        String reason = Requests.body(ctx, ReturnRequest.class).reason();
        Requests.require(reason != null && !reason.isBlank() && reason.length() <= 2000, "reason",
                "is required: tell the author what to change (at most 2000 characters)");
        ctx.json(views.forStaff(review.returnToAuthor(Requests.longPath(ctx, "id"), reason.strip(), staff), staff));
    }

    public void withdraw(Context ctx) {
        Staff staff = Requests.caller(ctx);
        ctx.json(views.forStaff(review.withdraw(Requests.longPath(ctx, "id"), staff, false), staff));
    }

    public void clear(Context ctx) {
        Staff staff = Requests.caller(ctx);
        ctx.json(views.forStaff(review.withdraw(Requests.longPath(ctx, "id"), staff, true), staff));
    }

    public void delete(Context ctx) {
        Staff staff = Requests.caller(ctx);
        service.delete(Requests.longPath(ctx, "id"), staff);
        ctx.status(204);
    }
    private static <T> T enumQuery(Context ctx, String name, java.util.function.Function<String, T> parse) {
        String raw = Requests.query(ctx, name, 32);
        if (raw == null) return null;
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, "query parameter " + name + " " + e.getMessage());
        }
    }
}
