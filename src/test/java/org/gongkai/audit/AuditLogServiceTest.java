package org.gongkai.audit;

import org.gongkai.accounts.Secrets;
import org.gongkai.support.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain on a real database: what an entry stores, that each hash covers its fields and the hash before
 * it, that a row changed, removed or re-linked behind the application's back is found, and how the log is searched.
 */
class AuditLogServiceTest {
    static final OffsetDateTime EVER = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    static final OffsetDateTime NEVER = OffsetDateTime.parse("2100-01-01T00:00:00Z");

    private Services s;
    private AuditLog log;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dataDir;

    @BeforeEach
    void fresh() {
        s = Services.fresh();
        log = new AuditLog(s.jdbi, s.clock, dataDir.resolve("audit-anchor.json"), "node-1");
    }

    private List<AuditLog.Entry> all() {
        return log.search(null, EVER, NEVER, 1000);
    }

    private void sql(String statement) {
        s.jdbi.useHandle(h -> h.execute(statement));
    }

    @Test
    void eachEntryIsChainedToTheOneBefore() {
        s.clock.advance(Duration.ofNanos(123_456_789));
        log.record("editor", "POST /api/items", "/api/items", 201, "10.0.0.7");
        s.clock.advance(Duration.ofSeconds(1));
        log.record("reviewer", "POST /api/items/1/approve", "/api/items/1/approve", 200, null);
        log.record("(anonymous)", "login failed", "admin", 401, "10.0.0.8");

        List<AuditLog.Entry> entries = all();
        assertThat(entries).extracting(AuditLog.Entry::actor).as("newest first").containsExactly("(anonymous)", "reviewer", "editor");
        AuditLog.Entry first = entries.get(2);
        assertThat(first.prevHash()).isEqualTo(AuditLog.GENESIS).isEqualTo("0".repeat(64));
        assertThat(first.at().toInstant()).as("stored to the millisecond").isEqualTo(Services.START.plusMillis(123));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.address()).isEqualTo("10.0.0.7");
        assertThat(first.hash()).isEqualTo(Secrets.sha256(String.join("\u001f", AuditLog.GENESIS,
                first.at().toInstant().toString(), "editor", "POST /api/items", "/api/items", "201", "10.0.0.7")));
        assertThat(entries.get(1).prevHash()).isEqualTo(first.hash());
        assertThat(entries.get(1).address()).isNull();
        assertThat(entries.get(1).hash()).as("no address hashes as an empty one").isEqualTo(Secrets.sha256(String.join("\u001f",
                first.hash(), entries.get(1).at().toInstant().toString(), "reviewer", "POST /api/items/1/approve",
                "/api/items/1/approve", "200", "")));
        assertThat(entries.get(0).prevHash()).isEqualTo(entries.get(1).hash());
        assertThat(entries).extracting(AuditLog.Entry::hash).doesNotHaveDuplicates();

