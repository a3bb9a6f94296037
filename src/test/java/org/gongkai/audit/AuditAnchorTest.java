package org.gongkai.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongkai.App;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain shows a row changed or removed in the middle; cutting off the newest rows leaves a valid chain, so
 * the head of the chain and its length are also kept outside the table (the anchor file in the data dir) and
 * compared by verify.
 */
class AuditAnchorTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static TestServer started() {
        TestServer server = TestServer.start();
        Http admin = server.admin();
        Fixtures.basics(admin);
        for (int i = 0; i < 5; i++) Fixtures.create(admin, Fixtures.notice("审计锚点测试 " + i));
        return server;
    }

    static void deleteNewest(TestServer server, int rows) throws Exception {
        try (Connection c = server.dataSource.getConnection(); Statement st = c.createStatement()) {
            long max;
            try (var rs = st.executeQuery("SELECT MAX(id) FROM audit_log")) {
                rs.next();
                max = rs.getLong(1);
            }
            assertThat(st.executeUpdate("DELETE FROM audit_log WHERE id > " + (max - rows))).isEqualTo(rows);
        }
    }

    static Path anchorFile(TestServer server) {
        return Path.of(server.app.config().data().dir()).resolve("audit-anchor.json");
    }

    @Test
    void anIntactLogVerifiesAndTheAnchorFollowsEveryAppend() throws Exception {
        try (TestServer server = started()) {
            Http admin = server.admin();
            JsonNode v = admin.get("/api/audit/verify").json();
            assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
            assertThat(v.get("truncated").asBoolean()).isFalse();
            assertThat(v.get("problems")).isEmpty();
            JsonNode newest = admin.get("/api/audit?limit=1").json().get(0);
            JsonNode anchor = JSON.readTree(Files.readString(anchorFile(server)));
            assertThat(anchor.get("headHash").asText()).isEqualTo(newest.get("hash").asText());
            assertThat(anchor.get("headId").asLong()).isEqualTo(newest.get("id").asLong());
            assertThat(anchor.get("entries").asLong()).isEqualTo(v.get("entries").asLong());
            assertThat(v.get("anchor").get("headHash").asText()).isEqualTo(newest.get("hash").asText());
            try (var files = Files.list(anchorFile(server).getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                        .noneMatch(name -> name.endsWith(".tmp"));
            }
        }
    }

    @Test
    void deletingTheNewestRowsIsReportedAsTruncationAndStaysReported() throws Exception {
        try (TestServer server = started()) {
            Http admin = server.admin();
            long before = admin.get("/api/audit/verify").json().get("entries").asLong();
            deleteNewest(server, 3);

            JsonNode v = admin.get("/api/audit/verify").json();
            assertThat(v.get("ok").asBoolean()).as(v.toString()).isFalse();
            assertThat(v.get("truncated").asBoolean()).isTrue();
            assertThat(v.get("firstBadId").isNull()).as("the chain that is left is intact").isTrue();
            assertThat(v.get("missingEntries").asLong()).isEqualTo(3);
            assertThat(v.get("problems").get(0).asText()).contains("truncated", "3 newest entries", "deleted");

            // Further writes append after the cut; they must not make the cut disappear from verify.
            Fixtures.create(admin, Fixtures.notice("截断之后"));
            JsonNode later = admin.get("/api/audit/verify").json();
            assertThat(later.get("ok").asBoolean()).as(later.toString()).isFalse();
            assertThat(later.get("truncated").asBoolean()).isTrue();
            assertThat(later.get("problems").toString()).contains("3 newest entries");
            assertThat(later.get("entries").asLong()).isGreaterThan(before - 3);
        }
    }

    @Test
    void aRowAddedBehindTheServersBackIsReported() throws Exception {
        try (TestServer server = started()) {
            Http admin = server.admin();
            JsonNode newest = admin.get("/api/audit?limit=1").json().get(0);
            java.time.OffsetDateTime at = java.time.OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String prev = newest.get("hash").asText();
            String hash = AuditLog.hash(prev, at, "admin", "DELETE /api/items/1", "/api/items/1", 204, "127.0.0.1");
            try (Connection c = server.dataSource.getConnection(); var st = c.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, target, status, address, prev_hash, hash) VALUES (?, 'admin', "
                            + "'DELETE /api/items/1', '/api/items/1', 204, '127.0.0.1', ?, ?)")) {
                st.setObject(1, at);
                st.setString(2, prev);
                st.setString(3, hash);
                st.executeUpdate();
            }
            JsonNode v = admin.get("/api/audit/verify").json();
            assertThat(v.get("firstBadId").isNull()).as("a forger who computes the hashes keeps the chain valid").isTrue();
            assertThat(v.get("ok").asBoolean()).as(v.toString()).isFalse();
            assertThat(v.get("problems").get(0).asText()).contains("1 entry after the anchored head");
        }
    }

    @Test
    void aRestartKeepsTheAnchorAndLogsIt() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (TestServer server = started()) {
            long entries = server.admin().get("/api/audit/verify").json().get("entries").asLong();
            server.app.stop();
            App again = new App(server.app.config().withPort(0), server.dataSource,
                    new App.Options(TestServer.ADMIN_PASSWORD, false)).start();
            try {
                Http admin = new Http("http://127.0.0.1:" + again.port());
                assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
                JsonNode v = admin.get("/api/audit/verify").json();
                assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
                assertThat(logged.list).map(ILoggingEvent::getFormattedMessage)
                        .anyMatch(m -> m.startsWith("audit anchor: " + entries + " entries, head #"));

                deleteNewest(server, 2);
                JsonNode cut = admin.get("/api/audit/verify").json();
                assertThat(cut.get("truncated").asBoolean()).as(cut.toString()).isTrue();
                assertThat(cut.get("missingEntries").asLong()).isEqualTo(2);
            } finally {
                again.stop();
            }
        } finally {
            logger.detachAppender(logged);
        }
    }

    /**
     * kill -9 between an entry's commit and the anchor's rename leaves one entry after the anchored head: the next
     * start explains it by the crash (the anchor says its server was still running) instead of reporting it, while
     * the same entry after a clean stop is reported.
     */
    @Test
    void anEntryWrittenJustBeforeACrashIsAnchoredAtTheNextStartButNotAfterACleanStop() throws Exception {
        try (TestServer server = started()) {
            Http admin = server.admin();
            byte[] beforeLastAppend = Files.readAllBytes(anchorFile(server)); // written while running
            assertThat(JSON.readTree(beforeLastAppend).get("running").asBoolean()).isTrue();
            assertThat(admin.post("/api/departments", "{\"code\":\"crash1\",\"name\":\"崩溃前\"}").status()).isEqualTo(201);
            server.app.stop(); // a clean stop: running is false now
            assertThat(JSON.readTree(Files.readString(anchorFile(server))).get("running").asBoolean()).isFalse();

            Files.write(anchorFile(server), beforeLastAppend); // as if killed before the anchor of that entry was renamed
            JsonNode afterCrash = verifyOnANewStart(server);
            assertThat(afterCrash.get("ok").asBoolean()).as(afterCrash.toString()).isTrue();

            // the same one entry ahead, but the anchor says its server stopped cleanly: that is reported
            App again = new App(server.app.config().withPort(0), server.dataSource,
                    new App.Options(TestServer.ADMIN_PASSWORD, false)).start();
            com.fasterxml.jackson.databind.node.ObjectNode beforeAppend;
            try {
                Http second = new Http("http://127.0.0.1:" + again.port());
                assertThat(second.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
                beforeAppend = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(anchorFile(server)));
                assertThat(second.post("/api/departments", "{\"code\":\"crash2\",\"name\":\"正常停止前\"}").status()).isEqualTo(201);
            } finally {
                again.stop();
            }
            Files.writeString(anchorFile(server), beforeAppend.put("running", false).toString());
            JsonNode afterCleanStop = verifyOnANewStart(server);
            assertThat(afterCleanStop.get("ok").asBoolean()).as(afterCleanStop.toString()).isFalse();
            assertThat(afterCleanStop.get("problems").toString()).contains("1 entry after the anchored head");
        }
    }

    private static JsonNode verifyOnANewStart(TestServer server) {
        App again = new App(server.app.config().withPort(0), server.dataSource,
                new App.Options(TestServer.ADMIN_PASSWORD, false)).start();
        try {
            Http admin = new Http("http://127.0.0.1:" + again.port());
            assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
            return admin.get("/api/audit/verify").json();
        } finally {
            again.stop();
        }
    }

    @Test
    void theAdminPageSaysTheLogWasTruncated() throws Exception {
        try (TestServer server = started(); org.gongkai.support.Browser browser = new org.gongkai.support.Browser();
             var context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                     .setViewportSize(1366, 768).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"))) {
            deleteNewest(server, 2);
            var page = context.newPage();
            page.navigate(server.base + "/admin#/audit");
            org.gongkai.support.Browser.logInToAdmin(page, "admin", TestServer.ADMIN_PASSWORD);
            page.click("text=校验审计链");
            page.waitForSelector("#audit-verify .badge-danger:has-text('截断')");
            assertThat(page.textContent("#audit-verify")).contains("最新的 2 条记录已被删除", "2 newest entries");
            Files.createDirectories(Path.of("target", "screenshots"));
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "admin-audit-truncated-1366x768.png")));
        }
    }
}
