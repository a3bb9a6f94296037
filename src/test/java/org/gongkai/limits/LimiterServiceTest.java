package org.gongkai.limits;

import org.gongkai.support.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter's rules on a real database and a clock the test moves: windows, slots given back, all-or-nothing. */
class LimiterServiceTest {
    final Limiter.Rule three = new Limiter.Rule("three", 3, Duration.ofMinutes(10));
    Services s;
    Limiter limiter;

    @BeforeEach
    void fresh() {
        s = Services.fresh();
        limiter = new Limiter(new LimitStore(s.jdbi), s.clock);
    }

    @Test
    void aFullWindowSaysHowLongToWaitAndOpensWhenItEnds() {
        for (int i = 0; i < 3; i++) assertThat(limiter.acquire(three, "a")).isZero();
        assertThat(limiter.acquire(three, "a")).isEqualTo(600);
        assertThat(limiter.acquire(three, "b")).as("another key is not affected").isZero();
        s.clock.advance(Duration.ofSeconds(599));
        assertThat(limiter.waitSeconds(three, "a")).isEqualTo(1);
        s.clock.advance(Duration.ofSeconds(1));
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
    void aSlidingWindowEndsAFullWindowAfterTheLastEventCounted() {
        Limiter.Rule sliding = Limiter.Rule.sliding("sliding", 2, Duration.ofMinutes(10));
        limiter.acquire(sliding, "a");
        s.clock.advance(Duration.ofMinutes(9));
        limiter.acquire(sliding, "a");
        s.clock.advance(Duration.ofMinutes(2));
        assertThat(limiter.acquire(sliding, "a")).as("the second event renewed the window").isEqualTo(480);
        limiter.reset(sliding, "a");
        assertThat(limiter.acquire(sliding, "a")).isZero();
    }

    @Test
    void endedWindowsAreDeletedAndNoKeyIsStoredInPlain() {
        limiter.acquire(three, "198.51.100.7");
        s.clock.advance(Duration.ofMinutes(11));
        limiter.acquire(new Limiter.Rule("other", 1, Duration.ofMinutes(1)), "198.51.100.8");
        List<String> subjects = s.jdbi.withHandle(h -> h.createQuery("SELECT subject FROM limit_windows").mapTo(String.class).list());
        assertThat(subjects).as("the ended window is gone, the new one is hashed").hasSize(1)
                .allMatch(subject -> subject.matches("[0-9a-f]{64}"));
    }

    @Test
    void parallelCallersOnOneKeyTakeExactlyTheMax() throws Exception {
        Limiter.Rule ten = new Limiter.Rule("ten", 10, Duration.ofMinutes(10));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Long>> waits = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) waits.add(pool.submit(() -> limiter.acquire(ten, "same")));
            long taken = 0;
            for (var w : waits) if (w.get(30, java.util.concurrent.TimeUnit.SECONDS) == 0) taken++;
            assertThat(taken).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }
}
