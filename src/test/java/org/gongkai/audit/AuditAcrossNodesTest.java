package org.gongkai.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.Config;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes append to the audit log at once: the database serialises them into one chain that verifies on both. */
class AuditAcrossNodesTest {
    private static final int WRITES_PER_THREAD = 15;

    @Test
    void concurrentAppendsFromTwoNodesMakeOneChainThatVerifiesOnBoth() throws Exception {
        try (TestServer one = TestServer.start(false, c -> c.withCluster(new Config.Cluster("one", true, 1000)));
             TestServer two = one.secondNode("two")) {
            Http adminOne = one.admin();
            Http adminTwo = two.admin();
            long before = adminOne.get("/api/audit/verify").json().get("entries").asLong();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Http admin = t % 2 == 0 ? adminOne : adminTwo;
                int thread = t;
                writers.add(() -> {
                    int created = 0;
                    for (int i = 0; i < WRITES_PER_THREAD; i++) {
                        Http.Response r = admin.post("/api/departments", "{\"code\":\"d" + thread + "x" + i
                                + "\",\"name\":\"部门" + thread + "-" + i + "\"}");
                        if (r.status() == 201) created++;
                    }
                    return created;
                });
            }
            int created = 0;
            for (Future<Integer> f : pool.invokeAll(writers, 120, TimeUnit.SECONDS)) created += f.get();
            pool.shutdown();
            assertThat(created).isEqualTo(4 * WRITES_PER_THREAD);

            for (Http admin : new Http[] {adminOne, adminTwo}) {
                JsonNode verify = admin.get("/api/audit/verify").json();
                assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
                assertThat(verify.get("entries").asLong()).as("every write has its entry")
                        .isGreaterThanOrEqualTo(before + created);
                assertThat(verify.get("problems")).isEmpty();
            }
        }
    }
}
