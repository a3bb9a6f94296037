package org.gongkai.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A bounded burst of publishes against a running server, and the checks that nothing answered 2xx was lost. */
final class FaultChecks {
    private FaultChecks() {}

    /**
     * Publishes from three threads until stopped, 400 requests each at most: the admin issues alerts (published at
     * once) and an editor's submitted notices are approved by a reviewer. Ids answered 2xx as published are kept.
     * Every answer must be a 2xx; a request may go unanswered only after {@link #serverGoesNow()}. Anything else
     * (a 4xx or 5xx, a failed check, no answer from a server that should be up) fails the test when the burst closes.
     */
    static final class Burst implements AutoCloseable {
        final ConcurrentLinkedQueue<Long> published = new ConcurrentLinkedQueue<>();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger(); // connection refused or reset: the server was killed
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean serverGoing = new AtomicBoolean();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        Burst(Http admin, Http editor, Http reviewer, String tag) {
            threads.add(loop(() -> {
                JsonNode a = created(admin, Fixtures.alert("yellow").put("title", "演练预警 " + tag + " " + attempts.get()).toString());
                published.add(a.get("id").asLong());
            }));
            threads.add(loop(() -> {
                JsonNode a = created(admin, Fixtures.alert("orange").put("title", "演练橙色预警 " + tag + " " + attempts.get()).toString());
                published.add(a.get("id").asLong());
            }));
            threads.add(loop(() -> {
                var notice = Fixtures.notice("演练公告 " + tag + " " + attempts.get()).put("status", "submitted");
                JsonNode draft = created(editor, notice.toString());
                String approve = "/api/items/" + draft.get("id").asLong() + "/approve";
                JsonNode approved = answered(reviewer.post(approve, ""), "POST " + approve);
                assertThat(approved.get("status").asText()).isEqualTo("published");
                published.add(draft.get("id").asLong());
            }));
            threads.forEach(Thread::start);
        }

        private static JsonNode created(Http who, String body) {
            return answered(who.post("/api/items", body), "POST /api/items");
        }

        private static JsonNode answered(Http.Response r, String request) {
            if (r.status() / 100 != 2) throw new AssertionError(request + " answered " + r.status() + ": " + r.body());
            return r.json();
        }

        private Thread loop(Runnable publish) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 400 && !stop.get(); i++) {
                    attempts.incrementAndGet();
                    try {
                        publish.run();
                    } catch (Http.RequestFailed e) {
                        if (!serverGoing.get()) {
                            errors.add("no answer while the server was up: " + e.getMessage());
                            return;
                        }
                        if (unanswered.incrementAndGet() > 30) return;
                    } catch (Throwable e) {
                        errors.add(String.valueOf(e));
                        return;
                    }
                }
            }, "burst");
            t.setDaemon(true);
            return t;
        }

        /** From now on requests may go unanswered: the test is about to kill or stop the server. */
        void serverGoesNow() {
            serverGoing.set(true);
        }

        /** Waits (bounded) until at least n publishes were answered 2xx. */
        Burst awaitPublished(int n, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (published.size() < n && errors.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(errors).as("answers during the burst").isEmpty();
            assertThat(published.size()).as("publishes answered 2xx before the deadline").isGreaterThanOrEqualTo(n);
            return this;
        }

        /**
         * Stops the threads and waits for them, so that an answer that arrived just before a kill is in published;
         * then fails on anything that went wrong.
         */
        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) t.join(30_000);
            assertThat(threads).as("burst threads finished").noneMatch(Thread::isAlive);
            assertThat(errors).as("answers during the burst").isEmpty();
        }
    }

    /** Every id is there through the API, published, with a history that records its publication. */
    static void publishedThroughApi(Http admin, Collection<Long> ids) {
        for (long id : ids) {
            Http.Response item = admin.get("/api/items/" + id);
            assertThat(item.status()).as("item %d answered 2xx before the fault", id).isEqualTo(200);
            assertThat(item.json().get("status").asText()).as("item %d", id).isEqualTo("published");
            Http.Response history = admin.get("/api/items/" + id + "/history");
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.json().size()).as("history of item %d", id).isGreaterThan(0);
        }
    }

    /** Opened in the H2 file itself (the server stopped): nothing half-written. Returns the number of items. */
    static int consistentOnDisk(Path dataDir, Collection<Long> mustBePublished) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("gongkai").toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            assertThat(ids(st, "SELECT id FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_history h WHERE h.item_id = i.id)"))
                    .as("items without a history row").isEmpty();
            assertThat(ids(st, "SELECT id FROM items i WHERE status = 'published' AND NOT EXISTS "
                    + "(SELECT 1 FROM content_changes c WHERE c.item_id = i.id)"))
                    .as("published items without a content_changes row").isEmpty();
            assertThat(ids(st, "SELECT item_id FROM content_changes c WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = c.item_id)"))
                    .as("change rows of items that do not exist").isEmpty();
            assertThat(ids(st, "SELECT item_id FROM item_history h WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = h.item_id)"))
                    .as("history rows of items that do not exist").isEmpty();
            assertThat(ids(st, "SELECT id FROM items i WHERE version <> (SELECT MAX(version) FROM item_history h WHERE h.item_id = i.id)"))
                    .as("items whose version is not their newest history row").isEmpty();
            List<Long> published = ids(st, "SELECT id FROM items WHERE status = 'published'");
            assertThat(published).as("published items on disk").containsAll(mustBePublished);
            return ids(st, "SELECT id FROM items").size();
        }
    }

    private static List<Long> ids(Statement st, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    /** A second and third member of staff through the users API, logged in. */
    static Http staff(Http admin, String base, String username, String role, String department) {
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\"" + username
                + "-password\",\"role\":\"" + role + "\"" + (department == null ? "" : ",\"department\":\"" + department + "\"") + "}";
        Http.Response r = admin.post("/api/users", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Http http = new Http(base);
        assertThat(http.login(username, username + "-password").status()).isEqualTo(200);
        return http;
    }
}
