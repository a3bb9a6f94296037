package org.gongkai.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.config.ConfigLoader;
import org.gongkai.content.Details;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.gongkai.content.Schedule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of playlist-vectors.json through Playlists; PlaylistVectorsBrowserTest runs the same file through
 * kiosk-web/common/playlist.js. A rule changed on one side only fails one of the two.
 */
class PlaylistVectorsUnitTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** What a case's expect may hold; the first five it must. */
    static final List<String> KEYS = List.of("rotation", "ticker", "alerts", "night", "dimmed", "places", "durations",
            "next", "windowEdge", "notEnded", "deliverable");

    static JsonNode vectors() throws IOException {
        try (InputStream in = PlaylistVectorsUnitTest.class.getResourceAsStream("/playlist-vectors.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void everyCaseGivesWhatTheFileSays() throws IOException {
        JsonNode vectors = vectors();
        int serverDefault = vectors.get("serverDefaultDurationSeconds").asInt();
        assertThat(serverDefault).as("config/gongkai.yaml display.defaultDurationSeconds")
                .isEqualTo(ConfigLoader.defaults().display().defaultDurationSeconds());
        List<String> mismatches = new ArrayList<>();
        int ran = 0;
        for (JsonNode c : vectors.get("cases")) {
            ran++;
            JsonNode expect = c.get("expect");
            ObjectNode actual = actual(vectors, c, serverDefault);
            expect.fieldNames().forEachRemaining(key -> {
                if (!KEYS.contains(key)) mismatches.add(c.get("name").asText() + ": unknown expectation " + key);
            });
            for (String key : KEYS) {
                boolean required = KEYS.indexOf(key) < 5;
                if (!expect.has(key)) {
                    if (required) mismatches.add(c.get("name").asText() + ": expect." + key + " is missing");
                    continue;
                }
                if (!expect.get(key).toString().equals(String.valueOf(actual.get(key)))) { // as JSON: 3 and 3L alike
                    mismatches.add(c.get("name").asText() + ": " + key + " expected " + expect.get(key) + " but was " + actual.get(key));
                }
            }
        }
        System.out.println("PlaylistVectorsUnitTest: ran " + ran + " cases of playlist-vectors.json through Playlists, "
                + mismatches.size() + " mismatches");
        assertThat(ran).as("cases run").isPositive();
        assertThat(mismatches).as("cases where Playlists disagrees with playlist-vectors.json").isEmpty();
    }

    static ObjectNode actual(JsonNode vectors, JsonNode c, int serverDefault) {
        ZoneId zone = ZoneId.of(text(c, "zone", vectors.get("zone").asText()));
        Instant at = instant(c.get("at"));
        boolean strip = c.path("strip").asBoolean(false);
        JsonNode group = c.get("group");
        List<Item> items = StreamSupport.stream(c.get("items").spliterator(), false)
                .map(i -> item(vectors.get("itemDefaults"), i)).toList();
        Playlists.OnScreen on = Playlists.onScreen(items, text(group, "nightStart", null), text(group, "nightEnd", null),
                at, zone, strip);
        int groupSeconds = Playlists.groupDurationSeconds(group.hasNonNull("defaultDurationSeconds")
                ? group.get("defaultDurationSeconds").asInt() : null, serverDefault);
        Duration horizon = Duration.ofDays(c.path("horizonDays").asInt(vectors.get("horizonDays").asInt()));

        ObjectNode out = JSON.createObjectNode();
        out.set("rotation", ids(on.rotation()));
        out.set("ticker", ids(on.ticker()));
        out.set("alerts", ids(on.alerts()));
        out.put("night", on.night());
        out.put("dimmed", on.dimmed());
        out.set("places", array(items, i -> Playlists.placeOf(i, strip).name().toLowerCase(Locale.ROOT)));
        out.set("durations", array(on.rotation(), i -> Playlists.durationSeconds(i, groupSeconds)));
        if (c.has("player")) {
            Item next = Playlists.nextItem(on.rotation(), id(c.get("player").get("shown")), id(c.get("player").get("last")));
            if (next == null) out.putNull("next");
            else out.put("next", next.id());
        }
        if (c.has("since")) out.put("windowEdge", Playlists.windowEdgePassed(items, instant(c.get("since")), at));
        out.set("notEnded", ids(items.stream().filter(i -> !Playlists.ended(i, at)).toList()));
        out.set("deliverable", ids(items.stream()
                .filter(i -> Playlists.deliverable(i, group.get("code").asText(), at, horizon)).toList()));
        return out;
    }

    static Item item(JsonNode defaults, JsonNode given) {
        ObjectNode n = defaults.deepCopy();
        n.setAll((ObjectNode) given);
        long id = n.get("id").asLong();
        OffsetDateTime created = time(n.get("createdAt"));
        JsonNode alert = n.get("alert");
        return Item.builder().id(id).kind(ItemKind.parse(n.get("kind").asText())).title("item " + id).bodyFormat("text")
                .department("d").category("notices").tags(strings(n.get("tags"))).publishStart(time(n.get("publishStart")))
                .publishEnd(time(n.get("publishEnd"))).priority(n.get("priority").asInt())
                .durationSeconds(n.get("durationSeconds").isNull() ? null : n.get("durationSeconds").asInt())
                .schedule(schedule(n.get("schedule"))).targetGroups(strings(n.get("targetGroups")))
                .details(alert.isNull() ? null : new Details.Alert(alert.get("level").asText(), "other", "全县", null))
                .status(ItemStatus.parse(n.get("status").asText())).version(1).shortCode("C" + id)
                .createdAt(created).createdBy("a").updatedAt(created).updatedBy("a").build();
    }

    static Schedule schedule(JsonNode s) {
        if (s.isNull()) return null;
        List<Integer> days = s.get("days").isNull() ? null
                : StreamSupport.stream(s.get("days").spliterator(), false).map(JsonNode::asInt).toList();
        List<Schedule.TimeRange> hours = s.get("hours").isNull() ? null
                : StreamSupport.stream(s.get("hours").spliterator(), false)
                        .map(r -> new Schedule.TimeRange(r.get("from").asText(), r.get("to").asText())).toList();
        return new Schedule(days, hours);
    }

    static List<String> strings(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }

    static OffsetDateTime time(JsonNode t) {
        return t == null || t.isNull() ? null : OffsetDateTime.parse(t.asText());
    }

    static Instant instant(JsonNode t) {
        return OffsetDateTime.parse(t.asText()).toInstant();
    }

    static Long id(JsonNode n) {
        return n == null || n.isNull() ? null : n.asLong();
    }

    static String text(JsonNode node, String field, String otherwise) {
        return node.hasNonNull(field) ? node.get(field).asText() : otherwise;
    }

    static ArrayNode ids(List<Item> items) {
        return array(items, Item::id);
    }

    static <T> ArrayNode array(List<Item> items, Function<Item, T> value) {
        return JSON.valueToTree(items.stream().map(value).toList());
    }

    @Test
    void theFileCoversEveryRuleAndKey() throws IOException {
        Set<String> seen = new java.util.HashSet<>();
        vectors().get("cases").forEach(c -> c.get("expect").fieldNames().forEachRemaining(seen::add));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(KEYS);
    }
}
