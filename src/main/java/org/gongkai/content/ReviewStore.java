package org.gongkai.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.gongkai.web.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** All SQL of the review workflow: review columns of items, pending revisions of published items, authorship. */
public final class ReviewStore {
    private final Jdbi jdbi;

    public ReviewStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Who approved the version on screen, or why the draft came back. */
    public record Review(String returnReason, String approvedBy, OffsetDateTime approvedAt) {}

    /** A change to a published item waiting for review; content is the validated input. */
    public record Revision(long itemId, int revision, int baseVersion, ItemInput content, ItemStatus status,
                           String returnReason, String updatedBy, OffsetDateTime updatedAt) {}

    public Map<Long, Review> reviews(Collection<Long> ids) {
        Map<Long, Review> result = new HashMap<>();
        if (ids.isEmpty()) return result;
        jdbi.useHandle(h -> h.createQuery("SELECT id, return_reason, approved_by, approved_at FROM items WHERE id IN (<ids>)")
                .bindList("ids", new ArrayList<>(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), new Review(rs.getString("return_reason"),
                        rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class))))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }

    public Map<Long, Revision> revisions(Collection<Long> ids) {
        Map<Long, Revision> result = new HashMap<>();
        if (ids.isEmpty()) return result;
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM item_revisions WHERE item_id IN (<ids>)")
                .bindList("ids", new ArrayList<>(ids)).map((rs, ctx) -> mapRevision(rs)).forEach(r -> result.put(r.itemId(), r)));
        return result;
    }

    /** Items and revisions waiting for a reviewer, oldest first. */
    public List<Long> submitted() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM (SELECT id, updated_at FROM items WHERE status = 'submitted'
                          UNION ALL SELECT item_id AS id, updated_at FROM item_revisions WHERE status = 'submitted') q
                        ORDER BY updated_at, id""")
                .mapTo(Long.class).list());
    }

    Optional<Revision> revision(Handle h, long itemId) {
        return h.createQuery("SELECT * FROM item_revisions WHERE item_id = :i").bind("i", itemId)
                .map((rs, ctx) -> mapRevision(rs)).findOne();
    }

    void saveRevision(Handle h, long itemId, int baseVersion, ItemInput content, ItemStatus status, String actor,
                      OffsetDateTime now) {
        int updated = h.createUpdate("""
                        UPDATE item_revisions SET revision = revision + 1, base_version = :base, content = :content,
                          status = :status, return_reason = NULL, updated_by = :actor, updated_at = :now
                        WHERE item_id = :i""")
                .bind("i", itemId).bind("base", baseVersion).bind("content", Json.write(content))
                .bind("status", status.code()).bind("actor", actor).bind("now", now).execute();
        if (updated == 0) {
            h.createUpdate("""
                            INSERT INTO item_revisions (item_id, revision, base_version, content, status, updated_by, updated_at)
                            VALUES (:i, 1, :base, :content, :status, :actor, :now)""")
                    .bind("i", itemId).bind("base", baseVersion).bind("content", Json.write(content))
                    .bind("status", status.code()).bind("actor", actor).bind("now", now).execute();
        }
    }

    void setRevisionStatus(Handle h, long itemId, ItemStatus status, String reason) {
        h.createUpdate("UPDATE item_revisions SET status = :s, return_reason = :r WHERE item_id = :i")
                .bind("s", status.code()).bind("r", reason).bind("i", itemId).execute();
    }

    void deleteRevision(Handle h, long itemId) {
        h.createUpdate("DELETE FROM item_revisions WHERE item_id = :i").bind("i", itemId).execute();
    }

    /** Moves an item through review; false when its version was not the expected one. */
    boolean setStatus(Handle h, long id, int expectedVersion, ItemStatus status, String returnReason, String actor,
                      OffsetDateTime now) {
        return h.createUpdate("""
                        UPDATE items SET status = :status, return_reason = :reason, version = version + 1,
                          updated_at = :now, updated_by = :actor
                        WHERE id = :id AND version = :expected""")
                .bind("status", status.code()).bind("reason", returnReason).bind("now", now).bind("actor", actor)
                .bind("id", id).bind("expected", expectedVersion).execute() == 1;
    }

    /**
     * Marks the item's current version as approved (and first published, if it never was) at that time: the only
     * place published_at is set. Content approved elsewhere (imported) is approved at its own time.
     */
    void approved(Handle h, long id, String reviewer, OffsetDateTime now) {
        h.createUpdate("""
                        UPDATE items SET approved_by = :r, approved_at = :now, return_reason = NULL,
                          published_at = COALESCE(published_at, :now)
                        WHERE id = :id""")
                .bind("r", reviewer).bind("now", now).bind("id", id).execute();
    }

    /** Everyone who wrote or submitted the change now under review: since the last approval, or since creation. */
    Set<String> authorsOfPendingChange(Handle h, long itemId) {
        return new TreeSet<>(h.createQuery("""
                        SELECT DISTINCT actor FROM item_history WHERE item_id = :i
                          AND action IN (<authoring>)
                          AND id > COALESCE((SELECT MAX(id) FROM item_history WHERE item_id = :i
                                             AND action IN (<publishing>)), 0)""")
                .bind("i", itemId).bindList("authoring", HistoryAction.AUTHORING_CODES)
                .bindList("publishing", HistoryAction.PUBLISHING_CODES).mapTo(String.class).list());
    }

    private static Revision mapRevision(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new Revision(rs.getLong("item_id"), rs.getInt("revision"), rs.getInt("base_version"),
                    Json.MAPPER.readValue(rs.getString("content"), ItemInput.class),
                    ItemStatus.parse(rs.getString("status")), rs.getString("return_reason"), rs.getString("updated_by"),
                    rs.getObject("updated_at", OffsetDateTime.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored revision of item " + rs.getLong("item_id") + " does not parse", e);
        }
    }
}
