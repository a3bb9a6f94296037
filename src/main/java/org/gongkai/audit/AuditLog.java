package org.gongkai.audit;

import org.gongkai.accounts.Secrets;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who did what, when, from where. Entries are only ever added; each one's hash covers its fields and the hash of
 * the entry before it. Writes are serialized in this node (one chain); several nodes writing need a database lock.
 */
public final class AuditLog {
    public record Entry(long id, OffsetDateTime at, String actor, String action, String target, int status,
                        String address, String prevHash, String hash) {}

    static final String GENESIS = "0".repeat(64);
    /** audit_log.target's length (V8): room for the ids of a list of applications read, as ranges. */
    static final int MAX_TARGET = 10_000;

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public synchronized void record(String actor, String action, String target, int status, String address) {
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String a = cut(actor, 64);
        String act = cut(action, 64);
        String t = cut(target, MAX_TARGET);
        String addr = cut(address, 64);
        jdbi.useTransaction(h -> {
            String prev = h.createQuery("SELECT hash FROM audit_log ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                    .mapTo(String.class).findOne().orElse(GENESIS);
            h.createUpdate("""
                            INSERT INTO audit_log (at, actor, action, target, status, address, prev_hash, hash)
                            VALUES (:at, :actor, :action, :target, :status, :address, :prev, :hash)""")
                    .bind("at", at).bind("actor", a).bind("action", act).bind("target", t).bind("status", status)
                    .bind("address", addr).bind("prev", prev).bind("hash", hash(prev, at, a, act, t, status, addr)).execute();
        });
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

    /** Walks the whole chain: {entries, ok, firstBadId}. */
    public Map<String, Object> verify() {
        List<Long> bad = new ArrayList<>();
        long[] count = {0};
        jdbi.useHandle(h -> {
            String[] prev = {GENESIS};
            h.createQuery("SELECT * FROM audit_log ORDER BY id").map((rs, ctx) -> {
                String expected = hash(prev[0], rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getInt("status"), rs.getString("address"));
                if (!rs.getString("prev_hash").equals(prev[0]) || !rs.getString("hash").equals(expected)) bad.add(rs.getLong("id"));
                prev[0] = rs.getString("hash");
                count[0]++;
                return 0;
            }).forEach(x -> { });
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", count[0]);
        out.put("ok", bad.isEmpty());
        out.put("firstBadId", bad.isEmpty() ? null : bad.get(0));
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
