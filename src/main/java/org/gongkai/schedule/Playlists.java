package org.gongkai.schedule;

import org.gongkai.content.Details;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.gongkai.content.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * The one rule set for "what should a screen in group G show at time T". kiosk-web/common/playlist.js applies
 * the same rules in the browser so that expiry and dayparts hold while a screen is offline; keep them in step.
 */
public final class Playlists {
    private Playlists() {}

    /** Items a screen of the group must hold: published, aimed at it, not ended, starting within the horizon. */
    public static boolean deliverable(Item item, String group, Instant now, Duration horizon) {
        return item.status() == ItemStatus.PUBLISHED && item.targets(group)
                && (item.publishEnd() == null || item.publishEnd().toInstant().isAfter(now))
                && (item.publishStart() == null || !item.publishStart().toInstant().isAfter(now.plus(horizon)));
    }

    /** Whether the item is on screen at the instant: inside its publish window and its schedule. */
    public static boolean showing(Item item, Instant at, ZoneId zone) {
        if (item.status() != ItemStatus.PUBLISHED) return false;
        if (item.publishStart() != null && item.publishStart().toInstant().isAfter(at)) return false;
        if (item.publishEnd() != null && !item.publishEnd().toInstant().isAfter(at)) return false;
        Schedule s = item.schedule();
        if (s == null) return true;
        ZonedDateTime local = at.atZone(zone);
        if (s.days() != null && !s.days().isEmpty() && !s.days().contains(local.getDayOfWeek().getValue())) return false;
        return s.hours() == null || s.hours().isEmpty()
                || s.hours().stream().anyMatch(r -> r.contains(local.toLocalTime()));
    }

    /** Items with this tag are short notices for the ticker line, not pages of the rotation. */
    public static final String TICKER_TAG = "ticker";

    /** The rotation at the instant, in play order: priority, then newest first. Alerts and ticker lines are not in it. */
    public static List<Item> rotation(List<Item> items, Instant at, ZoneId zone) {
        return ordered(items.stream().filter(i -> !i.tags().contains(TICKER_TAG)).toList(), at, zone);
    }

    /** The ticker line's short notices at the instant, in the rotation's order. */
    public static List<Item> ticker(List<Item> items, Instant at, ZoneId zone) {
        return ordered(items.stream().filter(i -> i.tags().contains(TICKER_TAG)).toList(), at, zone);
    }

    private static List<Item> ordered(List<Item> items, Instant at, ZoneId zone) {
        return items.stream().filter(i -> i.kind() != ItemKind.ALERT && showing(i, at, zone))
                .sorted(Comparator.comparingInt(Item::priority).reversed()
                        .thenComparing(Playlists::startOrCreated, Comparator.reverseOrder())
                        .thenComparing(Item::id, Comparator.reverseOrder()))
                .toList();
    }

    /** Active alerts at the instant: highest level first, then newest. */
    public static List<Item> alerts(List<Item> items, Instant at, ZoneId zone) {
        return items.stream().filter(i -> i.kind() == ItemKind.ALERT && showing(i, at, zone))
                .sorted(Comparator.comparingInt(Playlists::level).reversed()
                        .thenComparing(Playlists::startOrCreated, Comparator.reverseOrder())
                        .thenComparing(Item::id, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Whether a group's night hours (HH:mm, both set or both null) hold at the local time; a span whose end is before
     * its start runs past midnight. kiosk-web/plaza/plaza.js isNight() dims the screen by the same rule.
     */
    public static boolean night(String nightStart, String nightEnd, LocalTime t) {
        if (nightStart == null || nightEnd == null) return false;
        LocalTime s = LocalTime.parse(nightStart);
        LocalTime e = LocalTime.parse(nightEnd);
        LocalTime now = t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return !s.isAfter(e) ? !now.isBefore(s) && now.isBefore(e) : !now.isBefore(s) || now.isBefore(e);
    }

    static int level(Item alert) {
        return alert.alert() == null ? -1 : Details.ALERT_LEVELS.indexOf(alert.alert().level());
    }

    private static Instant startOrCreated(Item i) {
        return (i.publishStart() != null ? i.publishStart() : i.createdAt()).toInstant();
    }
}
