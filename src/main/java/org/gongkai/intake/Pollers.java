package org.gongkai.intake;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping a poller's thread: interrupted, then waited for, so that no fetch writes after the App has stopped. */
public final class Pollers {
    private Pollers() {}

    public static void stop(ExecutorService poller) {
        if (poller == null) return;
        poller.shutdownNow();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
