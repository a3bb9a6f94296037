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
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The one rule set for "what should a screen in group G show at time T". kiosk-web/common/playlist.js applies
 * the same rules in the browser so that expiry and dayparts hold while a screen is offline. Both run the cases of
 * src/test/resources/playlist-vectors.json (PlaylistVectorsUnitTest, PlaylistVectorsBrowserTest): change a rule
 * here and there together, and add its case to the file.
 */
public final class Playlists {
    private Playlists() {}

    /** Items with this tag (of any kind but alert) are short notices for the ticker line, not pages of the rotation. */
    public static final String TICKER_TAG = "ticker";

    /** Where an item goes whenever it shows; on a strip, which is one line already, ticker lines are pages. */
    public enum Place { ALERT, TICKER, PAGE }

    /**
     * What a screen shows at an instant: the active alerts (the first takes the whole screen), the rotation in play
     * order, the ticker line, whether it is night, and whether the screen is dimmed (at night, never for an alert).
     */
    public record OnScreen(List<Item> alerts, List<Item> rotation, List<Item> ticker, boolean night, boolean dimmed) {}

    /** Items a screen of the group must hold: published, aimed at it, not ended, starting within the horizon. */
    public static boolean deliverable(Item item, String group, Instant now, Duration horizon) {
        return item.status() == ItemStatus.PUBLISHED && item.targets(group) && !ended(item, now)
                && started(item, now.plus(horizon));
    }

    /** The publish window is half open: an item shows from its start on, and no longer at its end. */
    public static boolean started(Item item, Instant at) {
        return item.publishStart() == null || !item.publishStart().toInstant().isAfter(at);
    }

    public static boolean ended(Item item, Instant at) {
        return item.publishEnd() != null && !item.publishEnd().toInstant().isAfter(at);
    }

    /** Whether an item's window began or ended after {@code after} and by {@code upTo}. */
    public static boolean windowEdgePassed(List<Item> items, Instant after, Instant upTo) {
        return items.stream().flatMap(i -> Stream.of(i.publishStart(), i.publishEnd())).filter(Objects::nonNull)
                .map(t -> t.toInstant()).anyMatch(t -> t.isAfter(after) && !t.isAfter(upTo));
    }

    /** Whether the item is on screen at the instant: inside its publish window and its schedule. */
    public static boolean showing(Item item, Instant at, ZoneId zone) {
        if (item.status() != ItemStatus.PUBLISHED || !started(item, at) || ended(item, at)) return false;
        Schedule s = item.schedule();
        if (s == null) return true;
        ZonedDateTime local = at.atZone(zone);
        if (s.days() != null && !s.days().isEmpty() && !s.days().contains(local.getDayOfWeek().getValue())) return false;
        return s.hours() == null || s.hours().isEmpty()
                || s.hours().stream().anyMatch(r -> r.contains(local.toLocalTime()));
    }

    /** A ticker line: any item but an alert tagged {@link #TICKER_TAG}, whatever its kind. */
    public static boolean isTicker(Item item) {
        return item.kind() != ItemKind.ALERT && item.tags().contains(TICKER_TAG);
    }

    public static Place placeOf(Item item, boolean strip) {
        if (item.kind() == ItemKind.ALERT) return Place.ALERT;
        return isTicker(item) && !strip ? Place.TICKER : Place.PAGE;
    }

    /** The rotation at the instant, in play order: priority, then newest first. Alerts and ticker lines are not in it. */
    public static List<Item> rotation(List<Item> items, Instant at, ZoneId zone) {
        return ordered(items.stream().filter(i -> !isTicker(i)).toList(), at, zone);
    }

    /** The ticker line's short notices at the instant, in the rotation's order. */
    public static List<Item> ticker(List<Item> items, Instant at, ZoneId zone) {
        return ordered(items.stream().filter(Playlists::isTicker).toList(), at, zone);
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

    /** What a screen of a group with these night hours shows at the instant; on a strip the ticker joins the rotation. */
    public static OnScreen onScreen(List<Item> items, String nightStart, String nightEnd, Instant at, ZoneId zone,
                                    boolean strip) {
        List<Item> rotation = rotation(items, at, zone);
        List<Item> ticker = ticker(items, at, zone);
        if (strip) {
            rotation = Stream.concat(rotation.stream(), ticker.stream()).toList();
            ticker = List.of();
        }
        List<Item> alerts = alerts(items, at, zone);
        boolean night = night(nightStart, nightEnd, at.atZone(zone).toLocalTime());
        return new OnScreen(alerts, rotation, ticker, night, night && alerts.isEmpty());
    }

    /**
     * Whether a group's night hours (HH:mm, both set or both null) hold at the local time; a span whose end is before
     * its start runs past midnight, and the same start and end is never night.
     */
    public static boolean night(String nightStart, String nightEnd, LocalTime t) {
        if (nightStart == null || nightEnd == null) return false;
        LocalTime s = LocalTime.parse(nightStart);
        LocalTime e = LocalTime.parse(nightEnd);
        LocalTime now = t.truncatedTo(ChronoUnit.MINUTES);
        return !s.isAfter(e) ? !now.isBefore(s) && now.isBefore(e) : !now.isBefore(s) || now.isBefore(e);
    }

    /** A group's seconds per item: its own setting, else the server's (display.defaultDurationSeconds). */
    public static int groupDurationSeconds(Integer groupSetting, int serverDefault) {
        return groupSetting != null ? groupSetting : serverDefault;
    }

    /** An item's seconds on screen: its own, else its group's. */
    public static int durationSeconds(Item item, int groupSeconds) {
        return item.durationSeconds() != null ? item.durationSeconds() : groupSeconds;
    }

    /** The item after {@code afterId} in the rotation (the first one when it is gone or unknown); null when empty. */
    public static Item nextAfter(List<Item> rotation, Long afterId) {
        for (int i = 0; i < rotation.size(); i++) {
            if (afterId != null && rotation.get(i).id() == afterId) return rotation.get((i + 1) % rotation.size());
        }
        return rotation.isEmpty() ? null : rotation.get(0);
    }

    /**
     * What the players start when the item on screen ({@code shownId}) has had its time or has left the rotation, or
     * when nothing was on screen ({@code shownId} null: an alert, the idle page or the start). After an alert the
     * interrupted item ({@code lastId}, the last one started) comes again; otherwise the one after the last started.
     * The server plays nothing itself; the rule is here so that both sides are checked by the same cases.
     */
    public static Item nextItem(List<Item> rotation, Long shownId, Long lastId) {
        Item current = byId(rotation, shownId);
        if (current != null) return nextAfter(rotation, current.id());
        Item interrupted = shownId == null ? byId(rotation, lastId) : null;
        return interrupted != null ? interrupted : nextAfter(rotation, lastId);
    }

    private static Item byId(List<Item> items, Long id) {
        return id == null ? null : items.stream().filter(i -> i.id() == id).findFirst().orElse(null);
    }

    static int level(Item alert) {
        return alert.alert() == null ? -1 : Details.ALERT_LEVELS.indexOf(alert.alert().level());
    }

    private static Instant startOrCreated(Item i) {
        return (i.publishStart() != null ? i.publishStart() : i.createdAt()).toInstant();
    }
}
