package org.gongkai.applications;

import io.javalin.http.Context;
import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.gongkai.web.Requests;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/work-calendar: the years whose holiday notice the server counts deadlines by, and the years staff must
 * add now: this year if it is missing, and from 1 December next year too (the State Council publishes the notice in
 * November or December). The admin page shows a banner while that list is not empty.
 */
public final class CalendarRoutes {
    private final WorkCalendar calendar;
    private final Path directory;
    private final Clock clock;
    private final ZoneId zone;

    /** @param directory the county's own holidays/ directory, named to admins so they know where to put the file */
    public CalendarRoutes(WorkCalendar calendar, Path directory, Clock clock, ZoneId zone) {
        this.calendar = calendar;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    public void calendar(Context ctx) {
        Staff staff = Requests.caller(ctx);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("today", today);
        out.put("years", calendar.years().stream().map(y -> {
            Map<String, Object> year = new LinkedHashMap<>();
            year.put("year", y.year());
            year.put("source", y.source());
            year.put("url", y.url());
            year.put("builtIn", y.builtIn());
            return year;
        }).toList());
        out.put("missing", missing(today));
        if (staff.role() == Role.ADMIN) out.put("directory", directory.toAbsolutePath().normalize().toString());
        ctx.json(out);
    }

    List<Integer> missing(LocalDate today) {
        List<Integer> missing = new ArrayList<>();
        if (!calendar.covers(today.getYear())) missing.add(today.getYear());
        if (today.getMonth() == Month.DECEMBER && !calendar.covers(today.getYear() + 1)) missing.add(today.getYear() + 1);
        return missing;
    }
}
