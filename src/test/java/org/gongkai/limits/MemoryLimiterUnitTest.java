package org.gongkai.limits;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter's rules on a clock the test moves: windows, slots given back, all-or-nothing, a bounded memory. */
class MemoryLimiterUnitTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T01:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final MemoryLimiter limiter = new MemoryLimiter(clock);
    final Limiter.Rule three = new Limiter.Rule("three", 3, Duration.ofMinutes(10));

    @Test
    void aFullWindowSaysHowLongToWaitAndOpensWhenItEnds() {
        for (int i = 0; i < 3; i++) assertThat(limiter.acquire(three, "a")).isZero();
        assertThat(limiter.acquire(three, "a")).isEqualTo(600);
        assertThat(limiter.acquire(three, "b")).as("another key is not affected").isZero();
        clock.now = clock.now.plusSeconds(599);
        assertThat(limiter.waitSeconds(three, "a")).isEqualTo(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.waitSeconds(three, "a")).isZero();
        assertThat(limiter.acquire(three, "a")).isZero();
    }

    @Test
    void aReleasedSlotCanBeTakenAgain() {
        for (int i = 0; i < 3; i++) limiter.acquire(three, "a");
        limiter.release(three, "a");
        assertThat(limiter.acquire(three, "a")).isZero();
        assertThat(limiter.acquire(three, "a")).isPositive();
    }

    @Test
    void acquireAllTakesEverySlotOrNone() {
        Limiter.Rule one = new Limiter.Rule("one", 1, Duration.ofMinutes(5));
        limiter.acquire(one, "full");
        List<Limiter.Slot> slots = List.of(new Limiter.Slot(three, "x"), new Limiter.Slot(one, "full"));
        assertThat(limiter.acquireAll(slots)).isEqualTo(300);
        for (int i = 0; i < 3; i++) assertThat(limiter.acquire(three, "x")).as("the first slot was given back").isZero();
    }

    @Test
    void aFloodOfKeysCannotGrowWithoutBound() {
        Limiter.Rule rule = new Limiter.Rule("flood", 1, Duration.ofMinutes(1));
        for (int i = 0; i < MemoryLimiter.MAX_KEYS + 1000; i++) limiter.acquire(rule, "k" + i);
        assertThat(limiter.size()).isEqualTo(MemoryLimiter.MAX_KEYS);
        assertThat(limiter.acquire(rule, "new")).as("refused while full").isPositive();
        clock.now = clock.now.plusSeconds(61);
        assertThat(limiter.acquire(rule, "new")).as("ended windows are swept out").isZero();
        assertThat(limiter.size()).isEqualTo(1);
    }
}
