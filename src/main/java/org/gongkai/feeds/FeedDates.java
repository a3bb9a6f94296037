package org.gongkai.feeds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as feeds write them in the wild: RFC 822 with or without the weekday and with a zone name or offset,
 * ISO 8601 / W3C, and the forms Chinese portals use ("2026-11-20 09:30:00", "2026/11/20 09:30", "2026年11月20日",
 * "2026-11-20"). A date without a zone is in the display zone; one that cannot be read is empty, never a guess.
 */
final class FeedDates {
    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss] zzz"),
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss] xx"),
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss] XXX"),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME);
    private static final List<DateTimeFormatter> LOCAL = List.of(
            pattern("yyyy-M-d HH:mm[:ss]"), pattern("yyyy/M/d HH:mm[:ss]"), pattern("yyyy-M-d'T'HH:mm[:ss]"),
            pattern("yyyy年M月d日 HH:mm[:ss]"), pattern("yyyy.M.d HH:mm[:ss]"));
    private static final List<DateTimeFormatter> DAYS = List.of(
            pattern("yyyy-M-d"), pattern("yyyy/M/d"), pattern("yyyy年M月d日"), pattern("yyyy.M.d"), pattern("yyyyMMdd"));

    private FeedDates() {}

    static Optional<OffsetDateTime> parse(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        String text = raw.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter f : ZONED) {
            try {
                return Optional.of(ZonedDateTime.parse(text, f).toOffsetDateTime());
            } catch (DateTimeParseException ignored) {
                // the next form
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(text, f).atZone(zone).toOffsetDateTime());
            } catch (DateTimeParseException ignored) {
                // the next form
            }
        }
        for (DateTimeFormatter f : DAYS) {
            try {
                return Optional.of(LocalDate.parse(text, f).atStartOfDay(zone).toOffsetDateTime());
            } catch (DateTimeParseException ignored) {
                // the next form
            }
        }
        if (text.matches("\\d{10}|\\d{13}")) { // Unix seconds or milliseconds, as some JSON lists have them
            long n = Long.parseLong(text);
            return Optional.of(java.time.Instant.ofEpochMilli(text.length() == 10 ? n * 1000 : n).atZone(zone).toOffsetDateTime());
        }
        return Optional.empty();
    }

    private static DateTimeFormatter pattern(String p) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(p)
                .toFormatter(Locale.ENGLISH);
    }
}
