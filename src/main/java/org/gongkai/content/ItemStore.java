package org.gongkai.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.gongkai.web.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All SQL for items, their short links and the content change log (their history is {@link ItemHistory}). */
public final class ItemStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String COLUMNS = """
            i.id, i.kind, i.title, i.summary, i.body, i.body_format, i.department, i.category, i.life_events,
            i.enterprise_stages, i.tags, i.source_url, i.publish_start, i.publish_end, i.priority, i.duration_seconds,
            i.schedule, i.target_groups, i.details, i.status, i.version, i.created_at, i.created_by, i.updated_at,
            i.updated_by, i.published_at, l.code AS short_code""";
    private static final String FROM = " FROM items i LEFT JOIN short_links l ON l.item_id = i.id ";

    private final Jdbi jdbi;

    public ItemStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** draftsOnlyOf: an editor's department, whose drafts are the only ones listed; null lists all. */
    public record Filter(ItemKind kind, String category, String department, ItemStatus status, String q,
                         String lifeEvent, String enterpriseStage, boolean currentOnly, OffsetDateTime now,
                         int page, int size, String draftsOnlyOf) {}

    public record Page(List<Item> items, long total) {}

    public Optional<Item> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    Optional<Item> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + FROM + "WHERE i.id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    public List<Item> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + FROM + "WHERE i.id IN (<ids>)")
                .bindList("ids", new ArrayList<>(ids)).map((rs, ctx) -> map(rs)).list());
    }

    /** Every published item, whatever its window: what search indexes (it filters by time when asked). */
    public List<Item> published() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + FROM + "WHERE i.status = 'published'")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Published items whose window has not ended and that start before the horizon: what screens may need. */
    public List<Item> deliverable(OffsetDateTime now, OffsetDateTime horizon) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + FROM + """
                        WHERE i.status = 'published' AND (i.publish_end IS NULL OR i.publish_end > :now)
                        AND (i.publish_start IS NULL OR i.publish_start <= :horizon)""")
                .bind("now", now).bind("horizon", horizon).map((rs, ctx) -> map(rs)).list());
    }

    public boolean isPolicy(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM items WHERE id = :id AND kind = 'policy'")
                .bind("id", id).mapTo(Integer.class).one() > 0);
    }

    public record Related(long id, String kind, String title, String form, String status, Long policyId) {}

    /** Interpretations of the given policies and the policies of the given interpretations. */
    public List<Related> related(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, kind, title, details, status, policy_id FROM items
                        WHERE policy_id IN (<ids>) OR id IN (SELECT policy_id FROM items WHERE id IN (<ids>))""")
                .bindList("ids", new ArrayList<>(ids))
                .map((rs, ctx) -> {
                    String form = null;
                    if ("interpretation".equals(rs.getString("kind"))) {
                        Details.Interpretation d = readJson(rs.getString("details"), Details.Interpretation.class);
                        form = d == null ? null : d.form();
                    }
                    long policyId = rs.getLong("policy_id");
                    return new Related(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), form,
                            rs.getString("status"), rs.wasNull() ? null : policyId);
                }).list());
    }

    public Page list(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        condition(where, args, "i.kind = :kind", "kind", f.kind() == null ? null : f.kind().code());
        condition(where, args, "i.category = :category", "category", f.category());
        condition(where, args, "i.department = :department", "department", f.department());
        condition(where, args, "i.status = :status", "status", f.status() == null ? null : f.status().code());
        condition(where, args, "(i.department = :own OR i.status IN ('published', 'withdrawn'))", "own", f.draftsOnlyOf());
        if (f.lifeEvent() != null) condition(where, args, "i.life_events LIKE :le ESCAPE '!'", "le", "%\"" + like(f.lifeEvent()) + "\"%");
        if (f.enterpriseStage() != null) condition(where, args, "i.enterprise_stages LIKE :es ESCAPE '!'", "es", "%\"" + like(f.enterpriseStage()) + "\"%");
        if (f.q() != null) {
            where.append(" AND (LOWER(i.title) LIKE :q ESCAPE '!' OR LOWER(i.summary) LIKE :q ESCAPE '!' OR LOWER(i.body) LIKE :q ESCAPE '!')");
            args.put("q", "%" + like(f.q().toLowerCase()) + "%");
        }
        if (f.currentOnly()) {
            where.append(" AND (i.publish_start IS NULL OR i.publish_start <= :now) AND (i.publish_end IS NULL OR i.publish_end > :now)");
            args.put("now", f.now());
        }
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM items i" + where);
            long total = bindAll(count, args).mapTo(Long.class).one();
            Query page = h.createQuery("SELECT " + COLUMNS + FROM + where
                    + " ORDER BY i.priority DESC, COALESCE(i.publish_start, i.created_at) DESC, i.id DESC"
                    + " LIMIT :limit OFFSET :offset");
            List<Item> items = bindAll(page, args).bind("limit", f.size()).bind("offset", (long) (f.page() - 1) * f.size())
                    .map((rs, ctx) -> map(rs)).list();
            return new Page(items, total);
        });
    }

    private static void condition(StringBuilder where, Map<String, Object> args, String sql, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            args.put(name, value);
        }
    }

    private static <T extends SqlStatement<T>> T bindAll(T statement, Map<String, Object> args) {
        args.forEach(statement::bind);
        return statement;
    }

    private static String like(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Published or not, published_at is left to the approval ({@link ReviewStore#approved}). */
    long insert(Handle h, ItemInput in, String actor, OffsetDateTime now) {
        var update = h.createUpdate("""
                INSERT INTO items (kind, title, summary, body, body_format, department, category, life_events,
                  enterprise_stages, tags, source_url, publish_start, publish_end, priority, duration_seconds, schedule,
                  target_groups, details, policy_id, status, version, created_at, created_by, updated_at, updated_by)
                VALUES (:kind, :title, :summary, :body, :bodyFormat, :department, :category, :lifeEvents,
                  :enterpriseStages, :tags, :sourceUrl, :publishStart, :publishEnd, :priority, :durationSeconds, :schedule,
                  :targetGroups, :details, :policyId, :status, 1, :now, :actor, :now, :actor)""");
        bindContent(update, in).bind("now", now).bind("actor", actor);
        return update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** @return false when the row's version was not the expected one (someone else saved first) */
    boolean update(Handle h, long id, int expectedVersion, ItemInput in, String actor, OffsetDateTime now) {
        var update = h.createUpdate("""
                UPDATE items SET kind = :kind, title = :title, summary = :summary, body = :body, body_format = :bodyFormat,
                  department = :department, category = :category, life_events = :lifeEvents,
                  enterprise_stages = :enterpriseStages, tags = :tags, source_url = :sourceUrl,
                  publish_start = :publishStart, publish_end = :publishEnd, priority = :priority,
                  duration_seconds = :durationSeconds, schedule = :schedule, target_groups = :targetGroups,
                  details = :details, policy_id = :policyId, status = :status, version = version + 1,
                  updated_at = :now, updated_by = :actor
                WHERE id = :id AND version = :expected""");
        bindContent(update, in).bind("now", now).bind("actor", actor).bind("id", id).bind("expected", expectedVersion);
        return update.execute() == 1;
    }

    void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM short_links WHERE item_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM item_history WHERE item_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM items WHERE id = :id").bind("id", id).execute();
    }

    boolean hasInterpretations(Handle h, long policyId) {
        return h.createQuery("SELECT COUNT(*) FROM items WHERE policy_id = :id").bind("id", policyId)
                .mapTo(Integer.class).one() > 0;
    }

    private static <T extends SqlStatement<T>> T bindContent(T s, ItemInput in) {
        return s.bind("kind", in.kind().code()).bind("title", in.title()).bind("summary", in.summary())
                .bind("body", in.body()).bind("bodyFormat", in.bodyFormat()).bind("department", in.department())
                .bind("category", in.category()).bind("lifeEvents", Json.write(in.lifeEvents()))
                .bind("enterpriseStages", Json.write(in.enterpriseStages())).bind("tags", Json.write(in.tags()))
                .bind("sourceUrl", in.sourceUrl()).bind("publishStart", in.publishStart())
                .bind("publishEnd", in.publishEnd()).bind("priority", in.priority())
                .bind("durationSeconds", in.durationSeconds())
                .bind("schedule", in.schedule() == null ? null : Json.write(in.schedule()))
                .bind("targetGroups", Json.write(in.targetGroups()))
                .bind("details", in.details() == null ? null : Json.write(in.details()))
                .bind("policyId", in.interpretation() == null ? null : in.interpretation().policyId())
                .bind("status", in.status().code());
    }

    void insertShortLink(Handle h, String code, long itemId) {
        h.createUpdate("INSERT INTO short_links (code, item_id) VALUES (:c, :i)").bind("c", code).bind("i", itemId).execute();
    }

    boolean shortCodeTaken(Handle h, String code) {
        return h.createQuery("SELECT COUNT(*) FROM short_links WHERE code = :c").bind("c", code).mapTo(Integer.class).one() > 0;
    }

    /** Records that an item changed in a way screens may see; the generated key is the new content version. */
    long recordChange(Handle h, long itemId, OffsetDateTime now) {
        return h.createUpdate("INSERT INTO content_changes (item_id, at) VALUES (:i, :now)")
                .bind("i", itemId).bind("now", now).executeAndReturnGeneratedKeys("version").mapTo(Long.class).one();
    }

    public long currentVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(version), 0) FROM content_changes")
                .mapTo(Long.class).one());
    }

    /**
     * What a screen that holds the given version has missed by now: the items changed since, and those whose publish
     * window ended, or came within the horizon, without a commit since then. Empty when more than limit changes
     * came since, or the version is unknown.
     */
    public Optional<List<Long>> missedSince(long version, int limit, OffsetDateTime now, java.time.Duration horizon) {
        return jdbi.withHandle(h -> {
            // the version may be a number that never committed (a rolled-back one a node gave up waiting for)
            Optional<OffsetDateTime> then = h.createQuery(
                            "SELECT at FROM content_changes WHERE version <= :v ORDER BY version DESC LIMIT 1")
                    .bind("v", version).mapTo(OffsetDateTime.class).findOne();
            if (then.isEmpty()) return Optional.empty();
            List<Long> ids = new ArrayList<>(h.createQuery(
                            "SELECT item_id FROM content_changes WHERE version > :v ORDER BY version LIMIT :l")
                    .bind("v", version).bind("l", limit + 1).mapTo(Long.class).list());
            if (ids.size() > limit) return Optional.empty();
            ids.addAll(h.createQuery("""
                            SELECT id FROM items WHERE (publish_end > :then AND publish_end <= :now)
                              OR (publish_start > :thenHorizon AND publish_start <= :nowHorizon) ORDER BY id""")
                    .bind("then", then.get()).bind("now", now)
                    .bind("thenHorizon", then.get().plus(horizon)).bind("nowHorizon", now.plus(horizon))
                    .mapTo(Long.class).list());
            return Optional.of(ids.stream().distinct().toList());
        });
    }

    public Optional<Long> itemForShortCode(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT item_id FROM short_links WHERE code = :c")
                .bind("c", code).mapTo(Long.class).findOne());
    }

    public void countScan(String code, OffsetDateTime now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE short_links SET scans = scans + 1, last_scan_at = :now WHERE code = :c")
                .bind("now", now).bind("c", code).execute());
    }

    public long scans(long itemId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT scans FROM short_links WHERE item_id = :i")
                .bind("i", itemId).mapTo(Long.class).findOne().orElse(0L));
    }

    static Item map(ResultSet rs) throws SQLException {
        ItemKind kind = ItemKind.parse(rs.getString("kind"));
        int duration = rs.getInt("duration_seconds");
        Integer durationSeconds = rs.wasNull() ? null : duration;
        return Item.builder().id(rs.getLong("id")).kind(kind).title(rs.getString("title"))
                .summary(rs.getString("summary")).body(rs.getString("body")).bodyFormat(rs.getString("body_format"))
                .department(rs.getString("department")).category(rs.getString("category"))
                .lifeEvents(readJson(rs.getString("life_events"), STRINGS))
                .enterpriseStages(readJson(rs.getString("enterprise_stages"), STRINGS))
                .tags(readJson(rs.getString("tags"), STRINGS)).sourceUrl(rs.getString("source_url"))
                .publishStart(rs.getObject("publish_start", OffsetDateTime.class))
                .publishEnd(rs.getObject("publish_end", OffsetDateTime.class)).priority(rs.getInt("priority"))
                .durationSeconds(durationSeconds).schedule(readJson(rs.getString("schedule"), Schedule.class))
                .targetGroups(readJson(rs.getString("target_groups"), STRINGS))
                .details(kind.detailsType() == null ? null : readJson(rs.getString("details"), kind.detailsType()))
                .status(ItemStatus.parse(rs.getString("status"))).version(rs.getInt("version"))
                .shortCode(rs.getString("short_code")).createdAt(rs.getObject("created_at", OffsetDateTime.class))
                .createdBy(rs.getString("created_by")).updatedAt(rs.getObject("updated_at", OffsetDateTime.class))
                .updatedBy(rs.getString("updated_by")).publishedAt(rs.getObject("published_at", OffsetDateTime.class))
                .build();
    }

    private static <T> T readJson(String json, Class<T> type) {
        if (json == null) return null;
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse as " + type.getSimpleName(), e);
        }
    }

    private static <T> T readJson(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
