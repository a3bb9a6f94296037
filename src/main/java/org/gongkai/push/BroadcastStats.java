package org.gongkai.push;

import java.time.Instant;

/**
 * How the last content change went out (/health's push.lastBroadcast): how long it waited behind earlier work on the
 * hub's worker, building its messages, handing them to the sockets.
 */
public record BroadcastStats(long version, int screens, Instant at, double queuedMillis, double buildMillis,
                             double sendMillis) {

    /** From System.nanoTime() at the commit, the start of the work, the messages built and the last one handed over. */
    static BroadcastStats of(long version, int screens, Instant at, long committed, long started, long built, long sent) {
        return new BroadcastStats(version, screens, at, millis(started - committed), millis(built - started),
                millis(sent - built));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
