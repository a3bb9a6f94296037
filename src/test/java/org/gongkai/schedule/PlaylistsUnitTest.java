package org.gongkai.schedule;

import org.gongkai.content.Details;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.gongkai.content.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaylistsUnitTest {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    // Monday 2026-11-23 10:00 Beijing time
    static final Instant MONDAY_10 = OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant();
    static long ids = 1;

    static Item item(ItemKind kind, int priority, String start, String end, Schedule schedule, List<String> groups,
                     Details.Alert alert) {
        OffsetDateTime created = OffsetDateTime.parse("2026-11-01T00:00:00+08:00");
        return Item.builder().id(ids++).kind(kind).title("t").bodyFormat("text").department("d").category("notices")
                .publishStart(start == null ? null : OffsetDateTime.parse(start))
                .publishEnd(end == null ? null : OffsetDateTime.parse(end)).priority(priority).schedule(schedule)
                .targetGroups(groups).details(alert).status(ItemStatus.PUBLISHED).version(1).shortCode("ABC123")
                .createdAt(created).createdBy("a").updatedAt(created).updatedBy("a").build();
    }

    static Item notice(int priority, String start, String end) {
        return item(ItemKind.NOTICE, priority, start, end, null, List.of(), null);
    }

    @Test
    void publishWindowIsHalfOpen() {
        Item endsAt10 = notice(50, null, "2026-11-23T10:00:00+08:00");
        Item startsAt10 = notice(50, "2026-11-23T10:00:00+08:00", null);
        assertThat(Playlists.showing(endsAt10, MONDAY_10, BEIJING)).isFalse();
        assertThat(Playlists.showing(endsAt10, MONDAY_10.minusSeconds(1), BEIJING)).isTrue();
        assertThat(Playlists.showing(startsAt10, MONDAY_10, BEIJING)).isTrue();
        assertThat(Playlists.showing(startsAt10, MONDAY_10.minusSeconds(1), BEIJING)).isFalse();
    }

    @Test
    void daypartsFollowTheScreensTimeZoneAndMayCrossMidnight() {
        Schedule weekdayMornings = new Schedule(List.of(1, 2, 3, 4, 5), List.of(new Schedule.TimeRange("08:00", "12:00")));
        Item morning = item(ItemKind.NOTICE, 50, null, null, weekdayMornings, List.of(), null);
        assertThat(Playlists.showing(morning, MONDAY_10, BEIJING)).isTrue();
        assertThat(Playlists.showing(morning, MONDAY_10.plus(Duration.ofHours(3)), BEIJING)).isFalse();
        assertThat(Playlists.showing(morning, MONDAY_10.minus(Duration.ofDays(1)), BEIJING)).as("Sunday").isFalse();
        assertThat(Playlists.showing(morning, MONDAY_10, ZoneId.of("UTC"))).as("02:00 UTC").isFalse();

        Schedule overnight = new Schedule(List.of(), List.of(new Schedule.TimeRange("22:00", "06:00")));
        Item night = item(ItemKind.NOTICE, 50, null, null, overnight, List.of(), null);
        assertThat(Playlists.showing(night, OffsetDateTime.parse("2026-11-23T23:30:00+08:00").toInstant(), BEIJING)).isTrue();
        assertThat(Playlists.showing(night, OffsetDateTime.parse("2026-11-23T05:59:00+08:00").toInstant(), BEIJING)).isTrue();
        assertThat(Playlists.showing(night, MONDAY_10, BEIJING)).isFalse();
    }

    @Test
    void aScheduleMayGiveOnlyDaysOrOnlyHours() {
        Schedule mondays = new Schedule(List.of(1), null);
        Schedule mornings = new Schedule(null, List.of(new Schedule.TimeRange("08:00", "12:00")));
        Schedule empty = new Schedule(List.of(), List.of());
        Schedule nothing = new Schedule(null, null);
        Instant tuesday10 = MONDAY_10.plus(Duration.ofDays(1));
        Instant monday13 = MONDAY_10.plus(Duration.ofHours(3));
        Item mondayItem = item(ItemKind.NOTICE, 50, null, null, mondays, List.of(), null);
        Item morningItem = item(ItemKind.NOTICE, 50, null, null, mornings, List.of(), null);
        assertThat(Playlists.showing(mondayItem, monday13, BEIJING)).isTrue();
        assertThat(Playlists.showing(mondayItem, tuesday10, BEIJING)).isFalse();
        assertThat(Playlists.showing(morningItem, tuesday10, BEIJING)).isTrue();
        assertThat(Playlists.showing(morningItem, monday13, BEIJING)).isFalse();
        for (Schedule always : List.of(empty, nothing)) {
            Item i = item(ItemKind.NOTICE, 50, null, null, always, List.of(), null);
            assertThat(Playlists.showing(i, monday13, BEIJING)).isTrue();
            assertThat(Playlists.showing(i, tuesday10.plus(Duration.ofHours(12)), BEIJING)).isTrue();
        }
    }

    @Test
    void rotationIsByPriorityThenNewestAndExcludesAlerts() {
        Item low = notice(10, "2026-11-20T00:00:00+08:00", null);
        Item highOld = notice(90, "2026-11-01T00:00:00+08:00", null);
        Item highNew = notice(90, "2026-11-22T00:00:00+08:00", null);
        Item alert = item(ItemKind.ALERT, 100, null, "2026-11-24T00:00:00+08:00", null, List.of(), new Details.Alert("red", "typhoon", "全县", null));
        assertThat(Playlists.rotation(List.of(low, highOld, alert, highNew), MONDAY_10, BEIJING))
                .containsExactly(highNew, highOld, low);
    }

    @Test
    void tickerNoticesLeaveTheRotationForTheTickerLine() {
        Item page = notice(50, "2026-11-20T00:00:00+08:00", null);
        Item line = notice(50, "2026-11-21T00:00:00+08:00", null);
        Item tagged = line.toBuilder().tags(List.of(Playlists.TICKER_TAG)).shortCode("ABC124").build();
        assertThat(Playlists.rotation(List.of(page, tagged), MONDAY_10, BEIJING)).containsExactly(page);
        assertThat(Playlists.ticker(List.of(page, tagged), MONDAY_10, BEIJING)).containsExactly(tagged);
    }

    @Test
    void alertsAreHighestLevelFirstThenNewest() {
        Item blue = item(ItemKind.ALERT, 50, "2026-11-23T09:00:00+08:00", "2026-11-24T00:00:00+08:00", null, List.of(), new Details.Alert("blue", "gale", "全县", null));
        Item redOld = item(ItemKind.ALERT, 50, "2026-11-23T07:00:00+08:00", "2026-11-24T00:00:00+08:00", null, List.of(), new Details.Alert("red", "rainstorm", "全县", null));
        Item redNew = item(ItemKind.ALERT, 50, "2026-11-23T08:00:00+08:00", "2026-11-24T00:00:00+08:00", null, List.of(), new Details.Alert("red", "flood", "全县", null));
        assertThat(Playlists.alerts(List.of(blue, redOld, redNew), MONDAY_10, BEIJING)).containsExactly(redNew, redOld, blue);
    }

    static Item created(Item i, ItemStatus status, String createdAt) {
        return i.toBuilder().status(status).shortCode("ABC125").createdAt(OffsetDateTime.parse(createdAt))
                .updatedAt(OffsetDateTime.parse(createdAt)).build();
    }

    @Test
    void onlyPublishedItemsShow() {
        Item shown = notice(50, null, null);
        assertThat(Playlists.showing(shown, MONDAY_10, BEIJING)).isTrue();
        for (ItemStatus status : List.of(ItemStatus.DRAFT, ItemStatus.SUBMITTED, ItemStatus.RETURNED, ItemStatus.WITHDRAWN)) {
            assertThat(Playlists.showing(created(shown, status, "2026-11-01T00:00:00+08:00"), MONDAY_10, BEIJING)).as(status.code()).isFalse();
            assertThat(Playlists.deliverable(created(shown, status, "2026-11-01T00:00:00+08:00"), "plaza", MONDAY_10, Duration.ofDays(7)))
                    .as(status.code()).isFalse();
        }
    }

    @Test
    void withoutAStartTheNewestCreatedPlaysFirst() {
        Item older = created(notice(50, null, null), ItemStatus.PUBLISHED, "2026-11-10T00:00:00+08:00");
        Item newer = created(notice(50, null, null), ItemStatus.PUBLISHED, "2026-11-20T00:00:00+08:00");
        Item startedBetween = notice(50, "2026-11-15T00:00:00+08:00", null);
        assertThat(Playlists.rotation(List.of(older, startedBetween, newer), MONDAY_10, BEIJING))
                .containsExactly(newer, startedBetween, older);
        Item sameTimeHigherId = created(notice(50, null, null), ItemStatus.PUBLISHED, "2026-11-20T00:00:00+08:00");
        assertThat(Playlists.rotation(List.of(newer, sameTimeHigherId), MONDAY_10, BEIJING)).as("then the higher id")
                .containsExactly(sameTimeHigherId, newer);
    }

    @Test
    void alertsAreOnlyAlertsOnScreenNow() {
        Item notice = notice(100, null, null);
        Item current = item(ItemKind.ALERT, 50, null, "2026-11-24T00:00:00+08:00", null, List.of(), new Details.Alert("blue", "gale", "全县", null));
        Item ended = item(ItemKind.ALERT, 50, null, "2026-11-23T09:00:00+08:00", null, List.of(), new Details.Alert("red", "gale", "全县", null));
        Item noLevel = item(ItemKind.ALERT, 50, null, "2026-11-24T00:00:00+08:00", null, List.of(), null);
        assertThat(Playlists.alerts(List.of(notice, ended, noLevel, current), MONDAY_10, BEIJING)).containsExactly(current, noLevel);
        assertThat(Playlists.level(current)).isZero();
        assertThat(Playlists.level(noLevel)).isEqualTo(-1);
    }

    @Test
    void deliverableHonoursGroupsAndHorizon() {
        Item plazaOnly = item(ItemKind.NOTICE, 50, null, null, null, List.of("plaza"), null);
        assertThat(Playlists.deliverable(plazaOnly, "plaza", MONDAY_10, Duration.ofDays(7))).isTrue();
        assertThat(Playlists.deliverable(plazaOnly, "hall", MONDAY_10, Duration.ofDays(7))).isFalse();
        Item nextMonth = notice(50, "2026-12-23T00:00:00+08:00", null);
        assertThat(Playlists.deliverable(nextMonth, "plaza", MONDAY_10, Duration.ofDays(7))).isFalse();
        Item tomorrow = notice(50, "2026-11-24T00:00:00+08:00", null);
        assertThat(Playlists.deliverable(tomorrow, "plaza", MONDAY_10, Duration.ofDays(7))).isTrue();
        assertThat(Playlists.showing(tomorrow, MONDAY_10, BEIJING)).isFalse();
    }

    @Test
    void nightHoursAreHalfOpenMayCrossMidnightAndAreOffWhenUnset() {
        assertThat(Playlists.night("22:00", "06:00", LocalTime.of(22, 0))).isTrue();
        assertThat(Playlists.night("22:00", "06:00", LocalTime.of(5, 59, 59))).isTrue();
        assertThat(Playlists.night("22:00", "06:00", LocalTime.of(6, 0))).isFalse();
        assertThat(Playlists.night("01:00", "05:00", LocalTime.of(0, 59))).isFalse();
        assertThat(Playlists.night("01:00", "05:00", LocalTime.of(1, 0))).isTrue();
        assertThat(Playlists.night("03:00", "03:00", LocalTime.of(3, 0))).as("same start and end, as plaza.js: never").isFalse();
        assertThat(Playlists.night(null, null, LocalTime.of(23, 0))).isFalse();
    }
}
