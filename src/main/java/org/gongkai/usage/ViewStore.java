package org.gongkai.usage;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.LocalDate;
import java.util.List;

/** SQL for item views: one row per item, screen and day. */
public final class ViewStore {
    record Key(long itemId, String screenId, LocalDate day) {}

    private final Jdbi jdbi;

    public ViewStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds {@code views} to the key's row; another node may insert the same row first, then its count is added to. */
    void add(Key key, long views) {
        jdbi.useHandle(h -> {
            if (increment(h, key, views)) return;
            try {
                h.createUpdate("INSERT INTO item_views (item_id, screen_id, view_day, views) VALUES (:item, :screen, :day, :views)")
                        .bind("item", key.itemId()).bind("screen", key.screenId()).bind("day", key.day())
                        .bind("views", views).execute();
            } catch (UnableToExecuteStatementException inserted) {
                if (!increment(h, key, views)) throw inserted;
            }
        });
    }

    private static boolean increment(Handle h, Key key, long views) {
        return h.createUpdate("UPDATE item_views SET views = views + :views WHERE item_id = :item AND screen_id = :screen AND view_day = :day")
                .bind("item", key.itemId()).bind("screen", key.screenId()).bind("day", key.day())
                .bind("views", views).execute() > 0;
    }

    /** The items most opened at the screen since {@code from}, most first (ties: the newer item first). */
    public List<Long> mostViewed(String screenId, LocalDate from) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT item_id FROM item_views WHERE screen_id = :screen AND view_day >= :from
                        GROUP BY item_id ORDER BY SUM(views) DESC, item_id DESC LIMIT 200""")
                .bind("screen", screenId).bind("from", from).mapTo(Long.class).list());
    }
}
