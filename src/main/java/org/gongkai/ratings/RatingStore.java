package org.gongkai.ratings;

import org.gongkai.web.Json;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for ratings. */
public final class RatingStore {
    private final Jdbi jdbi;

    public RatingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long insert(int level, List<String> reasons, String context, Long itemId, String screenId, OffsetDateTime at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO ratings (level, reasons, context, item_id, screen_id, created_at)
                        VALUES (:level, :reasons, :context, :item, :screen, :at)""")
                .bind("level", level).bind("reasons", Json.write(reasons)).bind("context", context)
                .bind("item", itemId).bind("screen", screenId).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Ratings per level (5..1) and per reason, of one item or of everything, since `from`. */
    public Map<String, Object> summary(Long itemId, OffsetDateTime from) {
        String where = "WHERE created_at >= :from" + (itemId == null ? "" : " AND item_id = :item");
        return jdbi.withHandle(h -> {
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (int level = 5; level >= 1; level--) levels.put(Integer.toString(level), 0);
            var q = h.createQuery("SELECT level, COUNT(*) AS n FROM ratings " + where + " GROUP BY level").bind("from", from);
            if (itemId != null) q.bind("item", itemId);
            q.map((rs, ctx) -> Map.entry(rs.getInt("level"), rs.getInt("n"))).forEach(e -> levels.put(Integer.toString(e.getKey()), e.getValue()));
            Map<String, Integer> reasons = new LinkedHashMap<>();
            Ratings.REASONS.forEach(r -> reasons.put(r.code(), 0));
            var r = h.createQuery("SELECT reasons FROM ratings " + where).bind("from", from);
            if (itemId != null) r.bind("item", itemId);
            r.mapTo(String.class).forEach(json -> {
                for (String code : Json.readStringList(json)) reasons.merge(code, 1, Integer::sum);
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", levels.values().stream().mapToInt(Integer::intValue).sum());
            out.put("levels", levels);
            out.put("reasons", reasons);
            return out;
        });
    }
}
