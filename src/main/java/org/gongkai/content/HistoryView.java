package org.gongkai.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.gongkai.web.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An item's history as staff read it: who did what and when, and for each saved text what changed since the last. */
final class HistoryView {
    /** The fields a reader of the history cares about, in the order shown. */
    private static final List<String> FIELDS = List.of("title", "summary", "body", "guide", "policy", "interpretation",
            "alert", "category", "tags", "sourceUrl", "publishStart", "publishEnd", "priority", "durationSeconds",
            "schedule", "targetGroups");

    private HistoryView() {}

    static List<ObjectNode> of(List<ItemHistory.Entry> entries) {
        List<ObjectNode> result = new ArrayList<>();
        Map<String, List<String>> previous = Map.of();
        for (ItemHistory.Entry e : entries) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("id", e.id()).put("version", e.version()).put("action", e.action().code()).put("actor", e.actor())
                    .put("at", e.at().toString()).put("note", e.note());
            JsonNode snapshot = parse(e.snapshot());
            if (snapshot.isObject()) {
                Map<String, List<String>> current = lines(snapshot);
                node.set("changes", changes(previous, current));
                previous = current;
            }
            result.add(node);
        }
        return result;
    }

    private static ArrayNode changes(Map<String, List<String>> before, Map<String, List<String>> after) {
        ArrayNode changes = Json.MAPPER.createArrayNode();
        for (String field : FIELDS) {
            List<String> old = before.getOrDefault(field, List.of());
            List<String> now = after.getOrDefault(field, List.of());
            if (old.equals(now)) continue;
            ArrayNode lines = changes.addObject().put("field", field).putArray("lines");
            for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
                delta.getSource().getLines().forEach(l -> lines.addObject().put("op", "-").put("text", l));
                delta.getTarget().getLines().forEach(l -> lines.addObject().put("op", "+").put("text", l));
            }
        }
        return changes;
    }

    private static Map<String, List<String>> lines(JsonNode snapshot) {
        Map<String, List<String>> result = new HashMap<>();
        for (String field : FIELDS) {
            JsonNode value = snapshot.get(field);
            if (value == null || value.isNull()) continue;
            List<String> lines = new ArrayList<>();
            if (field.startsWith("publish")) {
                lines.add(java.time.OffsetDateTime.parse(value.asText()).toInstant().toString()); // one spelling per instant
            } else {
                flatten(value, "", lines);
            }
            result.put(field, lines);
        }
        return result;
    }

    /** Text as its lines; structures as one "path: value" line per leaf, so that a diff names what changed. */
    private static void flatten(JsonNode value, String path, List<String> out) {
        if (value.isObject()) {
            value.fields().forEachRemaining(f -> flatten(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) flatten(value.get(i), path + "[" + i + "]", out);
        } else if (!value.isNull()) {
            String text = value.asText();
            if (path.isEmpty()) out.addAll(List.of(text.split("\n", -1)));
            else out.add(path + ": " + text);
        }
    }

    private static JsonNode parse(String snapshot) {
        try {
            return Json.MAPPER.readTree(snapshot == null ? "null" : snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored history snapshot does not parse", e);
        }
    }
}
