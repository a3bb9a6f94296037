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

/**
 * Working days with a holiday calendar. The calendars written here are made up for the test (years no notice covers);
 * the shipped 2025 and 2026 files are checked against the State Council's notices (HolidayCalendarTest).
 */
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
    void theShippedCalendarsAreTheStateCouncilNoticesFor2025And2026() {
        WorkCalendar calendar = WorkCalendar.builtIn();
        assertThat(calendar.years()).extracting(WorkCalendar.Year::year).contains(2025, 2026);
        assertThat(calendar.years()).allMatch(WorkCalendar.Year::builtIn);
        WorkCalendar.Year y2025 = calendar.years().stream().filter(y -> y.year() == 2025).findFirst().orElseThrow();
        assertThat(y2025.source()).contains("国务院办公厅关于2025年部分节假日安排的通知").contains("国办发明电〔2024〕12号");
        assertThat(y2025.worked()).containsExactlyInAnyOrder(LocalDate.parse("2025-01-26"), LocalDate.parse("2025-02-08"),
                LocalDate.parse("2025-04-27"), LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11"));
        WorkCalendar.Year y2026 = calendar.years().stream().filter(y -> y.year() == 2026).findFirst().orElseThrow();
        assertThat(y2026.source()).contains("国务院办公厅关于2026年部分节假日安排的通知").contains("国办发明电〔2025〕7号");
        assertThat(y2026.worked()).containsExactlyInAnyOrder(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"),
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));
        // 33 days off in 2026 by the notice (3 + 9 + 3 + 5 + 3 + 3 + 7); 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28
        assertThat(y2026.off()).hasSize(33);
        assertThat(y2025.off()).hasSize(28);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("Saturday 10 October 2026 is worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-08"))).as("Thursday 8 October 2026, after the holiday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-08"))).as("8 October 2025, 国庆 and 中秋 together").isFalse();
    }

    @Test
    void aWorkDayThatIsNotAWeekendDayIsATypoAndStopsStartUp() throws Exception {
        Files.writeString(dir.resolve("2030.yaml"), "year: 2030\nworkDays: [2030-10-14]\n");
        assertThatThrownBy(() -> WorkCalendar.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("2030.yaml").hasMessageContaining("workDays").hasMessageContaining("2030-10-14 is a monday");
        Files.writeString(dir.resolve("2030.yaml"), "year: 2030\noffDays: [2030-10-12]\nworkDays: [2030-10-12]\n");
        assertThatThrownBy(() -> WorkCalendar.load(dir)).hasMessageContaining("2030-10-12 is in both offDays and workDays");
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
