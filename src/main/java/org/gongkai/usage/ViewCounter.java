package org.gongkai.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts item views in memory and writes them in batches every few seconds, off the citizen's request: a view
 * costs one map update. Views beyond {@link #MAX_KEYS} distinct keys between two writes are dropped and logged.
 */
public final class ViewCounter implements AutoCloseable {
    static final int MAX_KEYS = 50_000;
    private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

    private final ViewStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final ConcurrentHashMap<ViewStore.Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private ScheduledExecutorService timer;

    public ViewCounter(ViewStore store, Clock clock, ZoneId zone) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    public void start(long flushSeconds) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "view-counter");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::flushQuietly, flushSeconds, flushSeconds, TimeUnit.SECONDS);
    }

    public void viewed(long itemId, String screenId) {
        var key = new ViewStore.Key(itemId, screenId, LocalDate.now(clock.withZone(zone)));
        LongAdder count = pending.get(key);
        if (count == null) {
            if (pending.size() >= MAX_KEYS) {
                dropped.increment();
                return;
            }
            count = pending.computeIfAbsent(key, k -> new LongAdder());
        }
        count.increment();
    }

    /** Writes what was counted since the last write; a key that fails to write is counted again next time. */
    public void flush() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (Map.Entry<ViewStore.Key, LongAdder> e : pending.entrySet()) {
            long n = e.getValue().sumThenReset();
            if (n == 0) {
                // only a past day's key is forgotten: today's may be counted again between the sum and the removal
                if (e.getKey().day().isBefore(today)) pending.remove(e.getKey(), e.getValue());
                continue;
            }
            try {
                store.add(e.getKey(), n);
            } catch (RuntimeException failed) {
                e.getValue().add(n);
                throw failed;
            }
        }
        long lost = dropped.sumThenReset();
        if (lost > 0) log.warn("{} item views dropped: more than {} items and screens counted between two writes", lost, MAX_KEYS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("item views not written yet, will try again: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
        flushQuietly();
    }
}
