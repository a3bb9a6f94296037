package org.gongkai.screens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Screens waiting to be paired. Anyone can open a player page and every hello without valid credentials registers
 * a screen, so they are bounded in number (at most maxPending wait at once) and in time (those not seen for
 * forgetAfter are deleted, hourly, on a thread of their own from {@link #start()}).
 */
public final class PendingScreens implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PendingScreens.class);

    private final ScreenStore store;
    private final Clock clock;
    private final int max;
    private final Duration forgetAfter;
    private int pendingEstimate; // guarded by this
    private long pendingCountedAt = Long.MIN_VALUE;
    private ScheduledExecutorService timer;

    public PendingScreens(ScreenStore store, Clock clock, int max, Duration forgetAfter) {
        this.store = store;
        this.clock = clock;
        this.max = max;
        this.forgetAfter = forgetAfter;
    }

    /** Refused registration: too many screens already wait to be paired. */
    public static final class TooMany extends RuntimeException {
        TooMany(int max, Duration forgetAfter) {
            super(max + " screens are already waiting to be paired; pair them in the admin page, or wait:"
                    + " unpaired screens not seen for " + forgetAfter.toHours() + " hours are forgotten");
        }
    }

    /**
     * Takes a place for one more pending screen, or refuses. Counting in the database on every hello would scan the
     * screens table once per screen when thousands reconnect at once; the count is taken at most once a second
     * (System.nanoTime: an interval, not a time of day) and kept up to date locally in between.
     */
    synchronized void reserve() {
        long now = System.nanoTime();
        if (pendingCountedAt == Long.MIN_VALUE || now - pendingCountedAt > 1_000_000_000L) {
            pendingEstimate = store.countPending();
            pendingCountedAt = now;
        }
        if (pendingEstimate >= max) throw new TooMany(max, forgetAfter);
        pendingEstimate++;
    }

    /** Forgets unpaired screens not seen for a while; returns how many. */
    public int forgetStale() {
        return store.deletePendingNotSeenSince(OffsetDateTime.now(clock).minus(forgetAfter));
    }

    /** Forgets stale pending screens a minute after the start and then every hour. */
    public synchronized void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pending-screens"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                int forgotten = forgetStale();
                if (forgotten > 0) LOG.info("Forgot {} unpaired screens that were not seen for a long time", forgotten);
            } catch (RuntimeException e) {
                LOG.error("pending screens: forgetting stale pending screens failed", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
    }
}
