package org.gongkai.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;
import org.gongkai.content.Item;
import org.gongkai.content.ItemInput;
import org.gongkai.content.ItemService;
import org.gongkai.departments.Department;
import org.gongkai.departments.DepartmentStore;
import org.gongkai.screens.ScreenGroup;
import org.gongkai.screens.ScreenStore;
import org.gongkai.web.ApiException;
import org.gongkai.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Loads config/demo/ into an empty database: departments, screen groups, and items through the same service
 * (and validation) that the API uses. Demo dates are days relative to the first start, so the demo stays current,
 * and each item counts as approved on its own date (see approvedAt).
 */
public final class DemoLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    private static final String ACTOR = "demo";
    private static final int UNDATED_DAYS = 90;

    private final Config config;
    private final DepartmentStore departments;
    private final ScreenStore screens;
    private final ItemService items;
    private final ZoneId zone;
    private final Clock clock;

    public DemoLoader(Config config, DepartmentStore departments, ScreenStore screens, ItemService items, Clock clock) {
        this.config = config;
        this.departments = departments;
        this.screens = screens;
        this.items = items;
        this.zone = config.display().zone();
        this.clock = clock;
    }

    public void loadIfEmpty() {
        if (!departments.list().isEmpty()) return;
        String dir = config.demo();
        for (JsonNode d : read(dir + "/departments.yaml").path("departments")) {
            departments.insert(Json.MAPPER.convertValue(d, Department.class));
        }
        for (JsonNode g : read(dir + "/screen-groups.yaml").path("screenGroups")) {
            screens.insertGroup(Json.MAPPER.convertValue(g, ScreenGroup.class));
        }
        String itemsFile = dir + "/items.yaml";
        int count = 0;
        JsonNode list = read(itemsFile).path("items");
        for (int i = 0; i < list.size(); i++) {
            ObjectNode node = list.get(i).deepCopy();
            JsonNode interpretations = node.remove("interpretations");
            Item created = create(itemsFile, "items[" + i + "]", node, null);
            count++;
            for (int j = 0; interpretations != null && j < interpretations.size(); j++) {
                create(itemsFile, "items[" + i + "].interpretations[" + j + "]", interpretations.get(j).deepCopy(), created.id());
                count++;
            }
        }
        LOG.info("Loaded the demo content: {} items", count);
    }

    private Item create(String file, String where, ObjectNode node, Long policyId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        JsonNode start = node.remove("startDays");
        JsonNode end = node.remove("endDays");
        OffsetDateTime startAt = start == null ? null : today.plusDays(start.asLong()).atStartOfDay(zone).toOffsetDateTime();
        if (startAt != null) node.put("publishStart", startAt.toString());
        if (end != null) node.put("publishEnd", today.plusDays(end.asLong()).atStartOfDay(zone).toOffsetDateTime().toString());
        if (policyId != null) {
            node.put("kind", "interpretation");
            ObjectNode interpretation = node.has("interpretation") ? (ObjectNode) node.get("interpretation") : node.putObject("interpretation");
            interpretation.put("policyId", policyId);
        }
        try {
            return items.importApproved(Json.MAPPER.treeToValue(node, ItemInput.class), ACTOR, approvedAt(startAt, today));
        } catch (ApiException e) {
            throw new ConfigException("demo file " + file + ": " + where + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException("demo file " + file + ": " + where + ": " + e.getMessage());
        }
    }

    /**
     * When a demo item counts as approved, so that the freshness report sees a county with a history rather than
     * every department publishing on the day of the first start: on its own publish date, or now if that is still
     * to come (it was approved ahead of its start); an item without a date (an office guide, a department's
     * functions) is standing content, approved UNDATED_DAYS before the first start.
     */
    private OffsetDateTime approvedAt(OffsetDateTime start, LocalDate today) {
        if (start == null) return today.minusDays(UNDATED_DAYS).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return start.isAfter(now) ? now : start;
    }

    private JsonNode read(String relative) {
        ConfigLoader.Resource resource = ConfigLoader.locate(config, relative);
        try {
            return resource.file() != null ? ConfigLoader.YAML.readTree(resource.file().toFile())
                    : ConfigLoader.readClasspath(resource.classpath());
        } catch (IOException e) {
            throw new ConfigException("demo file " + resource.describe() + ": " + e.getMessage());
        }
    }

}
