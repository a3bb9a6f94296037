package org.gongkai.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The real time, plus however far a test has jumped it: a server that keeps ticking, and minutes pass at once. */
public final class JumpingClock extends Clock {
    private final AtomicReference<Duration> ahead;
    private final ZoneId zone;

    public JumpingClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private JumpingClock(AtomicReference<Duration> ahead, ZoneId zone) {
        this.ahead = ahead;
        this.zone = zone;
    }

    /** Moves this clock and every clock made from it by withZone. */
    public void jump(Duration d) {
        ahead.updateAndGet(a -> a.plus(d));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new JumpingClock(ahead, other);
    }
}
