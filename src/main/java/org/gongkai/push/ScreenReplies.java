package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.screens.Screen;
import org.gongkai.web.Json;

import java.time.Instant;

/**
 * The messages about a screen itself rather than content, built without any socket: welcome (who it is, its status,
 * the server's time), pong, error, and the answer to a batch of plays. {@link PushMessages} builds the content.
 */
final class ScreenReplies {
    private ScreenReplies() {}

    /** @param newSecret the secret of a screen registered just now (sent once), else null */
    static String welcome(Screen screen, String newSecret, Instant now) {
        ObjectNode w = Json.MAPPER.createObjectNode();
        w.put("type", "welcome");
        w.put("screenId", screen.id());
        if (newSecret != null) w.put("secret", newSecret);
        w.put("status", screen.status());
        w.put("name", screen.name());
        w.put("group", screen.group());
        w.put("pairingCode", screen.pairingCode());
        w.put("serverTime", now.toString());
        return Json.write(w);
    }

    /** serverTime: the screen keeps the offset of its clock to ours and decides by our time. */
    static String pong(Instant now) {
        return "{\"type\":\"pong\",\"serverTime\":\"" + now + "\"}";
    }

    static String error(String error) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("type", "error");
        e.put("error", error);
        return Json.write(e);
    }

    /** A batch of plays stored: how many were new. */
    static String played(JsonNode batch, int stored) {
        ObjectNode reply = played(batch);
        reply.put("stored", stored);
        return Json.write(reply);
    }

    /** A batch of plays refused as a whole, and why. */
    static String playedRefused(JsonNode batch, String error) {
        ObjectNode reply = played(batch);
        reply.put("error", error);
        return Json.write(reply);
    }

    private static ObjectNode played(JsonNode batch) {
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.put("type", "played");
        reply.set("batch", batch);
        return reply;
    }
}
