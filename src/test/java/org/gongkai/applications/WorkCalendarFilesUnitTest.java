package org.gongkai.applications;

import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the holiday calendars are read from, and what a missing directory means. Made-up calendars, not the State Council's. */
class WorkCalendarFilesUnitTest {
    @TempDir
    Path dir;

    @Test
    void theCalendarsAreReadFromHolidaysNextToTheConfigFile() throws Exception {
        Path configFile = Files.writeString(dir.resolve("gongkai.yaml"), "server:\n  port: 0\n");
        Files.createDirectory(dir.resolve("holidays"));
        Files.writeString(dir.resolve("holidays").resolve("2030.yaml"), "year: 2030\noffDays: [2030-10-01]\nworkDays: [2030-09-29]\n");
        WorkCalendar calendar = WorkCalendar.load(ConfigLoader.load(configFile));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-10-01"))).as("a Tuesday off").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-09-29"))).as("a Sunday worked").isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2030-09-30"), 1))
                .isEqualTo(new WorkCalendar.Deadline(LocalDate.parse("2030-10-02"), true));
    }

    @Test
    void aDateOfAnotherYearInAYearsFileIsAClearError() throws Exception {
        Files.writeString(dir.resolve("2030.yaml"), "year: 2030\nworkDays: [2031-01-04]\n");
        assertThatThrownBy(() -> WorkCalendar.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("2030.yaml").hasMessageContaining("'workDays'").hasMessageContaining("2031-01-04 is not in 2030");
    }

    @Test
    void withoutAConfigFileTheCalendarsComeFromConfigHolidaysInTheWorkingDirectory() {
        WorkCalendar calendar = WorkCalendar.load(ConfigLoader.defaults());
        assertThat(calendar.addWorkingDays(LocalDate.parse("2099-06-01"), 5).calendarComplete())
                .as("a year without a file is flagged").isFalse();
    }

    @Test
    void withoutADirectoryEveryYearCountsMondayToFridayAndSaysSo() {
        WorkCalendar calendar = WorkCalendar.load(dir.resolve("no-such-dir"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-10-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-09-29"))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2030-09-27"), 1))
                .isEqualTo(new WorkCalendar.Deadline(LocalDate.parse("2030-09-30"), false));
        assertThat(WorkCalendar.load((Path) null).addWorkingDays(LocalDate.parse("2030-09-27"), 1).calendarComplete()).isFalse();
    }
}
