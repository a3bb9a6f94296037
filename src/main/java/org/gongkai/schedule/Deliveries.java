package org.gongkai.schedule;

import org.gongkai.content.Item;
import org.gongkai.content.ItemStore;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Which items a group's screens must receive: the store's candidates for the time span, kept by
 * {@link Playlists#deliverable}. The push hub's snapshots, a screen's resolved playlist and a group's timeline all
 * ask this, so that they agree on what a screen holds.
 */
public final class Deliveries {
    private final ItemStore items;

    public Deliveries(ItemStore items) {
        this.items = items;
    }

    /** Published, aimed at the group, not ended at {@code at}, and starting by {@code at + horizon}. */
    public List<Item> deliverableTo(String group, Instant at, Duration horizon) {
        OffsetDateTime from = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        return items.deliverable(from, from.plus(horizon)).stream()
                .filter(i -> Playlists.deliverable(i, group, at, horizon)).toList();
    }
}
