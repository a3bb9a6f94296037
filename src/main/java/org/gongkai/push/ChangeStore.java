package org.gongkai.push;

import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** SQL of the change feed: reading content_changes and screen_changes by number, and PostgreSQL's NOTIFY. */
final class ChangeStore {
    static final String CHANNEL = "gongkai_changes";

    /** A content change: the item it changed. */
    record ContentRow(long version, long itemId) {}

    /** A screen change (screenId set) or a group's settings change (only groupCode set). */
    record ScreenRow(long id, String screenId, String groupCode) {}

    private final Jdbi jdbi;

    ChangeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long newestContent() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(version), 0) FROM content_changes")
                .mapTo(Long.class).one());
    }

    long newestScreen() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM screen_changes")
                .mapTo(Long.class).one());
    }

    /** The numbers present in (from, to]: what is missing among them may still be committing. */
    List<Long> contentVersionsIn(long from, long to) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT version FROM content_changes WHERE version > :f AND version <= :t ORDER BY version")
                .bind("f", from).bind("t", to).mapTo(Long.class).list());
    }

    List<Long> screenIdsIn(long from, long to) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM screen_changes WHERE id > :f AND id <= :t ORDER BY id")
                .bind("f", from).bind("t", to).mapTo(Long.class).list());
    }

    List<ContentRow> contentAfter(long version, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT version, item_id FROM content_changes WHERE version > :v ORDER BY version LIMIT :l")
                .bind("v", version).bind("l", limit)
                .map((rs, ctx) -> new ContentRow(rs.getLong(1), rs.getLong(2))).list());
    }

    List<ContentRow> contentIn(List<Long> versions) {
        if (versions.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT version, item_id FROM content_changes WHERE version IN (<v>)")
                .bindList("v", versions).map((rs, ctx) -> new ContentRow(rs.getLong(1), rs.getLong(2))).list());
    }

    List<ScreenRow> screensAfter(long id, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, screen_id, group_code FROM screen_changes WHERE id > :i ORDER BY id LIMIT :l")
                .bind("i", id).bind("l", limit)
                .map((rs, ctx) -> new ScreenRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
    }

    List<ScreenRow> screensIn(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT id, screen_id, group_code FROM screen_changes WHERE id IN (<i>)")
                .bindList("i", ids).map((rs, ctx) -> new ScreenRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
    }

    /** Wakes every node that LISTENs; payload: this node's id, so that it can skip its own. */
    void notifyNodes(String nodeId) {
        jdbi.useHandle(h -> h.createQuery("SELECT pg_notify(:c, :p)").bind("c", CHANNEL).bind("p", nodeId)
                .mapTo(String.class).findOne());
    }

    boolean onPostgres() {
        try {
            return jdbi.withHandle(h -> "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database: cannot tell which it is: " + e.getMessage(), e);
        }
    }
}
