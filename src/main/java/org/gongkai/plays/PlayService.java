package org.gongkai.plays;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.web.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Checks and stores the plays a screen reports; every rejection names the entry and field. */
public final class PlayService {
    public static final int MAX_BATCH = 500;
    private static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);
    private static final int MAX_DURATION_MS = 24 * 3600 * 1000;

    private final PlayStore store;
    private final Clock clock;

    public PlayService(PlayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The "plays" array of a screen's "played" message; returns how many were new. */
    public int record(String screenId, JsonNode plays) {
        if (plays == null || !plays.isArray()) throw ApiException.badRequest("plays", "plays must be a list");
        if (plays.size() > MAX_BATCH) throw ApiException.badRequest("plays", "plays has more than " + MAX_BATCH + " entries; send smaller batches");
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Play> out = new ArrayList<>();
        for (int i = 0; i < plays.size(); i++) {
            out.add(play(screenId, plays.get(i), "plays[" + i + "]", now));
        }
        return store.insert(screenId, out);
    }

    public List<Play> latest(String screenId, int limit) {
        return store.latest(screenId, limit);
    }

    private static Play play(String screenId, JsonNode p, String at, OffsetDateTime now) {
        if (p == null || !p.isObject()) throw ApiException.badRequest(at, at + " must be an object");
        JsonNode item = p.get("itemId");
        if (item == null || !item.canConvertToLong() || item.asLong() <= 0) {
            throw ApiException.badRequest(at + ".itemId", at + ".itemId must be an item id");
        }
        JsonNode version = p.get("itemVersion");
        if (version != null && !version.isNull() && (!version.canConvertToInt() || version.asInt() < 1)) {
            throw ApiException.badRequest(at + ".itemVersion", at + ".itemVersion must be a version number");
        }
        OffsetDateTime start;
        try {
            start = OffsetDateTime.parse(p.path("start").asText());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(at + ".start", at + ".start must be a date-time with offset");
        }
        if (start.isAfter(now.plus(CLOCK_SLACK)) || start.isBefore(now.minus(MAX_AGE))) {
            throw ApiException.badRequest(at + ".start", at + ".start must be within the last 30 days");
        }
        JsonNode duration = p.get("durationMs");
        if (duration == null || !duration.canConvertToInt() || duration.asInt() < 0 || duration.asInt() > MAX_DURATION_MS) {
            throw ApiException.badRequest(at + ".durationMs", at + ".durationMs must be a number of milliseconds up to a day");
        }
        return new Play(screenId, item.asLong(), version == null || version.isNull() ? null : version.asInt(), start,
                duration.asInt(), now);
    }
}
