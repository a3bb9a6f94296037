package org.gongkai.applications;

import org.gongkai.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working days with a holiday calendar. The calendars here are made up for the test, not the State Council's. */
class WorkCalendarUnitTest {
    @TempDir
    Path dir;

    @Test
    void holidaysAreSkippedAndMakeUpWeekendDaysCount() throws Exception {
        Files.writeString(dir.resolve("2030.yaml"), """
                year: 2030
                source: made up for a test
                offDays: [2030-10-01, 2030-10-02, 2030-10-03, 2030-10-04, 2030-10-07]
                workDays: [2030-09-29, 2030-10-12]
                """);
        WorkCalendar calendar = WorkCalendar.load(dir);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-09-29"))).as("a Sunday worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-10-02"))).as("a holiday").isFalse();
        // Received Friday 27 September: Sunday 29, Monday 30, then nothing until Tuesday 8 October.
        WorkCalendar.Deadline three = calendar.addWorkingDays(LocalDate.parse("2030-09-27"), 3);
        assertThat(three.date()).isEqualTo(LocalDate.parse("2030-10-08"));
        assertThat(three.calendarComplete()).isTrue();
        assertThat(calendar.workingDaysLeft(LocalDate.parse("2030-09-27"), three.date())).isEqualTo(3);
        assertThat(calendar.workingDaysLeft(LocalDate.parse("2030-10-10"), three.date())).isEqualTo(-2);
    }

    @Test
    void aPastDeadlineCountsOnlyTheWorkingDaysSinceIt() {
        WorkCalendar calendar = new WorkCalendar().with(2030, Set.of(LocalDate.parse("2030-10-14")), Set.of());
        // due Friday 11 October; Saturday, Sunday and Monday 14 (a holiday) passed, then Tuesday
        assertThat(calendar.workingDaysLeft(LocalDate.parse("2030-10-15"), LocalDate.parse("2030-10-11"))).isEqualTo(-1);
        assertThat(calendar.workingDaysLeft(LocalDate.parse("2030-10-11"), LocalDate.parse("2030-10-11"))).isZero();
        assertThat(calendar.workingDaysLeft(LocalDate.parse("2030-10-10"), LocalDate.parse("2030-10-15"))).isEqualTo(2);
    }

    @Test
    void aYearWithoutItsFileCountsMondayToFridayAndSaysSo() {
        WorkCalendar calendar = new WorkCalendar().with(2030, Set.of(), Set.of());
        WorkCalendar.Deadline d = calendar.addWorkingDays(LocalDate.parse("2030-12-20"), 20);
        assertThat(d.date()).isEqualTo(LocalDate.parse("2031-01-17"));
        assertThat(d.calendarComplete()).as("2031 has no calendar").isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2030-03-01"), 20).calendarComplete()).isTrue();
    }

    @Test
    void aBadCalendarFileIsOneClearError() throws Exception {
        Files.writeString(dir.resolve("2031.yaml"), "year: 2031\noffDays: [2031-02-30]\n");
        assertThatThrownBy(() -> WorkCalendar.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("2031.yaml").hasMessageContaining("offDays").hasMessageContaining("2031-02-30");
        Files.writeString(dir.resolve("2031.yaml"), "year: 2032\n");
        assertThatThrownBy(() -> WorkCalendar.load(dir)).hasMessageContaining("key 'year' must be 2031");
    }
}
