package org.gongkai.plays;

import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SQL for proof of play. */
public final class PlayStore {
    private final Jdbi jdbi;

    public PlayStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the plays of one screen, skipping any already stored (a resent batch); returns how many were new. */
    public int insert(String screenId, List<Play> plays) {
        if (plays.isEmpty()) return 0;
        OffsetDateTime from = plays.stream().map(Play::startedAt).min(OffsetDateTime::compareTo).orElseThrow();
        OffsetDateTime to = plays.stream().map(Play::startedAt).max(OffsetDateTime::compareTo).orElseThrow();
        return jdbi.inTransaction(h -> {
            Set<String> stored = new HashSet<>(h.createQuery("""
                            SELECT started_at, item_id FROM plays
                            WHERE screen_id = :s AND started_at BETWEEN :from AND :to""")
                    .bind("s", screenId).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> key(rs.getObject("started_at", OffsetDateTime.class), rs.getLong("item_id"))).list());
            var batch = h.prepareBatch("""
                    INSERT INTO plays (screen_id, started_at, item_id, item_version, duration_ms, received_at)
                    VALUES (:screenId, :startedAt, :itemId, :itemVersion, :durationMs, :receivedAt)""");
            int added = 0;
            for (Play p : plays) {
                if (!stored.add(key(p.startedAt(), p.itemId()))) continue;
                batch.bindMethods(p).add();
                added++;
            }
            if (added > 0) batch.execute();
            return added;
        });
    }

    public List<Play> latest(String screenId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT screen_id, item_id, item_version, started_at, duration_ms, received_at FROM plays
                        WHERE screen_id = :s ORDER BY started_at DESC FETCH FIRST :limit ROWS ONLY""")
                .bind("s", screenId).bind("limit", limit)
                .map((rs, ctx) -> new Play(rs.getString("screen_id"), rs.getLong("item_id"),
                        (Integer) rs.getObject("item_version", Integer.class),
                        rs.getObject("started_at", OffsetDateTime.class), rs.getInt("duration_ms"),
                        rs.getObject("received_at", OffsetDateTime.class))).list());
    }

    private static String key(OffsetDateTime startedAt, long itemId) {
        return startedAt.toInstant() + "/" + itemId;
    }
}
