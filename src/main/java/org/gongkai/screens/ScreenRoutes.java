package org.gongkai.screens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.gongkai.content.Item;
import org.gongkai.content.ItemStore;
import org.gongkai.schedule.Deliveries;
import org.gongkai.schedule.Playlists;
import org.gongkai.web.ApiException;
import org.gongkai.web.Json;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /api/screens and /api/screen-groups. Screens are staff-only; group names and settings are public. */
public final class ScreenRoutes {
    private final ScreenStore store;
    private final ScreenService service;
    private final ItemStore items;
    private final Deliveries deliveries;
    private final ZoneId zone;
    private final Duration horizon;
    private final int defaultDurationSeconds;
    private final Clock clock;

    /** defaultDurationSeconds: the server's (display.defaultDurationSeconds), for a group saved without its own. */
    public ScreenRoutes(ScreenStore store, ScreenService service, ItemStore items, ZoneId zone, Duration horizon,
                        int defaultDurationSeconds, Clock clock) {
        this.store = store;
        this.service = service;
        this.items = items;
        this.deliveries = new Deliveries(items);
        this.zone = zone;
        this.horizon = horizon;
        this.defaultDurationSeconds = defaultDurationSeconds;
        this.clock = clock;
    }

    record PairRequest(String code, String name, String group) {}

    record ScreenUpdate(String name, String group, String status) {}

    public void list(Context ctx) {
        String status = Requests.query(ctx, "status", 16);
        boolean offlineOnly = "true".equals(ctx.queryParam("offline"));
        long latest = items.currentVersion();
        ctx.json(store.list().stream()
                .filter(s -> status == null || s.status().equals(status))
                .filter(s -> !offlineOnly || !s.online())
                .map(s -> withLatest(s, latest)).toList());
    }

    public void get(Context ctx) {
        ctx.json(withLatest(find(ctx.pathParam("id")), items.currentVersion()));
    }

    /** The screen with the latest content version and whether it has acknowledged it (is up to date). */
    private static ObjectNode withLatest(Screen screen, long latest) {
        ObjectNode out = Json.MAPPER.valueToTree(screen);
        out.put("latestVersion", latest);
        out.put("ackedLatest", screen.ackedVersion() != null && screen.ackedVersion() >= latest);
        return out;
    }

    public void pair(Context ctx) {
        PairRequest req = Requests.body(ctx, PairRequest.class);
        Requests.require(req.code() != null && req.code().strip().matches("\\d{6}"), "code", "must be the six digits the screen shows");
        String name = checkName(req.name());
        ctx.json(service.pair(req.code().strip(), name, req.group()));
    }

    public void update(Context ctx) {
        ScreenUpdate req = Requests.body(ctx, ScreenUpdate.class);
        ctx.json(service.update(ctx.pathParam("id"), req.name() == null ? null : checkName(req.name()), req.group(), req.status()));
    }

    /** What the screen shows at ?at= (default now), resolved by the same rules the screen applies. */
    public void playlist(Context ctx) {
        Screen screen = find(ctx.pathParam("id"));
        Instant at = Requests.dateTimeQuery(ctx, "at", OffsetDateTime.now(clock)).toInstant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("screen", screen.id());
        out.put("group", screen.group());
        out.put("at", OffsetDateTime.ofInstant(at, zone));
        out.put("version", items.currentVersion());
        if (!screen.active() || screen.group() == null) {
            out.put("rotation", List.of());
            out.put("ticker", List.of());
            out.put("alerts", List.of());
        } else {
            List<Item> deliverable = deliveries.deliverableTo(screen.group(), at, horizon);
            out.put("rotation", Playlists.rotation(deliverable, at, zone).stream().map(ScreenRoutes::summary).toList());
            out.put("ticker", Playlists.ticker(deliverable, at, zone).stream().map(ScreenRoutes::summary).toList());
            out.put("alerts", Playlists.alerts(deliverable, at, zone).stream().map(ScreenRoutes::summary).toList());
        }
        ctx.json(out);
    }

