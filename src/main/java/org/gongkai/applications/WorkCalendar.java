package org.gongkai.applications;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days by the State Council's yearly holiday notice (config/holidays/YYYY.yaml): holidays off, some weekend
 * days worked. A year without a file counts Monday to Friday, and says so.
 */
public final class WorkCalendar {
    public record Deadline(LocalDate date, boolean calendarComplete) {}

    private final Set<LocalDate> off = new HashSet<>();
    private final Set<LocalDate> worked = new HashSet<>();
    private final Set<Integer> years = new HashSet<>();

    /** The calendars in a holidays/ directory next to the config file, or in ./config/holidays without one. */
    public static WorkCalendar load(org.gongkai.config.Config config) {
        return load(config.configDir() != null ? config.configDir().resolve("holidays") : Path.of("config", "holidays"));
    }

    public static WorkCalendar load(Path dir) {
        WorkCalendar calendar = new WorkCalendar();
        if (dir == null || !Files.isDirectory(dir)) return calendar;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[0-9][0-9][0-9][0-9].yaml")) {
            for (Path file : files) calendar.read(file);
        } catch (IOException e) {
            throw new ConfigException("holiday calendars in " + dir + ": " + e.getMessage());
        }
        return calendar;
    }

    private void read(Path file) {
        JsonNode year;
        try {
            year = ConfigLoader.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("holiday calendar " + file + ": " + e.getMessage());
        }
        int number = year.path("year").asInt(-1);
        if (!file.getFileName().toString().equals(number + ".yaml")) {
            throw new ConfigException("holiday calendar " + file + ": key 'year' must be " + file.getFileName().toString().replace(".yaml", ""));
        }
        dates(file, year, "offDays", number, off);
        dates(file, year, "workDays", number, worked);
        years.add(number);
    }

    private static void dates(Path file, JsonNode year, String key, int number, Set<LocalDate> into) {
        for (JsonNode d : year.path(key)) {
            try {
                LocalDate date = LocalDate.parse(d.asText());
                if (date.getYear() != number) throw new ConfigException("holiday calendar " + file + ": key '" + key + "': " + date + " is not in " + number);
                into.add(date);
            } catch (DateTimeParseException e) {
                throw new ConfigException("holiday calendar " + file + ": key '" + key + "': '" + d.asText() + "' is not a date (YYYY-MM-DD)");
            }
        }
    }

    /** For tests and for calendars built in code. */
    public WorkCalendar with(int year, Set<LocalDate> offDays, Set<LocalDate> workDays) {
        off.addAll(offDays);
        worked.addAll(workDays);
        years.add(year);
        return this;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (off.contains(day)) return false;
        if (worked.contains(day)) return true;
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after `from` (the day of receipt itself is not counted). */
    public Deadline addWorkingDays(LocalDate from, int n) {
        LocalDate day = from;
        boolean complete = years.contains(from.getYear());
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            complete &= years.contains(day.getYear());
            if (isWorkingDay(day)) counted++;
        }
        return new Deadline(day, complete);
    }

    /** Working days from `today` (exclusive) to `deadline` (inclusive); negative when past. */
    public int workingDaysLeft(LocalDate today, LocalDate deadline) {
        int n = 0;
        if (!today.isAfter(deadline)) {
            for (LocalDate d = today.plusDays(1); !d.isAfter(deadline); d = d.plusDays(1)) if (isWorkingDay(d)) n++;
            return n;
        }
        for (LocalDate d = deadline.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) if (isWorkingDay(d)) n--;
        return n;
    }
}
