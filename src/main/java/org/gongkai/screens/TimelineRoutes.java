package org.gongkai.screens;

import io.javalin.http.Context;
import org.gongkai.content.ItemStore;
import org.gongkai.schedule.Timeline;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/screen-groups/{code}/timeline?date=: what the group's screens show through a day, for staff to check. */
public final class TimelineRoutes {
    private static final int FALLBACK_DURATION_SECONDS = 12; // what the plaza player uses when neither item nor group says

    private final ScreenStore screens;
    private final ItemStore items;
    private final ZoneId zone;
    private final Clock clock;

    public TimelineRoutes(ScreenStore screens, ItemStore items, ZoneId zone, Clock clock) {
        this.screens = screens;
        this.items = items;
        this.zone = zone;
        this.clock = clock;
    }

    public void timeline(Context ctx) {
        LocalDate date = Requests.dateQuery(ctx, "date", LocalDate.now(clock.withZone(zone)));
        String code = ctx.pathParam("code");
        ScreenGroup group = screens.group(code).orElseThrow(() -> ApiException.notFound("screen group " + code));
        Timeline.Group settings = new Timeline.Group(group.code(), group.nightStart(), group.nightEnd(),
                group.defaultDurationSeconds() != null ? group.defaultDurationSeconds() : FALLBACK_DURATION_SECONDS);
        var candidates = items.deliverable(date.atStartOfDay(zone).toOffsetDateTime(),
                date.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", group.code());
        out.put("date", date);
        out.put("zone", zone.getId());
        out.put("segments", Timeline.day(settings, date, zone, candidates));
        ctx.json(out);
    }
}
