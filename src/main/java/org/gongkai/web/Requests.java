package org.gongkai.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import org.gongkai.accounts.Staff;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Collectors;

/** Small helpers every route uses: the reader's identity, strict JSON bodies, typed query parameters. */
public final class Requests {
    public static final String STAFF = "gongkai.staff";
    public static final String MAX_BODY = "gongkai.maxBody";

    private Requests() {}

    public static Optional<Staff> staff(Context ctx) {
        return Optional.ofNullable(ctx.attribute(STAFF));
    }

    /**
     * The member of staff calling a route that is not public: the route table declares who may call it (Access) and
     * WebSecurity.checkAccess has checked them. 401 when there is none (a route that needs staff declared public).
     */
    public static Staff caller(Context ctx) {
        return staff(ctx).orElseThrow(ApiException::unauthorized);
    }

    public static void require(boolean ok, String field, String message) {
        if (!ok) throw ApiException.badRequest(field, field + " " + message);
    }

    /**
     * 415 unless the body is sent as application/json: for public writes without a session (ratings, views), a form
     * or plain text posted from another web site must not count.
     */
    public static void requireJson(Context ctx, String what) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send the " + what + " as application/json", null);
        }
    }

    /** Reads the body as JSON into the type, at most the configured size; every problem names its field. */
    public static <T> T body(Context ctx, Class<T> type) {
        byte[] bytes = readLimited(ctx);
        if (bytes.length == 0) throw ApiException.badRequest(null, "request body is empty; expected a JSON object");
        return parse(bytes, type);
    }

    /** Like body, for requests whose body may be left out: null when it is empty. */
    public static <T> T optionalBody(Context ctx, Class<T> type) {
        byte[] bytes = readLimited(ctx);
        return bytes.length == 0 ? null : parse(bytes, type);
    }

    private static <T> T parse(byte[] bytes, Class<T> type) {
        try {
            T value = Json.REQUESTS.readValue(bytes, type);
            if (value == null) throw ApiException.badRequest(null, "request body must be a JSON object, not null");
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw ApiException.badRequest(field, "unknown field '" + field + "'");
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest(path(e), "field '" + path(e) + "' has the wrong type or format: expected "
                    + org.gongkai.config.ConfigLoader.friendlyType(e.getTargetType()));
        } catch (ValueInstantiationException e) {
            String cause = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            throw ApiException.badRequest(path(e), "field '" + path(e) + "' " + cause);
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ApiException.badRequest(null, e.getOriginalMessage().startsWith("Trailing token")
                        ? "request body has data after its JSON object" : "request body must be a JSON object");
            }
            throw ApiException.badRequest(field, "field '" + field + "' has the wrong type: expected "
                    + org.gongkai.config.ConfigLoader.friendlyType(e.getTargetType()));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ApiException.badRequest(field.isEmpty() ? null : field, "field '" + field + "' is invalid: " + e.getOriginalMessage());
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest(null, "request body is too deeply nested or has an oversized value");
        } catch (JsonParseException e) {
            throw ApiException.badRequest(null, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest(null, "request body is not valid UTF-8 JSON");
        }
    }

    /** The raw body, at most the configured size (a larger one is refused naming the limit). */
    public static byte[] bytes(Context ctx) {
        return readLimited(ctx);
    }

    private static byte[] readLimited(Context ctx) {
        long max = ctx.attribute(MAX_BODY) == null ? 1_048_576L : ctx.<Long>attribute(MAX_BODY);
        if (ctx.contentLength() > max) throw tooLarge(max);
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) throw tooLarge(max);
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest(null, "request body could not be read");
        }
    }

    /**
     * Reads and drops what is left of a request body within the limit, after the handler: a route that takes no
     * body still answers a client that sent one, instead of Jetty closing the connection under the client's upload.
     */
    public static void drainBody(Context ctx) {
        long max = ctx.attribute(MAX_BODY) == null ? 1_048_576L : ctx.<Long>attribute(MAX_BODY);
        if (ctx.contentLength() == 0 || ctx.contentLength() > max) return;
        try {
            InputStream in = ctx.bodyInputStream();
            byte[] buffer = new byte[8192];
            long left = max;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) left -= n;
        } catch (IOException | RuntimeException e) {
            // the client went away or the body was already read: nothing to drain
        }
    }

    public static ApiException tooLarge(long max) {
        return new ApiException(413, "request body is larger than the limit of " + max + " bytes", null);
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "query parameter " + name + " must be a whole number from " + min + " to " + max);
        }
    }

    public static long longPath(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a number");
        }
    }

    /** A date-time query parameter, or the fallback when it is absent. */
    public static java.time.OffsetDateTime dateTimeQuery(Context ctx, String name, java.time.OffsetDateTime fallback) {
        return parsedQuery(ctx, name, 40, fallback, within(java.time.OffsetDateTime::parse,
                        t -> t.withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear()),
                "a date-time with offset from the years " + MIN_YEAR + " to " + MAX_YEAR + ", e.g. 2026-11-22T09:00:00+08:00");
    }

    /** A date query parameter (YYYY-MM-DD), or the fallback when it is absent. */
    public static java.time.LocalDate dateQuery(Context ctx, String name, java.time.LocalDate fallback) {
        return parsedQuery(ctx, name, 40, fallback, within(java.time.LocalDate::parse, java.time.LocalDate::getYear),
                "a date YYYY-MM-DD from the years " + MIN_YEAR + " to " + MAX_YEAR + ", e.g. 2026-11-23");
    }

    /**
     * Dates in queries and bodies stay within years any database column, any week or month around them and a
     * player's JavaScript Date can hold: ISO allows +999999999-12-31, which made reports, timelines and the audit
     * log fail with a 500 and was stored as an item's publishEnd.
     */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 9999;

    private static <T> java.util.function.Function<String, T> within(java.util.function.Function<String, T> parse,
                                                                     java.util.function.ToIntFunction<T> year) {
        return raw -> {
            T value = parse.apply(raw);
            int y = year.applyAsInt(value);
            if (y < MIN_YEAR || y > MAX_YEAR) throw new java.time.format.DateTimeParseException("year out of range", raw, 0);
            return value;
        };
    }

    private static <T> T parsedQuery(Context ctx, String name, int maxLength, T fallback,
                                     java.util.function.Function<String, T> parse, String expected) {
        String raw = query(ctx, name, maxLength);
        if (raw == null) return fallback;
        try {
            return parse.apply(raw);
        } catch (java.time.DateTimeException e) { // unparsable, or a time no offset can move into range
            throw ApiException.badRequest(name, "query parameter " + name + " must be " + expected);
        }
    }

    public static String query(Context ctx, String name, int maxLength) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        if (raw.length() > maxLength) throw ApiException.badRequest(name, "query parameter " + name + " is longer than " + maxLength);
        if (raw.indexOf('\u0000') >= 0) throw ApiException.badRequest(name, "query parameter " + name + " must not contain the NUL character (U+0000)");
        return raw.strip();
    }
}
