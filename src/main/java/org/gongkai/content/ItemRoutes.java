package org.gongkai.content;

import io.javalin.http.Context;
import org.gongkai.accounts.Staff;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** /api/items: public reads of published content, staff writes. */
public final class ItemRoutes {
    private final ItemService service;
    private final ItemViews views;
    private final Clock clock;

    public ItemRoutes(ItemService service, ItemViews views, Clock clock) {
        this.service = service;
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
        ItemStore.Filter filter = new ItemStore.Filter(enumQuery(ctx, "kind", ItemKind::parse),
                Requests.query(ctx, "category", 64), Requests.query(ctx, "department", 64),
                publicReader ? ItemStatus.PUBLISHED : status, Requests.query(ctx, "q", 100),
                Requests.query(ctx, "lifeEvent", 64), Requests.query(ctx, "enterpriseStage", 64),
                publicReader || "true".equals(ctx.queryParam("current")), OffsetDateTime.now(clock), page, size);
        ItemStore.Page result = service.list(filter);
        ctx.json(Map.of("items", views.of(result.items(), !publicReader), "page", page, "size", size,
                "total", result.total()));
    }

    public void get(Context ctx) {
        Optional<Staff> staff = Requests.staff(ctx);
        Item item = service.get(Requests.longPath(ctx, "id"), staff);
        ctx.json(views.of(item, staff.isPresent()));
    }

    public void history(Context ctx) {
        Requests.requireStaff(ctx);
        ctx.json(service.history(Requests.longPath(ctx, "id")));
    }

    public void create(Context ctx) {
        Staff staff = Requests.requireWriter(ctx);
        Item item = service.create(Requests.body(ctx, ItemInput.class), staff.username());
        ctx.status(201).header("Location", "/api/items/" + item.id()).json(views.of(item, true));
    }

    public void update(Context ctx) {
        Staff staff = Requests.requireWriter(ctx);
        long id = Requests.longPath(ctx, "id");
        Item item = service.update(id, Requests.body(ctx, ItemInput.class), staff.username());
        ctx.json(views.of(item, true));
    }

    public void withdraw(Context ctx) {
        Staff staff = Requests.requireWriter(ctx);
        ctx.json(views.of(service.withdraw(Requests.longPath(ctx, "id"), staff.username()), true));
    }

    public void delete(Context ctx) {
        Requests.requireWriter(ctx);
        service.delete(Requests.longPath(ctx, "id"));
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