    private static Map<String, Object> summary(Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("version", i.version());
        m.put("kind", i.kind().code());
        m.put("title", i.title());
        m.put("priority", i.priority());
        m.put("publishEnd", i.publishEnd());
        return m;
    }

    private Screen find(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("screen " + id));
    }

    private static String checkName(String name) {
        Requests.require(name == null || name.strip().length() <= 200, "name", "is longer than 200 characters");
        return name == null ? null : name.strip();
    }

    public void groups(Context ctx) {
        ctx.json(store.groups());
    }

    public void createGroup(Context ctx) {
        ScreenGroup g = checkGroup(Requests.body(ctx, ScreenGroup.class), null);
        if (store.groupExists(g.code())) throw ApiException.conflict("code", "screen group '" + g.code() + "' already exists");
        store.insertGroup(g);
        ctx.status(201).json(g);
    }

    public void updateGroup(Context ctx) {
        ScreenGroup g = checkGroup(Requests.body(ctx, ScreenGroup.class), ctx.pathParam("code"));
        if (!store.updateGroup(g)) throw ApiException.notFound("screen group " + g.code());
        service.groupChanged(g.code());
        ctx.json(g);
    }

    private ScreenGroup checkGroup(ScreenGroup g, String pathCode) {
        String code = pathCode != null ? pathCode : g.code();
        Requests.require(code != null && code.matches("[a-z0-9-]{1,64}"), "code", "must be 1-64 lowercase letters, digits or hyphens");
        Requests.require(pathCode == null || g.code() == null || g.code().equals(pathCode), "code", "does not match the address");
        Requests.require(g.name() != null && !g.name().isBlank() && g.name().length() <= 200, "name", "is required (at most 200 characters)");
        Requests.require(g.nameEn() == null || g.nameEn().length() <= 200, "nameEn", "is longer than 200 characters");
        int duration = Playlists.groupDurationSeconds(g.defaultDurationSeconds(), defaultDurationSeconds);
        Requests.require(duration >= 1 && duration <= 600, "defaultDurationSeconds", "must be from 1 to 600");
        double distance = g.viewingDistanceMeters() == null ? 5 : g.viewingDistanceMeters();
        Requests.require(distance > 0 && distance <= 1000, "viewingDistanceMeters", "must be more than 0 and at most 1000");
        Requests.require(g.screenHeightMeters() == null || (g.screenHeightMeters() > 0 && g.screenHeightMeters() <= 100),
                "screenHeightMeters", "must be more than 0 and at most 100");
        Requests.require(g.nightStart() == null || g.nightStart().matches("([01]\\d|2[0-3]):[0-5]\\d"), "nightStart", "must be a time HH:mm");
        Requests.require(g.nightEnd() == null || g.nightEnd().matches("([01]\\d|2[0-3]):[0-5]\\d"), "nightEnd", "must be a time HH:mm");
        Requests.require((g.nightStart() == null) == (g.nightEnd() == null), "nightEnd", "must be given together with nightStart");
        Requests.require(g.alertVolume() == null || (g.alertVolume() >= 0 && g.alertVolume() <= 100), "alertVolume", "must be from 0 to 100");
        Requests.require(g.printLayout() == null || ScreenGroup.PRINT_LAYOUTS.contains(g.printLayout()), "printLayout",
                "must be one of " + String.join(", ", ScreenGroup.PRINT_LAYOUTS));
        return new ScreenGroup(code, g.name().strip(), g.nameEn(), duration, distance, g.screenHeightMeters(),
                g.nightStart(), g.nightEnd(), g.alertSound() == null || g.alertSound(),
                g.alertVolume() == null ? ScreenGroup.DEFAULT_ALERT_VOLUME : g.alertVolume(),
                g.printLayout() == null ? ScreenGroup.NO_PRINTER : g.printLayout());
    }
}
