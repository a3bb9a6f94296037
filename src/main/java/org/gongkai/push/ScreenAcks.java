package org.gongkai.push;

import org.gongkai.screens.ScreenStore;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Collects screens' acks and last-seen times and writes them in batches, not one statement per message. */
final class ScreenAcks {
    /** The content version a screen has applied and, if it said, the item version it shows now. */
    record Ack(long version, Long itemId, Integer itemVersion) {}

    private final ScreenStore screens;
    private final Clock clock;
    private final Map<String, Ack> pending = new ConcurrentHashMap<>();

    ScreenAcks(ScreenStore screens, Clock clock) {
        this.screens = screens;
        this.clock = clock;
    }

    void record(String screenId, Ack ack) {
        pending.put(screenId, ack);
    }

    /** Writes the acks collected so far; when the database cannot take them, they wait for the next flush. */
    void flush() {
        if (pending.isEmpty()) return;
        Map<String, Ack> taken = new java.util.HashMap<>();
        List<ScreenStore.AckRow> rows = new ArrayList<>();
        for (String id : new ArrayList<>(pending.keySet())) {
            Ack a = pending.remove(id);
            if (a == null) continue;
            taken.put(id, a);
            rows.add(new ScreenStore.AckRow(id, a.version(), a.itemId(), a.itemVersion()));
        }
        try {
            screens.ackAll(rows, OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            taken.forEach(pending::putIfAbsent); // an ack that came in meanwhile is newer
            throw e;
        }
    }

    void touch(List<String> screenIds) {
        screens.touchAll(screenIds, OffsetDateTime.now(clock));
    }
}
