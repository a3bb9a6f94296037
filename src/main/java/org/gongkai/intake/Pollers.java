package org.gongkai.intake;

import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What every poller of outside sources (portal feeds, CAP sources) shares: stopping its thread, and claiming a due
 * source so that of several nodes on one database only one fetches it.
 */
public final class Pollers {
    private Pollers() {}

    /** Interrupted, then waited for, so that no fetch writes after the App has stopped. */
    public static void stop(ExecutorService poller) {
        if (poller == null) return;
        poller.shutdownNow();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes a due source for this node: marks it claimed now unless some node claimed it within the last interval.
     * Every node's poller sees the same source due at about the same time; the one whose update lands fetches, the
     * others see no row changed and leave it. table is the caller's constant; it has id and claimed_at.
     */
    public static boolean claim(Jdbi jdbi, String table, long id, int intervalSeconds, OffsetDateTime now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE " + table
                        + " SET claimed_at = :now WHERE id = :id AND (claimed_at IS NULL OR claimed_at <= :before)")
                .bind("now", now).bind("id", id).bind("before", now.minusSeconds(intervalSeconds)).execute() == 1);
    }
}
