package org.gongkai.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a screen holds after applying the server's messages, the way kiosk-web/common/screen-link.js applies them:
 * a snapshot replaces everything, a change upserts its items and alerts and drops its removals.
 */
public final class HeldContent {
    private final Map<Long, JsonNode> items = new TreeMap<>();
    private String group;
    private long version;

    public HeldContent apply(JsonNode message) {
        String type = message.path("type").asText();
        if (type.equals("snapshot")) {
            items.clear();
            message.get("items").forEach(i -> items.put(i.get("id").asLong(), i));
            message.get("alerts").forEach(i -> items.put(i.get("id").asLong(), i));
            group = message.get("group").get("code").asText();
            version = message.get("version").asLong();
        } else if (type.equals("change")) {
            message.get("items").forEach(i -> items.put(i.get("id").asLong(), i));
            message.get("alerts").forEach(i -> items.put(i.get("id").asLong(), i));
            message.get("removed").forEach(id -> items.remove(id.asLong()));
            if (message.has("group")) group = message.get("group").get("code").asText();
            version = Math.max(version, message.get("version").asLong());
        } else {
            throw new IllegalArgumentException("not a content message: " + message);
        }
        return this;
    }

    public boolean holds(long itemId) {
        return items.containsKey(itemId);
    }

    public java.util.Set<Long> ids() {
        return items.keySet();
    }

    public String group() {
        return group;
    }

    public long version() {
        return version;
    }
}