        assertThat(log.verify()).containsEntry("entries", 3L).containsEntry("ok", true).containsEntry("firstBadId", null)
                .containsEntry("truncated", false).containsEntry("missingEntries", 0L);
    }

    @Test
    void anEmptyLogVerifies() {
        Map<String, Object> result = log.verify();
        assertThat(result).containsEntry("entries", 0L).containsEntry("ok", true).containsEntry("firstBadId", null);
    }

    @Test
    void longFieldsAreCutToTheirColumns() {
        int target = AuditLog.MAX_TARGET;
        log.record("a".repeat(64), "b".repeat(64), "c".repeat(target), 200, "d".repeat(64));
        log.record("a".repeat(65), "b".repeat(70), "c".repeat(target + 1), 200, "d".repeat(65));
        List<AuditLog.Entry> entries = all();
        for (AuditLog.Entry e : entries) {
            assertThat(e.actor()).isEqualTo("a".repeat(64));
            assertThat(e.action()).isEqualTo("b".repeat(64));
            assertThat(e.target()).isEqualTo("c".repeat(target));
            assertThat(e.address()).isEqualTo("d".repeat(64));
        }
        assertThat(log.verify()).containsEntry("ok", true).containsEntry("entries", 2L);
    }

    @Test
    void aRowChangedInTheDatabaseIsFound() {
        for (int i = 1; i <= 4; i++) log.record("admin", "action " + i, "/api/x/" + i, 200, "127.0.0.1");
        long third = all().get(1).id();
        sql("UPDATE audit_log SET target = '/api/x/other' WHERE id = " + third);
        Map<String, Object> result = log.verify();
        assertThat(result).containsEntry("ok", false).containsEntry("firstBadId", third).containsEntry("entries", 4L);

        long second = all().get(2).id();
        sql("UPDATE audit_log SET status = 500 WHERE id = " + second);
        assertThat(log.verify()).as("the first bad row is named").containsEntry("firstBadId", second);
    }

    @Test
    void aRowWhoseLinkAloneWasChangedIsFound() {
        for (int i = 1; i <= 3; i++) log.record("admin", "action " + i, "/api/x/" + i, 200, null);
        AuditLog.Entry middle = all().get(1);
        sql("UPDATE audit_log SET prev_hash = '" + "f".repeat(64) + "' WHERE id = " + middle.id());
        assertThat(log.verify()).containsEntry("ok", false).containsEntry("firstBadId", middle.id());
    }

    @Test
    void aRemovedRowIsFoundAtTheOneAfterIt() {
        for (int i = 1; i <= 3; i++) log.record("admin", "action " + i, "/api/x/" + i, 200, null);
        List<AuditLog.Entry> entries = all();
        sql("DELETE FROM audit_log WHERE id = " + entries.get(1).id());
        assertThat(log.verify()).containsEntry("ok", false).containsEntry("firstBadId", entries.get(0).id())
                .containsEntry("entries", 2L);
    }

    @Test
    void aRowRelinkedWithARecomputedHashIsFound() {
        for (int i = 1; i <= 3; i++) log.record("admin", "action " + i, "/api/x/" + i, 200, null);
        AuditLog.Entry last = all().get(0);
        // Someone who knows the scheme rewrites the last row consistently but links it to the genesis instead.
        String forged = AuditLog.hash(AuditLog.GENESIS, last.at(), last.actor(), last.action(), last.target(), last.status(), null);
        sql("UPDATE audit_log SET prev_hash = '" + AuditLog.GENESIS + "', hash = '" + forged + "' WHERE id = " + last.id());
        assertThat(log.verify()).containsEntry("ok", false).containsEntry("firstBadId", last.id());
    }

    @Test
    void searchMatchesActorActionOrTargetInAWindowNewestFirst() {
        log.record("Editor-Wang", "POST /api/items", "/api/items", 201, null);
        s.clock.advance(Duration.ofMinutes(1));
        log.record("reviewer", "POST /api/items/5/approve", "/api/items/5/approve", 200, null);
        s.clock.advance(Duration.ofMinutes(1));
        log.record("admin", "login", "admin", 200, null);
        OffsetDateTime start = OffsetDateTime.ofInstant(Services.START, ZoneOffset.UTC);

        assertThat(log.search("  editor-WANG ", EVER, NEVER, 10)).extracting(AuditLog.Entry::actor).containsExactly("Editor-Wang");
        assertThat(log.search("approve", EVER, NEVER, 10)).extracting(AuditLog.Entry::actor).containsExactly("reviewer");
        assertThat(log.search("/api/items", EVER, NEVER, 10)).extracting(AuditLog.Entry::actor)
                .containsExactly("reviewer", "Editor-Wang");
        assertThat(log.search("ADMIN", EVER, NEVER, 10)).extracting(AuditLog.Entry::actor).containsExactly("admin");
        assertThat(log.search(" ", EVER, NEVER, 10)).hasSize(3);
        assertThat(log.search(null, EVER, NEVER, 2)).extracting(AuditLog.Entry::actor).containsExactly("admin", "reviewer");
        assertThat(log.search(null, start, start.plusMinutes(1), 10)).as("from is inclusive, to exclusive")
                .extracting(AuditLog.Entry::actor).containsExactly("Editor-Wang");
        assertThat(log.search(null, start.plusMinutes(1), start.plusMinutes(2).plusNanos(1_000_000), 10))
                .extracting(AuditLog.Entry::actor).containsExactly("admin", "reviewer");
    }

    @Test
    void wildcardsInTheSearchTextAreLiteral() {
        log.record("admin", "PUT /api/departments/x_y", "100% done!", 200, null);
        log.record("admin", "PUT /api/departments/xzy", "1000 done", 200, null);
        assertThat(log.search("x_y", EVER, NEVER, 10)).extracting(AuditLog.Entry::action).containsExactly("PUT /api/departments/x_y");
        assertThat(log.search("0%", EVER, NEVER, 10)).extracting(AuditLog.Entry::target).containsExactly("100% done!");
        assertThat(log.search("done!", EVER, NEVER, 10)).extracting(AuditLog.Entry::target).containsExactly("100% done!");
        assertThat(log.search("!", EVER, NEVER, 10)).hasSize(1);
    }
}
