package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.web.Json;

/**
 * What a screen sends, read without any socket. A message that cannot be used is {@link Refused} with the text the
 * screen gets back in an error message; the connection stays open.
 */
final class ScreenRequests {
    private ScreenRequests() {}

    /** A refused message; its text is sent to the screen as {"type":"error","error":...}. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** hello after reading: kind is plaza or touch; a field that is absent, of the wrong type or out of range is null. */
    record Hello(String kind, Integer width, Integer height, String screenId, String secret, Long lastVersion,
                 String heldGroup) {}

    /** @return a JSON object with a textual type */
    static JsonNode parse(String text) throws Refused {
        JsonNode msg;
        try {
            msg = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new Refused("message is not valid JSON");
        }
        if (msg == null || !msg.isObject() || !msg.path("type").isTextual()) {
            throw new Refused("message must be a JSON object with a type");
        }
        return msg;
    }

    static String type(JsonNode msg) {
        return msg.get("type").asText();
    }

    /** The error for a type the server does not know; the type is cut to 40 characters. */
    static String unknownType(JsonNode msg) {
        return "unknown message type '" + truncate(type(msg), 40) + "'";
    }

    static Hello hello(JsonNode msg) throws Refused {
        String kind = msg.path("kind").asText("");
        if (!kind.equals("plaza") && !kind.equals("touch")) {
            throw new Refused("hello.kind must be plaza or touch");
        }
        JsonNode last = msg.get("lastVersion");
        return new Hello(kind, dimension(msg.get("width")), dimension(msg.get("height")), text(msg, "screenId"),
                text(msg, "secret"), last != null && last.canConvertToLong() ? last.asLong() : null, text(msg, "group"));
    }

    /** ack: version is required; itemId and itemVersion are optional (null when absent or not numbers). */
    static ScreenAcks.Ack ack(JsonNode msg) throws Refused {
        JsonNode version = msg.get("version");
        if (version == null || !version.canConvertToLong()) {
            throw new Refused("ack.version must be a number");
        }
        JsonNode item = msg.get("itemId");
        JsonNode itemVersion = msg.get("itemVersion");
        return new ScreenAcks.Ack(version.asLong(),
                item != null && item.canConvertToLong() ? item.asLong() : null,
                itemVersion != null && itemVersion.canConvertToInt() ? itemVersion.asInt() : null);
    }

    private static String text(JsonNode msg, String field) {
        JsonNode n = msg.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static Integer dimension(JsonNode n) {
        return n != null && n.canConvertToInt() && n.asInt() > 0 && n.asInt() <= 100_000 ? n.asInt() : null;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
