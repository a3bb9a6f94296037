package org.gongkai.schedule;

import org.gongkai.content.Item;
import org.gongkai.content.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a screen of a group shows through one local day. The rules are Playlists', evaluated at every instant where
 * the result can change (midnight, first publication, publish window edges, schedule hour edges, night start and
 * end); between two such
 * instants nothing changes. Consecutive spans that show the same are merged.
 */
public final class Timeline {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Timeline() {}

    /** The group's settings that the timeline needs; night hours are HH:mm or null. */
    public record Group(String code, String nightStart, String nightEnd, int defaultDurationSeconds) {}

    public record Alert(long id, String title, String level) {}

    public record Page(long id, String title, String kind, int durationSeconds, int priority) {}

    public record Line(long id, String title, int priority) {}

    /** From and to are local times of day, HH:mm (HH:mm:ss when an edge falls inside a minute); the day ends at 24:00. */
    public record Segment(String from, String to, Alert alert, List<Page> items, List<Line> ticker, boolean night) {}

    private record Shown(Alert alert, List<Page> items, List<Line> ticker, boolean night) {}

    /** @param items candidates, e.g. ItemStore.deliverable for the day; those not deliverable to the group are ignored */
    public static List<Segment> day(Group group, LocalDate date, ZoneId zone, List<Item> items) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        Duration length = Duration.between(start, end);
        List<Item> candidates = items.stream().filter(i -> Playlists.deliverable(i, group.code(), start, length)).toList();

        TreeSet<Instant> edges = new TreeSet<>();
        edges.add(start);
        for (Item i : candidates) {
            if (i.publishedAt() != null) edges.add(i.publishedAt().toInstant());
            if (i.publishStart() != null) edges.add(i.publishStart().toInstant());
            if (i.publishEnd() != null) edges.add(i.publishEnd().toInstant());
            Schedule s = i.schedule();
            if (s != null && s.hours() != null) {
                for (Schedule.TimeRange r : s.hours()) {
                    edges.addAll(at(date, r.start(), zone));
                    edges.addAll(at(date, r.end(), zone));
                }
            }
        }
        if (group.nightStart() != null && group.nightEnd() != null) {
            edges.addAll(at(date, LocalTime.parse(group.nightStart()), zone));
            edges.addAll(at(date, LocalTime.parse(group.nightEnd()), zone));
        }

        List<Instant> points = new ArrayList<>(edges.subSet(start, true, end, false));
        List<Segment> segments = new ArrayList<>();
        Shown previous = null;
        Instant previousFrom = null;
        for (Instant p : points) {
            Shown shown = shownAt(group, candidates, p, zone);
            if (shown.equals(previous)) continue;
            if (previous != null) segments.add(segment(previousFrom, p, previous, zone, end));
            previous = shown;
            previousFrom = p;
        }
        segments.add(segment(previousFrom, end, previous, zone, end));
        return segments;
    }

    private static Shown shownAt(Group group, List<Item> all, Instant at, ZoneId zone) {
        List<Item> items = all.stream().filter(i -> publishedBy(i, at)).toList();
        Playlists.OnScreen on = Playlists.onScreen(items, group.nightStart(), group.nightEnd(), at, zone, false);
        Alert alert = on.alerts().stream().findFirst()
                .map(a -> new Alert(a.id(), a.title(), a.alert() == null ? null : a.alert().level())).orElse(null);
        List<Page> pages = on.rotation().stream()
                .map(i -> new Page(i.id(), i.title(), i.kind().code(),
                        Playlists.durationSeconds(i, group.defaultDurationSeconds()), i.priority()))
                .toList();
        List<Line> lines = on.ticker().stream().map(i -> new Line(i.id(), i.title(), i.priority())).toList();
        return new Shown(alert, pages, lines, on.night());
    }

    /**
     * Screens get an item when it is first published (approved or issued), whatever its publish start says: one
     * approved at 08:05 with a start of midnight, or none, shows from 08:05.
     */
    private static boolean publishedBy(Item item, Instant at) {
        return item.publishedAt() == null || !item.publishedAt().toInstant().isAfter(at);
    }

    private static Segment segment(Instant from, Instant to, Shown s, ZoneId zone, Instant dayEnd) {
        return new Segment(time(from, zone), to.equals(dayEnd) ? "24:00" : time(to, zone), s.alert(), s.items(), s.ticker(), s.night());
    }

    private static String time(Instant at, ZoneId zone) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return (t.getSecond() == 0 && t.getNano() == 0 ? MINUTES : SECONDS).format(t);
    }

    /** The instants the local time occurs on the day: none or one, two when clocks go back, the gap's end when they skip it. */
    private static List<Instant> at(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            return gap == null ? List.of() : List.of(gap.getInstant());
        }
        return offsets.stream().map(local::toInstant).toList();
    }
}
