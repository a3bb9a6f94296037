package org.gongkai.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import org.gongkai.web.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for feeds, their entries (entry key → item) and their fetch log. */
final class FeedStore {
    static final int LOG_KEPT = 50;
    private static final String COLUMNS = "id, name, url, format, json_fields, interval_seconds, department, kind, "
            + "category, target_groups, trusted, created_at, last_fetch_at, last_success_at, last_error, entries_imported";

    /** An entry already imported: its item and the hash of what it said then. */
    record Known(String key, long itemId, String contentHash, OffsetDateTime goneSince) {}

    private final Jdbi jdbi;

    FeedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Feed> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feeds ORDER BY id")
                .map((rs, ctx) -> feed(rs)).list()).stream().map(f -> f.withGone(gone(f.id()))).toList();
    }

    Optional<Feed> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feeds WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> feed(rs)).findOne()).map(f -> f.withGone(gone(f.id())));
    }

    long insert(FeedInput in, OffsetDateTime now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO feeds (name, url, format, json_fields, interval_seconds, department, kind, category,
                                           target_groups, trusted, created_at)
                        VALUES (:name, :url, :format, :fields, :interval, :department, :kind, :category, :groups, :trusted, :now)""")
                .bindMap(values(in)).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    boolean update(long id, FeedInput in) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE feeds SET name = :name, url = :url, format = :format, json_fields = :fields,
                          interval_seconds = :interval, department = :department, kind = :kind, category = :category,
                          target_groups = :groups, trusted = :trusted WHERE id = :id""")
                .bindMap(values(in)).bind("id", id).execute()) == 1;
    }

    boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM feeds WHERE id = :id").bind("id", id).execute()) == 1;
    }

    Map<String, Known> known(long feedId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT entry_key, item_id, content_hash, gone_since FROM feed_entries WHERE feed_id = :f")
                .bind("f", feedId).map((rs, ctx) -> new Known(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class))).list())
                .stream().collect(java.util.stream.Collectors.toMap(Known::key, k -> k));
    }

    void remember(long feedId, FeedEntry e, long itemId, OffsetDateTime now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO feed_entries (feed_id, entry_key, item_id, content_hash, title, link, first_seen_at)
                        VALUES (:f, :k, :item, :hash, :title, :link, :now)""")
                .bind("f", feedId).bind("k", e.key()).bind("item", itemId).bind("hash", e.contentHash())
                .bind("title", e.title()).bind("link", e.link()).bind("now", now).execute());
    }

    void changed(long feedId, FeedEntry e) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE feed_entries SET content_hash = :hash, title = :title, link = :link, gone_since = NULL
                        WHERE feed_id = :f AND entry_key = :k""")
                .bind("f", feedId).bind("k", e.key()).bind("hash", e.contentHash()).bind("title", e.title())
                .bind("link", e.link()).execute());
    }

    void setGone(long feedId, String key, OffsetDateTime since) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE feed_entries SET gone_since = :s WHERE feed_id = :f AND entry_key = :k")
                .bind("s", since).bind("f", feedId).bind("k", key).execute());
    }

    /** This node fetches the due feed, unless another node on the database has just taken it (Pollers.claim). */
    boolean claim(Feed feed, OffsetDateTime now) {
        return org.gongkai.intake.Pollers.claim(jdbi, "feeds", feed.id(), feed.intervalSeconds(), now);
    }

    /** Records a fetch on the feed and in its log, keeping the last LOG_KEPT results. */
    void fetched(long feedId, Feed.LogEntry r) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE feeds SET last_fetch_at = :at, last_error = :error,
                              last_success_at = CASE WHEN :ok THEN :at ELSE last_success_at END,
                              entries_imported = entries_imported + :added WHERE id = :f""")
                    .bind("at", r.at()).bind("error", r.error()).bind("ok", r.ok()).bind("added", r.added())
                    .bind("f", feedId).execute();
            h.createUpdate("""
                            INSERT INTO feed_log (feed_id, at, ok, added, changed, unchanged, gone, skipped, error)
                            VALUES (:f, :at, :ok, :added, :changed, :unchanged, :gone, :skipped, :error)""")
                    .bind("f", feedId).bindMethods(r).execute();
            trimLog(h, feedId);
        });
    }

    List<Feed.LogEntry> log(long feedId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT at, ok, added, changed, unchanged, gone, skipped, error FROM feed_log
                        WHERE feed_id = :f ORDER BY id DESC""").bind("f", feedId)
                .map((rs, ctx) -> new Feed.LogEntry(rs.getObject("at", OffsetDateTime.class), rs.getBoolean("ok"),
                        rs.getInt("added"), rs.getInt("changed"), rs.getInt("unchanged"), rs.getInt("gone"),
                        rs.getInt("skipped"), rs.getString("error"))).list());
    }

    private static void trimLog(Handle h, long feedId) {
        h.createUpdate("""
                        DELETE FROM feed_log WHERE feed_id = :f AND id <= (SELECT MAX(id) FROM feed_log WHERE feed_id = :f) - :kept""")
                .bind("f", feedId).bind("kept", LOG_KEPT).execute();
    }

    private List<Feed.Gone> gone(long feedId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT title, link, item_id, gone_since FROM feed_entries
                        WHERE feed_id = :f AND gone_since IS NOT NULL ORDER BY gone_since DESC""").bind("f", feedId)
                .map((rs, ctx) -> new Feed.Gone(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class))).list());
    }

    private static Map<String, Object> values(FeedInput in) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("name", in.name());
        m.put("url", in.url());
        m.put("format", in.format());
        m.put("fields", in.jsonFields() == null || in.jsonFields().isEmpty() ? null : Json.write(in.jsonFields()));
        m.put("interval", in.intervalSeconds());
        m.put("department", in.department());
        m.put("kind", in.kind());
        m.put("category", in.category());
        m.put("groups", Json.write(in.targetGroups()));
        m.put("trusted", in.trusted());
        return m;
    }

    private static Feed feed(ResultSet rs) throws SQLException {
        String fields = rs.getString("json_fields");
        return new Feed(rs.getLong("id"), rs.getString("name"), rs.getString("url"),
                Feed.Format.valueOf(rs.getString("format").toUpperCase(java.util.Locale.ROOT)),
                fields == null ? Map.of() : read(fields, new TypeReference<Map<String, String>>() {}),
                rs.getInt("interval_seconds"), rs.getString("department"), rs.getString("kind"), rs.getString("category"),
                read(rs.getString("target_groups"), new TypeReference<List<String>>() {}), rs.getBoolean("trusted"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_fetch_at", OffsetDateTime.class),
                rs.getObject("last_success_at", OffsetDateTime.class), rs.getString("last_error"),
                rs.getInt("entries_imported"), List.of());
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("feeds row holds invalid JSON: " + json, e);
        }
    }
}
