package org.gongkai.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Counts what a caller does, per key, in windows kept in the database ({@link LimitStore}), so that every node
 * counts the same: at most {@code rule.max()} in {@code rule.window()} from the first one, or, for a sliding rule,
 * until {@code rule.window()} has passed since the last one counted.
 */
public final class Limiter {
    /** A named limit: at most max events per key in window. */
    public record Rule(String name, int max, Duration window, boolean slides) {
        public Rule(String name, int max, Duration window) {
            this(name, max, window, false);
        }

        /** A rule whose window ends a full window after the last event it counted (a lock that each try renews). */
        public static Rule sliding(String name, int max, Duration window) {
            return new Rule(name, max, window, true);
        }
    }

    /** One rule applied to one key, e.g. "5 wrong check codes per 15 minutes" to "address 198.51.100.7". */
    public record Slot(Rule rule, String key) {}

    private final LimitStore store;
    private final Clock clock;

    public Limiter(LimitStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Takes one of the rule's slots for key: 0 when taken, otherwise the seconds until the key's window ends. */
    public long acquire(Rule rule, String key) {
        long now = clock.millis();
        if (store.take(rule.name(), key, rule.max(), now, now + rule.window().toMillis(), rule.slides())) return 0;
        long wait = waitSeconds(rule, key);
        return wait > 0 ? wait : seconds(rule.window().toMillis());
    }

    /** Gives back a slot that acquire took (an attempt that turned out not to count). */
    public void release(Rule rule, String key) {
        store.giveBack(rule.name(), key, clock.millis());
    }

    /** Forgets everything counted for key under rule. */
    public void reset(Rule rule, String key) {
        store.forget(rule.name(), key);
    }

    /** The seconds key must wait before it may act under rule (0: now), without taking a slot. */
    public long waitSeconds(Rule rule, String key) {
        long now = clock.millis();
        return store.find(rule.name(), key)
                .filter(w -> w.endsAt() > now && w.events() >= rule.max())
                .map(w -> seconds(w.endsAt() - now)).orElse(0L);
    }

    /** Takes a slot under every rule, or none at all: then the longest wait of those that are full. */
    public long acquireAll(List<Slot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            long wait = acquire(slots.get(i).rule(), slots.get(i).key());
            if (wait > 0) {
                releaseAll(slots.subList(0, i));
                for (Slot later : slots.subList(i + 1, slots.size())) wait = Math.max(wait, waitSeconds(later.rule(), later.key()));
                return wait;
            }
        }
        return 0;
    }

    public void releaseAll(List<Slot> slots) {
        for (Slot s : slots) release(s.rule(), s.key());
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
