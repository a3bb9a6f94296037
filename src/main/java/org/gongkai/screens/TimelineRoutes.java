package org.gongkai.screens;

import io.javalin.http.Context;
import org.gongkai.content.ItemStore;
import org.gongkai.schedule.Deliveries;
import org.gongkai.schedule.Playlists;
import org.gongkai.schedule.Timeline;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/screen-groups/{code}/timeline?date=: what the group's screens show through a day, for staff to check. */
public final class TimelineRoutes {
    private final ScreenStore screens;
    private final Deliveries deliveries;
    private final ZoneId zone;
    private final int defaultDurationSeconds;
    private final Clock clock;

    /** defaultDurationSeconds: the server's (display.defaultDurationSeconds), for a group without its own. */
    public TimelineRoutes(ScreenStore screens, ItemStore items, ZoneId zone, int defaultDurationSeconds, Clock clock) {
        this.screens = screens;
        this.deliveries = new Deliveries(items);
        this.zone = zone;
        this.defaultDurationSeconds = defaultDurationSeconds;
        this.clock = clock;
    }

    public void timeline(Context ctx) {
        LocalDate date = Requests.dateQuery(ctx, "date", LocalDate.now(clock.withZone(zone)));
        String code = ctx.pathParam("code");
        ScreenGroup group = screens.group(code).orElseThrow(() -> ApiException.notFound("screen group " + code));
        Timeline.Group settings = new Timeline.Group(group.code(), group.nightStart(), group.nightEnd(),
                Playlists.groupDurationSeconds(group.defaultDurationSeconds(), defaultDurationSeconds));
        Instant start = date.atStartOfDay(zone).toInstant();
        var candidates = deliveries.deliverableTo(group.code(), start,
                Duration.between(start, date.plusDays(1).atStartOfDay(zone).toInstant()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", group.code());
        out.put("date", date);
        out.put("zone", zone.getId());
        out.put("segments", Timeline.day(settings, date, zone, candidates));
        ctx.json(out);
    }
}
