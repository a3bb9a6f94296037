package org.gongkai.db;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.DatabaseProxy;
import org.gongkai.support.Fixtures;
import org.gongkai.support.HeldContent;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL restarting under a running node, played by a proxy that drops every connection and refuses new ones:
 * meanwhile the API and /health answer 503 with JSON, connected screens keep their socket and content, and a new
 * screen's hello is answered with an error; afterwards the same node publishes to the screen again, unrestarted.
 */
class DatabaseRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void whileTheDatabaseIsAwayTheNodeAnswers503AndItRecoversByItself() throws Exception {
        assumeTrue(TestServer.onPostgres(), "needs GONGKAI_TEST_POSTGRES");
        try (DatabaseProxy proxy = DatabaseProxy.inFrontOf(System.getenv("GONGKAI_TEST_POSTGRES"));
             TestServer server = TestServer.start(ConfigLoader.defaults().withPort(0).withDataDir(dataDir.toString()),
                     TestServer.freshDatabaseThrough(proxy), false)) {
            Http admin = server.admin();
            Fixtures.basics(admin);
            PairedScreen paired = PairedScreen.pair(server, admin, "plaza");
            ScreenClient screen = paired.client();
            HeldContent held = paired.held();
            long before = Fixtures.create(admin, Fixtures.notice("重启之前发布")).get("id").asLong();
            long shown = held.apply(screen.await("change", 5000)).version();
            assertThat(held.holds(before)).isTrue();

            proxy.cut();
            // written by the hub's next flush, which fails while the database is away (the calls below wait for it)
            screen.send("{\"type\":\"ack\",\"version\":" + shown + "}");
            Http.Response list = admin.get("/api/items");
            assertThat(list.status()).as(list.body()).isEqualTo(503);
            assertThat(list.json().get("error").asText()).contains("database");
            Http.Response health = server.anonymous().get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/database/state").asText()).isEqualTo("down");

            screen.send("{\"type\":\"ping\"}");
            assertThat(screen.await("pong", 5000)).as("the screen's socket is still open").isNotNull();
            assertThat(held.holds(before)).isTrue();
            try (ScreenClient newcomer = new ScreenClient(server.wsUrl())) {
                newcomer.hello(null, null, null);
                assertThat(newcomer.await("error", 10_000).get("error").asText()).contains("cannot reach its database");
            }

            proxy.restore();
            awaitHealthy(server);
            long after = Fixtures.create(admin, Fixtures.notice("重启之后发布")).get("id").asLong();
            JsonNode change = screen.await(m -> "change".equals(m.path("type").asText())
                    && m.toString().contains("重启之后发布"), 10_000, "the change published after the restart");
            held.apply(change);
            assertThat(held.holds(after)).isTrue();
            assertThat(held.holds(before)).isTrue();
            try (ScreenClient newcomer = new ScreenClient(server.wsUrl())) {
                newcomer.hello(null, null, null);
                assertThat(newcomer.await("welcome", 5000).get("status").asText()).isEqualTo("pending");
            }
            awaitFound(server, "重启之后发布");
            awaitAcked(admin, paired.id(), shown);
        }
    }

    private static void awaitAcked(Http admin, String screenId, long version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long acked = -1;
        while (System.nanoTime() < deadline && (acked = admin.get("/api/screens/" + screenId).json().path("ackedVersion").asLong()) != version) {
            Thread.sleep(100);
        }
        assertThat(acked).as("the ack sent while the database was away, written after").isEqualTo(version);
    }

    private static void awaitFound(TestServer server, String title) throws InterruptedException {
        String path = "/api/search?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String body = "";
        while (System.nanoTime() < deadline && !(body = server.anonymous().get(path).body()).contains(title)) {
            Thread.sleep(100);
        }
        assertThat(body).as("the search index after the restart").contains(title);
    }

    private static void awaitHealthy(TestServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status = 0;
        while (System.nanoTime() < deadline && (status = server.anonymous().get("/health").status()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).as("/health once the database is back").isEqualTo(200);
    }
}
