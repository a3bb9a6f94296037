package org.gongkai.audit;

import org.gongkai.accounts.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Who did what, when, from where. Entries are only ever added; each one's hash covers its fields and the hash of
 * the entry before it, and the chain's head is anchored outside the table ({@link ChainAnchor}), so that rows cut off
 * its end are found too. Appends from every node are serialised by a lock row in the database (audit_head), so the
 * nodes write one chain; each entry names the node that wrote it, and each node's anchor follows the entries other
 * nodes append after its head (see docs/RELIABILITY.md).
 */
public final class AuditLog implements AutoCloseable {
    public record Entry(long id, OffsetDateTime at, String actor, String action, String target, int status,
                        String address, String prevHash, String hash) {}

    static final String GENESIS = "0".repeat(64);
    /** audit_log.target's length (V8): room for the ids of a list of applications read, as ranges. */
    static final int MAX_TARGET = 10_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final ChainAnchor anchor;
    private final String node;
    private java.util.concurrent.ScheduledExecutorService daily;

    /**
     * @param anchorFile where the chain's head is kept: audit-anchor.json in the data dir
     * @param node this node's name, written into each entry it appends
     */
    public AuditLog(Jdbi jdbi, Clock clock, Path anchorFile, String node) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.node = cut(node, 64);
        this.anchor = new ChainAnchor(new AuditAnchor(anchorFile), new ChainAnchor.Table() {
            @Override
            public AuditAnchor.Head head() {
                return tableHead();
            }

            @Override
            public long countUpTo(long id) {
                return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE id <= :id").bind("id", id)
                        .mapTo(Long.class).one());
            }

            @Override
            public Optional<String> hashOf(long id) {
                return jdbi.withHandle(h -> h.createQuery("SELECT hash FROM audit_log WHERE id = :id").bind("id", id)
                        .mapTo(String.class).findOne());
            }

            @Override
            public Optional<String> previousHashOf(long id) {
                return jdbi.withHandle(h -> h.createQuery("SELECT prev_hash FROM audit_log WHERE id = :id").bind("id", id)
                        .mapTo(String.class).findOne());
            }

            @Override
            public boolean othersAppendedAfter(long id, String hash) {
                return jdbi.withHandle(h -> {
                    long notOthers = h.createQuery("SELECT COUNT(*) FROM audit_log WHERE id > :id AND (node IS NULL OR node = :node)")
                            .bind("id", id).bind("node", AuditLog.this.node).mapTo(Long.class).one();
                    Optional<String> firstLink = h.createQuery("SELECT prev_hash FROM audit_log WHERE id > :id ORDER BY id"
                            + " FETCH FIRST 1 ROWS ONLY").bind("id", id).mapTo(String.class).findOne();
                    return notOthers == 0 && firstLink.map(hash::equals).orElse(false);
                });
            }
        }, clock);
    }

    /** Compares the anchor with the table (a difference is logged and kept), logs the anchor's line now and daily. */
    public synchronized void open(ZoneId zone) {
        if (!anchor.opened()) anchor.open();
        LOG.info(anchor.line());
        if (daily != null) return;
        daily = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-anchor-daily");
            t.setDaemon(true);
            return t;
        });
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        long untilMidnight = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(zone)).toSeconds();
        daily.scheduleAtFixedRate(this::logLine, untilMidnight, Duration.ofDays(1).toSeconds(), TimeUnit.SECONDS);
    }

    private synchronized void logLine() {
        LOG.info(anchor.line());
    }

    @Override
    public synchronized void close() {
        if (daily != null) daily.shutdownNow();
        daily = null;
        anchor.closed();
    }

    public synchronized void record(String actor, String action, String target, int status, String address) {
        if (!anchor.opened()) anchor.open();
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String a = cut(actor, 64);
        String act = cut(action, 64);
        String t = cut(target, MAX_TARGET);
        String addr = cut(address, 64);
        Entry added = jdbi.inTransaction(h -> {
            lockChain(h);
            AuditAnchor.Head before = tableHead(h);
            if (!anchor.isHead(before.headId(), before.headHash())) anchor.reconcile(before);
            String prev = before.headHash();
            String hash = hash(prev, at, a, act, t, status, addr);
            long id = h.createUpdate("""
                            INSERT INTO audit_log (at, actor, action, target, status, address, prev_hash, hash, node)
                            VALUES (:at, :actor, :action, :target, :status, :address, :prev, :hash, :node)""")
                    .bind("at", at).bind("actor", a).bind("action", act).bind("target", t).bind("status", status)
                    .bind("address", addr).bind("prev", prev).bind("hash", hash).bind("node", node)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Entry(id, at, a, act, t, status, addr, prev, hash);
        });
        anchor.appended(added.id(), added.hash());
    }

    /**
     * Holds the chain's lock row until the transaction ends: an append on another node waits here, so the head read
     * next is the newest committed entry of any node.
     */
    private static void lockChain(Handle h) {
        int locked = h.createUpdate("UPDATE audit_head SET appends = appends + 1 WHERE id = 1").execute();
        if (locked != 1) throw new IllegalStateException("audit_head has lost its row: appends cannot be serialised");
    }

    /** The table's length and newest entry (0, 0 and the genesis hash when empty). */
    private AuditAnchor.Head tableHead() {
        return jdbi.withHandle(AuditLog::tableHead);
    }

    private static AuditAnchor.Head tableHead(Handle h) {
        long count = h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Long.class).one();
        return h.createQuery("SELECT id, hash FROM audit_log ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .map((rs, ctx) -> new AuditAnchor.Head(count, rs.getLong("id"), rs.getString("hash")))
                .findOne().orElse(new AuditAnchor.Head(count, 0, GENESIS));
    }

    public List<Entry> search(String text, OffsetDateTime from, OffsetDateTime to, int limit) {
        StringBuilder where = new StringBuilder(" WHERE at >= :from AND at < :to");
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(actor) LIKE :q ESCAPE '!' OR LOWER(action) LIKE :q ESCAPE '!' OR LOWER(target) LIKE :q ESCAPE '!')");
        }
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT * FROM audit_log" + where + " ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
                    .bind("from", from).bind("to", to).bind("limit", limit);
            if (text != null && !text.isBlank()) {
                q.bind("q", "%" + text.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
            return q.map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                    rs.getString("action"), rs.getString("target"), rs.getInt("status"), rs.getString("address"),
                    rs.getString("prev_hash"), rs.getString("hash"))).list();
        });
    }

    /**
     * Walks the whole chain and compares its head with the anchor: {entries, ok, firstBadId, truncated,
     * missingEntries, anchor, problems}. Holds the log's lock meanwhile, so that no append passes the anchor mid-walk.
     */
    public synchronized Map<String, Object> verify() {
        if (!anchor.opened()) anchor.open();
        List<Long> bad = new ArrayList<>();
        long[] count = {0, 0};
        String[] prev = {GENESIS};
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM audit_log ORDER BY id").map((rs, ctx) -> {
            String expected = hash(prev[0], rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                    rs.getString("action"), rs.getString("target"), rs.getInt("status"), rs.getString("address"));
            if (!rs.getString("prev_hash").equals(prev[0]) || !rs.getString("hash").equals(expected)) bad.add(rs.getLong("id"));
            prev[0] = rs.getString("hash");
            count[0]++;
            count[1] = rs.getLong("id");
            return 0;
        }).forEach(x -> { }));
        anchor.reconcile(new AuditAnchor.Head(count[0], count[1], prev[0]));
        List<String> problems = new ArrayList<>();
        if (!bad.isEmpty()) problems.add("entry #" + bad.get(0) + " does not match the chain: it or the entry before it was changed or deleted");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", count[0]);
        out.put("firstBadId", bad.isEmpty() ? null : bad.get(0));
        anchor.report(out, problems);
        out.put("ok", problems.isEmpty());
        out.put("problems", problems);
        return out;
    }

    static String hash(String prev, OffsetDateTime at, String actor, String action, String target, int status, String address) {
        return Secrets.sha256(String.join("\u001f", prev, at.toInstant().toString(), actor, action, target,
                Integer.toString(status), address == null ? "" : address));
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
