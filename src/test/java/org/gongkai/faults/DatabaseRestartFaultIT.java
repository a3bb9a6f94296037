package org.gongkai.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.gongkai.support.DatabaseProxy;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.JarServer;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The jar on PostgreSQL (configured by its file, migrating the schema itself) while its database server is away:
 * with the pool as the jar builds it, calls answer 503 with JSON within its 5 s wait for a connection, and after
 * it the same process publishes again and stops cleanly. The server's restart is played by a proxy, not done:
 * restarting the PostgreSQL that other builds on this machine share would fail their tests.
 */
class DatabaseRestartFaultIT {
    @TempDir
    Path tmp;

    @Test
    void theJarAnswers503WhileItsDatabaseIsAwayAndRecoversUnrestarted() throws Exception {
        assumeTrue(TestServer.onPostgres(), "needs GONGKAI_TEST_POSTGRES");
        String postgres = System.getenv("GONGKAI_TEST_POSTGRES");
        HikariDataSource schema = TestServer.freshDatabase(); // an empty schema, dropped at the end
        try (DatabaseProxy proxy = DatabaseProxy.inFrontOf(postgres)) {
            Path config = tmp.resolve("gongkai.yaml");
            Files.writeString(config, "database:\n  jdbcUrl: \"" + proxy.through(schema.getJdbcUrl()) + "\"\n");
            try (JarServer server = JarServer.start(tmp.resolve("data"), "--config", config.toString(), "--no-demo")) {
                Http admin = server.admin();
                Fixtures.basics(admin);

                proxy.cut();
                long started = System.nanoTime();
                Http.Response groups = admin.get("/api/screen-groups");
                long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(groups.status()).as(groups.body()).isEqualTo(503);
                assertThat(groups.json().get("error").asText()).contains("database");
                assertThat(waitedMillis).as("ms until the 503").isLessThan(15_000);
                assertThat(server.anonymous().get("/health").status()).isEqualTo(503);

                proxy.restore();
                awaitHealthy(server);
                JsonNode item = Fixtures.create(admin, Fixtures.alert("blue")); // an alert needs no second reviewer
                assertThat(admin.get("/api/items/" + item.get("id").asLong()).status()).isEqualTo(200);
                assertThat(server.stop()).isZero();
                assertThat(server.stdout()).doesNotContain("internal error");
            }
        } finally {
            TestServer.dispose(schema);
        }
    }

    private static void awaitHealthy(JarServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status = 0;
        while (System.nanoTime() < deadline && (status = server.anonymous().get("/health").status()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).as("/health once the database is back").isEqualTo(200);
    }
}
