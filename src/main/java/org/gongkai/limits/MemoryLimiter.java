package org.gongkai.limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Limiter} in this node's memory: right for one server (with several nodes, each counts on its own). Windows
 * that have ended are swept out as new ones arrive; past {@link #MAX_KEYS} live keys, new keys are refused until a
 * sweep frees room (at most one sweep a second then), so that a flood of made-up keys can neither fill the heap nor
 * make every request walk the whole map.
 */
public final class MemoryLimiter implements Limiter {
    static final int MAX_KEYS = 200_000;
    private static final int SWEEP_EVERY = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(MemoryLimiter.class);

    private record Window(long endMillis, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();
    private volatile long lastSweepMillis = Long.MIN_VALUE;
    private final Clock clock;

    public MemoryLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long acquire(Rule rule, String key) {
        long now = clock.millis();
        if (sinceSweep.incrementAndGet() >= SWEEP_EVERY) sweep(now);
        String k = rule.name() + '\u0000' + key;
        if (windows.size() >= MAX_KEYS && !windows.containsKey(k)) {
            if (now - lastSweepMillis >= 1000) {
                sweep(now);
                if (windows.size() >= MAX_KEYS) {
                    LOG.warn("limiter: {} keys are being counted; refusing new ones ({}) until windows end", windows.size(), rule.name());
                }
            }
            if (windows.size() >= MAX_KEYS) return rule.window().toSeconds();
        }
        long[] wait = {0};
        windows.compute(k, (x, w) -> {
            if (w == null || w.endMillis() <= now) return new Window(now + rule.window().toMillis(), 1);
            if (w.count() < rule.max()) return new Window(w.endMillis(), w.count() + 1);
            wait[0] = seconds(w.endMillis() - now);
            return w;
        });
        return wait[0];
    }

    @Override
    public void release(Rule rule, String key) {
        windows.computeIfPresent(rule.name() + '\u0000' + key, (x, w) ->
                w.count() <= 1 ? null : new Window(w.endMillis(), w.count() - 1));
    }

    @Override
    public long waitSeconds(Rule rule, String key) {
        Window w = windows.get(rule.name() + '\u0000' + key);
        long now = clock.millis();
        return w == null || w.endMillis() <= now || w.count() < rule.max() ? 0 : seconds(w.endMillis() - now);
    }

    int size() {
        return windows.size();
    }

    private void sweep(long now) {
        sinceSweep.set(0);
        lastSweepMillis = now;
        windows.values().removeIf(w -> w.endMillis() <= now);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
