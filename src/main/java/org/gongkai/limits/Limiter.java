package org.gongkai.limits;

import java.time.Duration;
import java.util.List;

/**
 * Counts what a caller does, per key, in fixed windows: at most {@code rule.max()} in {@code rule.window()} from the
 * first one. Three operations only, so that the state can move from this node's memory ({@link MemoryLimiter}) to a
 * database table shared by several nodes (one row per rule and key: window start and count; acquire is an
 * UPDATE ... SET count = count + 1 WHERE count < max, or an INSERT for a new or expired window).
 */
public interface Limiter {
    /** A named limit: at most max events per key in window. */
    record Rule(String name, int max, Duration window) {}

    /** One rule applied to one key, e.g. "5 wrong check codes per 15 minutes" to "address 198.51.100.7". */
    record Slot(Rule rule, String key) {}

    /** Takes one of the rule's slots for key: 0 when taken, otherwise the seconds until the key's window ends. */
    long acquire(Rule rule, String key);

    /** Gives back a slot that acquire took (an attempt that turned out not to count). */
    void release(Rule rule, String key);

    /** The seconds key must wait before it may act under rule (0: now), without taking a slot. */
    long waitSeconds(Rule rule, String key);

    /** Takes a slot under every rule, or none at all: then the longest wait of those that are full. */
    default long acquireAll(List<Slot> slots) {
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

    default void releaseAll(List<Slot> slots) {
        for (Slot s : slots) release(s.rule(), s.key());
    }
}
