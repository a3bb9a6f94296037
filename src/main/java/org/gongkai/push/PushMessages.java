package org.gongkai.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStore;
import org.gongkai.content.ItemViews;
import org.gongkai.schedule.Deliveries;
import org.gongkai.schedule.Playlists;
import org.gongkai.screens.ScreenGroup;
import org.gongkai.screens.ScreenStore;
import org.gongkai.web.Json;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the push hub sends to screens, built without any socket: a change (what is new or gone for a group), a
 * screen's catch-up after a reconnect, and a group's snapshot. The hub decides who gets which and when.
 */
final class PushMessages {
    private final ItemStore items;
    private final Deliveries deliveries;
    private final ItemViews views;
    private final ScreenStore screens;
    private final PushHub.Settings settings;
    private final java.util.function.LongSupplier safeVersion;
    private final Clock clock;

    /** @param safeVersion the content version a screen may say it holds: nothing below it is still to come */
    PushMessages(ItemStore items, ItemViews views, ScreenStore screens, PushHub.Settings settings,
                 java.util.function.LongSupplier safeVersion, Clock clock) {
        this.items = items;
        this.deliveries = new Deliveries(items);
        this.views = views;
        this.screens = screens;
        this.settings = settings;
        this.safeVersion = safeVersion;
        this.clock = clock;
    }

    /**
     * What a screen of the group that holds lastVersion missed, as one change message; empty when it must get a
     * whole snapshot instead: the version is unknown or too much changed since, or the content it holds is another
     * group's (it was regrouped while away).
     */
    Optional<String> catchUp(String group, Long lastVersion, String heldGroup) {
        long current = safeVersion.getAsLong();
        boolean sameGroup = heldGroup == null || heldGroup.equals(group);
        if (sameGroup && lastVersion != null && lastVersion > 0 && lastVersion <= current) {
            Optional<List<Long>> missed = items.missedSince(lastVersion, settings.maxMissedChanges(),
                    OffsetDateTime.now(clock), settings.horizon());
            if (missed.isPresent()) {
                return Optional.of(change(group, current, items.findAll(missed.get()), missed.get(), true));
            }
        }
        return Optional.empty();
    }

    String change(String group, long version, List<Item> changed, List<Long> ids, boolean withSettings) {
        return change(group, version, changed, ids, views(changed), withSettings);
    }

    /** The screen views of items, in their order; built once per change and shared by every group's message. */
    List<ObjectNode> views(List<Item> changed) {
        return changed.isEmpty() ? List.of() : views.of(changed, false);
    }

    /** Items of ids the group should hold (Playlists.deliverable) go out in full; the others are named as removed. */
    String change(String group, long version, List<Item> changed, List<Long> ids, List<ObjectNode> changedViews,
                  boolean withSettings) {
        Instant now = clock.instant();
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("type", "change");
        m.put("version", version);
        var itemsOut = m.putArray("items");
        var alertsOut = m.putArray("alerts");
        var removed = m.putArray("removed");
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            Item item = changed.get(i);
            if (Playlists.deliverable(item, group, now, settings.horizon())) {
                (item.kind() == ItemKind.ALERT ? alertsOut : itemsOut).add(changedViews.get(i));
                kept.add(item.id());
            }
        }
        ids.stream().distinct().filter(id -> !kept.contains(id)).forEach(removed::add);
        if (withSettings) m.set("group", groupSettings(group));
        return Json.write(m);
    }

    /** Everything a screen of the group must hold now, with the group's settings. */
    String snapshot(String group) {
        long version = safeVersion.getAsLong();
        List<Item> deliverable = deliveries.deliverableTo(group, clock.instant(), settings.horizon());
        List<ObjectNode> all = deliverable.isEmpty() ? List.of() : views.of(deliverable, false);
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("type", "snapshot");
        s.put("version", version);
        s.set("group", groupSettings(group));
        var itemsOut = s.putArray("items");
        var alertsOut = s.putArray("alerts");
        for (int i = 0; i < deliverable.size(); i++) {
            (deliverable.get(i).kind() == ItemKind.ALERT ? alertsOut : itemsOut).add(all.get(i));
        }
        return Json.write(s);
    }

    ObjectNode groupSettings(String code) {
        Optional<ScreenGroup> group = screens.group(code);
        ObjectNode g = Json.MAPPER.createObjectNode();
        g.put("code", code);
        g.put("name", group.map(ScreenGroup::name).orElse(null));
        g.put("defaultDurationSeconds", group.map(ScreenGroup::defaultDurationSeconds).orElse(settings.defaultDurationSeconds()));
        g.put("viewingDistanceMeters", group.map(ScreenGroup::viewingDistanceMeters).orElse(null));
        g.put("screenHeightMeters", group.map(ScreenGroup::screenHeightMeters).orElse(null));
        g.put("nightStart", group.map(ScreenGroup::nightStart).orElse(null));
        g.put("nightEnd", group.map(ScreenGroup::nightEnd).orElse(null));
        g.put("alertSound", group.map(ScreenGroup::alertSound).orElse(true));
        g.put("alertVolume", group.map(ScreenGroup::alertVolume).orElse(ScreenGroup.DEFAULT_ALERT_VOLUME));
        g.put("printLayout", group.map(ScreenGroup::printLayout).orElse(ScreenGroup.NO_PRINTER));
        g.put("timezone", settings.zone().getId());
        g.put("publicBaseUrl", settings.publicBaseUrl());
        return g;
    }
}
