package org.gongkai.schedule;

import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
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
}
