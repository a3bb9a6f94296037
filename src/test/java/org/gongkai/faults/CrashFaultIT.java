package org.gongkai.faults;

import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.JarServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar killed with SIGKILL in the middle of a burst of publishes, then started again on the same data dir:
 * every publish that was answered 2xx is still there and published, and nothing is half-written.
 */
class CrashFaultIT {
    private static final int ROUNDS = 3;

    @TempDir
    Path tmp;

    @Test
    void killDuringABurstLosesNothingThatWasAnswered() throws Exception {
        Path data = tmp.resolve("data");
        List<Long> answered = new ArrayList<>();
        String reviewerName = "reviewer1";
        for (int round = 1; round <= ROUNDS; round++) {
            try (JarServer server = JarServer.start(data)) {
                Http admin = server.admin();
                Http editor;
                Http reviewer;
                if (round == 1) {
                    Fixtures.basics(admin);
                    editor = FaultChecks.staff(admin, server.base, "editor1", "editor", "hrss");
                    reviewer = FaultChecks.staff(admin, server.base, reviewerName, "reviewer", null);
                } else {
                    assertThat(server.anonymous().get("/health").json().get("status").asText()).isEqualTo("ok");
                    FaultChecks.publishedThroughApi(admin, answered);
                    editor = login(server, "editor1");
                    reviewer = login(server, reviewerName);
                }
                long started = System.nanoTime();
                try (FaultChecks.Burst burst = new FaultChecks.Burst(admin, editor, reviewer, "r" + round)) {
                    burst.awaitPublished(15 * round, 30_000);
                    burst.serverGoesNow();
                    server.kill9(); // requests are in flight: each thread is between sending and its answer
                    burst.close(); // every answer that came before the kill is counted
                    answered.addAll(burst.published);
                    System.out.printf("round %d: %d requests, %d publishes answered 2xx, killed after %d ms%n", round,
                            burst.attempts.get(), burst.published.size(), (System.nanoTime() - started) / 1_000_000);
                }
            }
        }

        long restart = System.nanoTime();
        try (JarServer server = JarServer.start(data)) {
            System.out.printf("restart after the last kill: serving in %d ms%n", (System.nanoTime() - restart) / 1_000_000);
            assertThat(server.stderr()).as("a clean start").doesNotContain("ERROR").doesNotContain("Exception");
            Http admin = server.admin();
            FaultChecks.publishedThroughApi(admin, answered);
            assertThat(server.stop()).as("exit code after SIGTERM").isZero();
            assertThat(server.stdout() + server.stderr()).doesNotContain("ERROR");
        }
        int items = FaultChecks.consistentOnDisk(data, answered);
        System.out.printf("%d publishes answered 2xx over %d kills, all present; %d items on disk%n", answered.size(), ROUNDS, items);
    }

    private static Http login(JarServer server, String username) {
        Http http = new Http(server.base);
        assertThat(http.login(username, username + "-password").status()).isEqualTo(200);
        return http;
    }
}
