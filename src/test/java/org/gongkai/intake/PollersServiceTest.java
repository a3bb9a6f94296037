package org.gongkai.intake;

import org.gongkai.support.Services;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Of several nodes that find the same source due, one fetches it: the claim is one conditional update. */
class PollersServiceTest {

    @Test
    void ofManyClaimsAtOnceOneLandsAndTheNextIsTakenOnlyAfterTheInterval() throws Exception {
        Services s = Services.fresh();
        long id = s.jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO cap_sources (name, url, interval_seconds, policy) VALUES ('气象台', 'http://127.0.0.1:1/cap', 60, 'severe_at_once')""")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        OffsetDateTime now = OffsetDateTime.parse("2026-12-03T10:00:00+08:00");

        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) claims.add(() -> Pollers.claim(s.jdbi, "cap_sources", id, 60, now));
        int landed = 0;
        for (Future<Boolean> f : nodes.invokeAll(claims, 30, TimeUnit.SECONDS)) {
            if (f.get()) landed++;
        }
        nodes.shutdown();
        assertThat(landed).isEqualTo(1);

        assertThat(Pollers.claim(s.jdbi, "cap_sources", id, 60, now.plusSeconds(59))).as("within the interval").isFalse();
        assertThat(Pollers.claim(s.jdbi, "cap_sources", id, 60, now.plusSeconds(60))).as("due again").isTrue();
    }
}
