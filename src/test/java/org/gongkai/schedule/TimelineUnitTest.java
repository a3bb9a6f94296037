package org.gongkai.schedule;

import org.gongkai.content.Details;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.gongkai.content.Schedule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Timeline edges that the API test cannot reach: clock changes in a zone with daylight saving time. */
class TimelineUnitTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Timeline.Group GROUP = new Timeline.Group("plaza", null, null, 12);

    static Item hours(String from, String to) {
        return PlaylistsUnitTest.item(ItemKind.NOTICE, 50, null, null,
                new Schedule(List.of(), List.of(new Schedule.TimeRange(from, to))), List.of(), null);
    }

    static List<String> spans(List<Timeline.Segment> segments) {
        return segments.stream().map(s -> s.from() + "-" + s.to() + " " + s.items().size()).toList();
    }

    @Test
    void aScheduleThatStartsInTheSkippedHourStartsWhenTheClockJumps() {
        // 2026-03-08: 02:00 becomes 03:00 in New York
        Item early = hours("02:30", "04:00");
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 3, 8), NEW_YORK, List.of(early))))
                .containsExactly("00:00-03:00 0", "03:00-04:00 1", "04:00-24:00 0");
    }

    @Test
    void aScheduleInTheRepeatedHourShowsTwice() {
        // 2026-11-01: 02:00 becomes 01:00 again in New York
        Item repeated = hours("01:00", "01:30");
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 1), NEW_YORK, List.of(repeated))))
                .containsExactly("00:00-01:00 0", "01:00-01:30 1", "01:30-01:00 0", "01:00-01:30 1", "01:30-24:00 0");
    }

    @Test
    void anItemForAnotherGroupLeavesOneSegment() {
        Item hall = PlaylistsUnitTest.item(ItemKind.NOTICE, 50, null, null, null, List.of("hall"), null);
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of(hall))))
                .containsExactly("00:00-24:00 0");
    }

    @Test
    void eachSegmentSaysWhatShowsTheAlertTheTickerAndTheNightHours() {
        Timeline.Group plaza = new Timeline.Group("plaza", "22:00", "06:00", 12);
        Item morning = PlaylistsUnitTest.item(ItemKind.NOTICE, 70, null, null,
                new Schedule(List.of(), List.of(new Schedule.TimeRange("08:00", "12:00"))), List.of(), null);
        Item allDay = PlaylistsUnitTest.item(ItemKind.NOTICE, 40, null, null, null, List.of(), null);
        Item withDuration = allDay.toBuilder().id(allDay.id() + 100).kind(ItemKind.GUIDE).title("指南").priority(30)
                .durationSeconds(45).shortCode("ABC126").build();
        Item line = allDay.toBuilder().id(allDay.id() + 200).title("停水通知").tags(List.of(Playlists.TICKER_TAG))
                .priority(60).shortCode("ABC127").build();
        Item alert = PlaylistsUnitTest.item(ItemKind.ALERT, 50, "2026-11-23T14:00:00+08:00", "2026-11-23T15:30:00+08:00",
                null, List.of(), new Details.Alert("orange", "gale", "全县", null));

        List<Timeline.Segment> day = Timeline.day(plaza, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING,
                List.of(morning, allDay, withDuration, line, alert));
        assertThat(day).extracting(seg -> seg.from() + "-" + seg.to()).containsExactly(
                "00:00-06:00", "06:00-08:00", "08:00-12:00", "12:00-14:00", "14:00-15:30", "15:30-22:00", "22:00-24:00");
        assertThat(day).extracting(Timeline.Segment::night).containsExactly(true, false, false, false, false, false, true);

        Timeline.Segment forenoon = day.get(2);
        assertThat(forenoon.items()).containsExactly(
                new Timeline.Page(morning.id(), "t", "notice", 12, 70),
                new Timeline.Page(allDay.id(), "t", "notice", 12, 40),
                new Timeline.Page(withDuration.id(), "指南", "guide", 45, 30));
        assertThat(forenoon.ticker()).containsExactly(new Timeline.Line(line.id(), "停水通知", 60));
        assertThat(forenoon.alert()).isNull();
        assertThat(day.get(4).alert()).isEqualTo(new Timeline.Alert(alert.id(), "t", "orange"));
        assertThat(day.get(3).items()).extracting(Timeline.Page::id).containsExactly(allDay.id(), withDuration.id());
    }

    @Test
    void anAlertWithoutDetailsHasNoLevel() {
        Item bare = PlaylistsUnitTest.item(ItemKind.ALERT, 50, null, "2026-11-24T00:00:00+08:00", null, List.of(), null);
        List<Timeline.Segment> day = Timeline.day(GROUP, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of(bare));
        assertThat(day).hasSize(1);
        assertThat(day.get(0).alert()).isEqualTo(new Timeline.Alert(bare.id(), "t", null));
    }

    @Test
    void edgesWhereNothingChangesLeaveOneSegment() {
        // Tuesdays only: its hours are edges on a Monday too, but nothing changes there
        Item tuesdayMornings = PlaylistsUnitTest.item(ItemKind.NOTICE, 50, null, null,
                new Schedule(List.of(2), List.of(new Schedule.TimeRange("08:00", "12:00"))), List.of(), null);
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of(tuesdayMornings))))
                .containsExactly("00:00-24:00 0");
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 24), PlaylistsUnitTest.BEIJING, List.of(tuesdayMornings))))
                .containsExactly("00:00-08:00 0", "08:00-12:00 1", "12:00-24:00 0");
    }

    @Test
    void aScheduleOfDaysOnlyShowsAllDayOnThoseDays() {
        Item mondays = PlaylistsUnitTest.item(ItemKind.NOTICE, 50, null, null, new Schedule(List.of(1), null), List.of(), null);
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of(mondays))))
                .containsExactly("00:00-24:00 1");
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 24), PlaylistsUnitTest.BEIJING, List.of(mondays))))
                .containsExactly("00:00-24:00 0");
    }

    @Test
    void anEdgeInsideAMinuteIsShownWithSeconds() {
        Item late = PlaylistsUnitTest.item(ItemKind.NOTICE, 50, "2026-11-23T10:00:30+08:00", "2026-11-23T11:00:00.250+08:00",
                null, List.of(), null);
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of(late))))
                .containsExactly("00:00-10:00:30 0", "10:00:30-11:00:00 1", "11:00:00-24:00 0");
    }

    @Test
    void nightHoursNeedBothEnds() {
        Timeline.Group halfSet = new Timeline.Group("plaza", "22:00", null, 12);
        assertThat(Timeline.day(halfSet, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of()))
                .extracting(seg -> seg.from() + "-" + seg.to() + " " + seg.night()).containsExactly("00:00-24:00 false");
        Timeline.Group otherHalf = new Timeline.Group("plaza", null, "06:00", 12);
        assertThat(Timeline.day(otherHalf, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of()))
                .extracting(seg -> seg.from() + "-" + seg.to() + " " + seg.night()).containsExactly("00:00-24:00 false");
    }

    @Test
    void anItemShowsFromItsApprovalWhateverItsStartSays() {
        // approved at 08:05 Beijing time with a start at midnight: on screen from 08:05, not from midnight
        Item approvedLate = PlaylistsUnitTest.item(ItemKind.NOTICE, 50, null, null, null, List.of(), null).toBuilder()
                .publishStart(java.time.OffsetDateTime.parse("2026-11-23T00:00:00+08:00"))
                .publishedAt(java.time.OffsetDateTime.parse("2026-11-23T08:05:00+08:00")).build();
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of(approvedLate))))
                .containsExactly("00:00-08:05 0", "08:05-24:00 1");
        Item approvedBefore = approvedLate.toBuilder()
                .publishedAt(java.time.OffsetDateTime.parse("2026-11-20T09:00:00+08:00")).build();
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of(approvedBefore))))
                .as("approved on an earlier day").containsExactly("00:00-24:00 1");
        Item approvedAtMidnight = approvedLate.toBuilder()
                .publishedAt(java.time.OffsetDateTime.parse("2026-11-23T00:00:00+08:00")).build();
        assertThat(spans(Timeline.day(GROUP, LocalDate.of(2026, 11, 23), PlaylistsUnitTest.BEIJING, List.of(approvedAtMidnight))))
                .as("approved at the very start of the day").containsExactly("00:00-24:00 1");
    }
}
