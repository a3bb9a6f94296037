package org.gongkai.applications;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Working days by the State Council's yearly holiday notice (YYYY.yaml): holidays off, some weekend days worked.
 * The notices published so far ship in the jar (config/holidays/); a county's holidays/ directory adds years and
 * replaces a shipped year with its own file. A year without a file counts Monday to Friday, and says so.
 */
public final class WorkCalendar {
    public record Deadline(LocalDate date, boolean calendarComplete) {}

    /** One year's notice: where it came from, and whether it is the file shipped in the jar. */
    public record Year(int year, String source, String url, boolean builtIn, Set<LocalDate> off, Set<LocalDate> worked) {}

    private static final String BUILT_IN = "config/holidays/";
    private static final int FIRST_BUILT_IN = 2000;
    private static final int LAST_BUILT_IN = 2100;

    private final Map<Integer, Year> years = new TreeMap<>();

    /** The shipped calendars, overlaid with the county's holidays/ directory. */
    public static WorkCalendar load(org.gongkai.config.Config config) {
        return load(directory(config));
    }

    /** The county's holidays/ directory: next to the config file, or ./config/holidays without one. */
    public static Path directory(org.gongkai.config.Config config) {
        return config.configDir() != null ? config.configDir().resolve("holidays") : Path.of("config", "holidays");
    }

    /** The shipped calendars, overlaid year by year with the files in dir (which may be missing). */
    public static WorkCalendar load(Path dir) {
        WorkCalendar calendar = builtIn();
        if (dir == null || !Files.isDirectory(dir)) return calendar;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[0-9][0-9][0-9][0-9].yaml")) {
            for (Path file : files) calendar.read(file.toString(), file.getFileName().toString(), read(file), false);
        } catch (IOException e) {
            throw new ConfigException("holiday calendars in " + dir + ": " + e.getMessage());
        }
        return calendar;
    }

    /** Only the calendars shipped in the jar. */
    public static WorkCalendar builtIn() {
        WorkCalendar calendar = new WorkCalendar();
        for (int year = FIRST_BUILT_IN; year <= LAST_BUILT_IN; year++) {
            String name = year + ".yaml";
            try (InputStream in = WorkCalendar.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
                if (in != null) calendar.read("built-in " + BUILT_IN + name, name, ConfigLoader.YAML.readTree(in), true);
            } catch (IOException e) {
                throw new ConfigException("built-in holiday calendar " + BUILT_IN + name + ": " + e.getMessage());
            }
        }
        return calendar;
    }

    private static JsonNode read(Path file) {
        try {
            return ConfigLoader.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("holiday calendar " + file + ": " + e.getMessage());
        }
    }

    private void read(String where, String fileName, JsonNode tree, boolean builtIn) {
        int number = tree == null ? -1 : tree.path("year").asInt(-1);
        if (!fileName.equals(number + ".yaml")) {
            throw new ConfigException("holiday calendar " + where + ": key 'year' must be " + fileName.replace(".yaml", ""));
        }
        Set<LocalDate> off = dates(where, tree, "offDays", number);
        Set<LocalDate> worked = dates(where, tree, "workDays", number);
        for (LocalDate day : worked) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new ConfigException("holiday calendar " + where + ": key 'workDays': " + day + " is a "
                        + day.getDayOfWeek().toString().toLowerCase() + "; only a Saturday or Sunday is made a working day");
            }
            if (off.contains(day)) {
                throw new ConfigException("holiday calendar " + where + ": " + day + " is in both offDays and workDays");
            }
        }
        years.put(number, new Year(number, text(tree, "source"), text(tree, "url"), builtIn, Set.copyOf(off), Set.copyOf(worked)));
    }

    private static String text(JsonNode tree, String key) {
        JsonNode v = tree.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static Set<LocalDate> dates(String where, JsonNode year, String key, int number) {
        Set<LocalDate> into = new HashSet<>();
        for (JsonNode d : year.path(key)) {
            try {
                LocalDate date = LocalDate.parse(d.asText());
                if (date.getYear() != number) throw new ConfigException("holiday calendar " + where + ": key '" + key + "': " + date + " is not in " + number);
                into.add(date);
            } catch (DateTimeParseException e) {
                throw new ConfigException("holiday calendar " + where + ": key '" + key + "': '" + d.asText() + "' is not a date (YYYY-MM-DD)");
            }
        }
        return into;
    }

    /** For tests and for calendars built in code. */
    public WorkCalendar with(int year, Set<LocalDate> offDays, Set<LocalDate> workDays) {
        years.put(year, new Year(year, null, null, false, Set.copyOf(offDays), Set.copyOf(workDays)));
        return this;
    }

    /** The years with a notice, in order. */
    public List<Year> years() {
        return List.copyOf(years.values());
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        Year year = years.get(day.getYear());
        if (year != null && year.off().contains(day)) return false;
        if (year != null && year.worked().contains(day)) return true;
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after `from` (the day of receipt itself is not counted). */
    public Deadline addWorkingDays(LocalDate from, int n) {
        LocalDate day = from;
        boolean complete = covers(from.getYear());
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            complete &= covers(day.getYear());
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
