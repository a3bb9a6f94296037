package org.gongkai.content;

import org.gongkai.web.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/** All SQL of item_history: an entry written in the transaction of every step of an item, and the list of them. */
public final class ItemHistory {
    private final Jdbi jdbi;

    public ItemHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** snapshot: the item as saved, or the input under review; null where nothing was saved. */
    public record Entry(long id, int version, HistoryAction action, String actor, OffsetDateTime at, String note,
                        String snapshot) {}

    /** snapshot: the item, or for a revision the input under review; note: a reason given, such as for a return. */
    void insert(Handle h, long itemId, int version, HistoryAction action, String actor, OffsetDateTime at,
                Object snapshot, String note) {
        h.createUpdate("""
                        INSERT INTO item_history (item_id, version, action, actor, at, snapshot, note)
                        VALUES (:i, :v, :a, :actor, :now, :s, :note)""")
                .bind("i", itemId).bind("v", version).bind("a", action.code()).bind("actor", actor).bind("now", at)
                .bind("s", Json.write(snapshot)).bind("note", note).execute();
    }

    public List<Entry> of(long itemId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, version, action, actor, at, note, snapshot FROM item_history WHERE item_id = :i
                        ORDER BY id""")
                .bind("i", itemId)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getInt("version"),
                        HistoryAction.parse(rs.getString("action")), rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class), rs.getString("note"), rs.getString("snapshot")))
                .list());
    }
}
