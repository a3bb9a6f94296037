package org.gongkai.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongkai.support.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchor file beside the log, on a real database without a server: it follows every append, says whether its
 * log was closed, and a difference found at open, at an append or at verify is kept in it (AuditAnchorTest checks
 * the same through restarts of a real server).
 */
class AuditAnchorServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Services s;
    private Path file;

    @TempDir
    Path dataDir;

    @BeforeEach
    void fresh() {
        s = Services.fresh();
        file = dataDir.resolve("audit-anchor.json");
    }

    private AuditLog log() {
        return new AuditLog(s.jdbi, s.clock, file, "node-1");
    }

    private JsonNode anchor() throws IOException {
        return JSON.readTree(file.toFile());
    }

    private long newestId() {
        return s.jdbi.withHandle(h -> h.createQuery("SELECT MAX(id) FROM audit_log").mapTo(Long.class).one());
    }

    private void deleteNewest() {
        s.jdbi.useHandle(h -> h.execute("DELETE FROM audit_log WHERE id = " + newestId()));
    }

    private static void recordThree(AuditLog log) {
        for (int i = 1; i <= 3; i++) log.record("editor", "POST /api/items", "/api/items/" + i, 201, null);
    }

    @Test
    void theAnchorFollowsEveryAppendAndSaysWhetherItsLogWasClosed() throws IOException {
        AuditLog log = log();
        log.open(ZoneOffset.UTC);
        assertThat(anchor().get("running").asBoolean()).as("open").isTrue();
        recordThree(log);
        assertThat(anchor().get("entries").asLong()).isEqualTo(3);
        assertThat(anchor().get("headId").asLong()).isEqualTo(newestId());
        log.close();
        assertThat(anchor().get("running").asBoolean()).as("closed cleanly").isFalse();
        assertThat(anchor().get("breaks")).isEmpty();
    }

    @Test
    void anEntryDeletedWhileTheLogWasClosedIsReportedAtOpen() throws IOException {
        AuditLog first = log();
        first.open(ZoneOffset.UTC);
        recordThree(first);
        first.close();
        deleteNewest();
        AuditLog second = log();
        second.open(ZoneOffset.UTC);
        assertThat(anchor().get("breaks")).as("found at open, before any append or verify").hasSize(1);
        assertThat(anchor().get("breaks").get(0).get("truncated").asBoolean()).isTrue();
        second.close();
    }

    @Test
    void anEntryDeletedWhileTheLogRunsIsReportedAtTheNextAppendAndByVerify() throws IOException {
        AuditLog log = log();
        log.open(ZoneOffset.UTC);
        recordThree(log);
        deleteNewest();
        log.record("admin", "PUT /api/users/2", "/api/users/2", 200, null);
        assertThat(anchor().get("breaks")).as("found by the append").hasSize(1);
        assertThat(anchor().get("headId").asLong()).as("the append is anchored on the table's real head").isEqualTo(newestId());
        Map<String, Object> verified = log.verify();
        assertThat(verified.get("ok")).isEqualTo(false);
        assertThat(verified.get("problems").toString()).contains("truncated");
        log.close();
    }

    @Test
    void anEntryDeletedJustBeforeVerifyIsFoundByIt() {
        AuditLog log = log();
        log.open(ZoneOffset.UTC);
        recordThree(log);
        assertThat(log.verify().get("ok")).isEqualTo(true);
        deleteNewest();
        Map<String, Object> verified = log.verify();
        assertThat(verified.get("ok")).isEqualTo(false);
        assertThat(verified.get("truncated")).isEqualTo(true);
        assertThat(verified.get("missingEntries")).isEqualTo(1L);
        log.close();
    }

    @Test
    void actorsAddressesAndActionsAreCutAtTheirColumns() {
        AuditLog log = log();
        String sixtyFour = "a".repeat(64);
        log.record(sixtyFour, sixtyFour + "b", "/x", 200, sixtyFour + "c");
        AuditLog.Entry e = log.search(null, AuditLogServiceTest.EVER, AuditLogServiceTest.NEVER, 1).get(0);
        assertThat(e.actor()).as("64 characters fit").isEqualTo(sixtyFour);
        assertThat(e.action()).as("65 are cut to 64").isEqualTo(sixtyFour);
        assertThat(e.address()).isEqualTo(sixtyFour);
        log.close();
    }
}
