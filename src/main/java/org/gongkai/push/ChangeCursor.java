package org.gongkai.push;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far one node has read a table of numbered changes (content_changes, screen_changes) whose numbers come from a
 * sequence and can become visible out of order: number 42's transaction may commit before 41's. A reader that
 * remembered only the highest number read would never see 41. This one keeps {@link #safe()}: every number up to
 * it has been read, or was missing for longer than gapTimeout (a rolled-back transaction's number, which never
 * comes). A number given up on is still looked for during lateWindow ({@link #late}), so that even a transaction
 * slower than gapTimeout is delivered, late. Times are System.nanoTime() values: intervals, not times of day.
 * Not thread-safe: one reader thread owns it.
 */
final class ChangeCursor {
    private static final int MAX_LATE = 1000;

    private final long gapTimeoutNanos;
    private final long lateWindowNanos;
    private volatile long safe; // read by the push hub's thread for snapshots
    private final TreeSet<Long> readAbove = new TreeSet<>(); // read, above safe
    private final TreeMap<Long, Long> topsReadAt = new TreeMap<>(); // each new highest number read → when
    private final Map<Long, Long> late = new LinkedHashMap<>(); // given up on → when

    /**
     * @param start         the highest number in the table when the node starts: what came before is in its snapshot
     * @param missingAtStart numbers below start not in the table then: perhaps not yet committed, so looked for late
     */
    ChangeCursor(long start, Collection<Long> missingAtStart, long nowNanos, long gapTimeoutNanos, long lateWindowNanos) {
        this.safe = start;
        this.gapTimeoutNanos = gapTimeoutNanos;
        this.lateWindowNanos = lateWindowNanos;
        missingAtStart.stream().limit(MAX_LATE).forEach(n -> late.put(n, nowNanos));
    }

    /** Every number up to this one has been read or given up on: the version a screen can safely say it holds. */
    long safe() {
        return safe;
    }

    /** How many numbers above safe were read: the next read must return those again plus the new ones. */
    int readAboveSafe() {
        return readAbove.size();
    }

    /** Numbers given up on within lateWindow, still looked for; older ones are forgotten now. */
    List<Long> late(long nowNanos) {
        late.values().removeIf(since -> nowNanos - since > lateWindowNanos);
        return new ArrayList<>(late.keySet());
    }

    /**
     * Takes the numbers a read returned (those above safe, in any order, and any late ones found) and answers those
     * not seen before, in ascending order; then moves safe past everything read and every gap older than gapTimeout.
     */
    List<Long> accept(Collection<Long> numbers, long nowNanos) {
        List<Long> fresh = new ArrayList<>();
        for (long n : new TreeSet<>(numbers)) {
            if (n <= safe) {
                if (late.remove(n) != null) fresh.add(n);
            } else if (readAbove.add(n)) {
                fresh.add(n);
                if (topsReadAt.isEmpty() || n > topsReadAt.lastKey()) topsReadAt.put(n, nowNanos);
            }
        }
        advance(nowNanos);
        return fresh;
    }

    private void advance(long nowNanos) {
        while (!readAbove.isEmpty()) {
            long next = safe + 1;
            if (readAbove.remove(next)) {
                safe = next;
                continue;
            }
            // next is missing below a number read: it has been missed since the first number above it was read
            long missedSince = topsReadAt.higherEntry(next).getValue();
            if (nowNanos - missedSince < gapTimeoutNanos) break;
            if (late.size() < MAX_LATE) late.put(next, nowNanos);
            safe = next;
        }
        topsReadAt.headMap(safe, true).clear();
    }
}
