package org.gongkai.screens;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.gongkai.web.Addresses;
import org.gongkai.web.Json;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for screens and screen groups. A screen's currentItemTitle is the title of the version it says it shows, read
 * from the history row of the approval (or issue, or import) that published that version: the list must not put a
 * newer title beside the older version number still on screen. Only published versions have such a row: the id and
 * version come from the screen's own ack, which anyone can send, and must not become a way for staff who may not read
 * a department's drafts to read their titles. An ack without a version falls back to the title of the item as
 * published or withdrawn.
 */
public final class ScreenStore {
    private static final String SCREEN_COLUMNS = """
            id, name, kind, group_code, status, pairing_code, width, height, address, user_agent, last_seen_at,
            acked_version, current_item_id, current_item_version, created_at, node,
            (SELECT i.title FROM items i WHERE i.id = screens.current_item_id AND screens.current_item_version IS NULL
               AND i.status IN ('published', 'withdrawn')) AS current_item_title""";
    private final Jdbi jdbi;
    private final Duration offlineAfter;
    private final Clock clock;

    /** @param clock what "now" is for a group's creation time and for whether a screen is online */
    public ScreenStore(Jdbi jdbi, Duration offlineAfter, Clock clock) {
        this.jdbi = jdbi;
        this.offlineAfter = offlineAfter;
        this.clock = clock;
    }

    public List<ScreenGroup> groups() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT code, name, name_en, default_duration_seconds, viewing_distance_meters, screen_height_meters,
                          night_start, night_end, alert_sound, alert_volume, print_layout
                        FROM screen_groups ORDER BY code""")
                .map((rs, ctx) -> new ScreenGroup(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getInt("default_duration_seconds"), rs.getDouble("viewing_distance_meters"),
                        rs.getObject("screen_height_meters", Double.class), rs.getString("night_start"),
                        rs.getString("night_end"), rs.getBoolean("alert_sound"), rs.getInt("alert_volume"),
                        rs.getString("print_layout"))).list());
    }

    public Optional<ScreenGroup> group(String code) {
        return groups().stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public boolean groupExists(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM screen_groups WHERE code = :c")
                .bind("c", code).mapTo(Integer.class).one() > 0);
    }

    public void insertGroup(ScreenGroup g) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO screen_groups (code, name, name_en, default_duration_seconds, viewing_distance_meters,
                          screen_height_meters, night_start, night_end, alert_sound, alert_volume, print_layout, created_at)
                        VALUES (:code, :name, :nameEn, :defaultDurationSeconds, :viewingDistanceMeters, :screenHeightMeters,
                          :nightStart, :nightEnd, :sound, :volume, :print, :now)""")
                .bindMethods(g).bind("sound", sound(g)).bind("volume", volume(g)).bind("print", printLayout(g)).bind("now", OffsetDateTime.now(clock)).execute());
    }

    /** Changes a group's settings and records it in screen_changes, in one transaction, for every node's screens. */
    public boolean updateGroup(ScreenGroup g) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE screen_groups SET name = :name, name_en = :nameEn, default_duration_seconds = :defaultDurationSeconds,
                          viewing_distance_meters = :viewingDistanceMeters, screen_height_meters = :screenHeightMeters,
                          night_start = :nightStart, night_end = :nightEnd, alert_sound = :sound, alert_volume = :volume,
                          print_layout = :print
                        WHERE code = :code""").bindMethods(g).bind("sound", sound(g)).bind("volume", volume(g))
                .bind("print", printLayout(g)).execute() == 1
                && recordChange(h, null, g.code()));
    }

    /** A row of screen_changes, which every node's change feed reads: screenId's identity or group changed. */
    private boolean recordChange(org.jdbi.v3.core.Handle h, String screenId, String groupCode) {
        h.createUpdate("INSERT INTO screen_changes (screen_id, group_code, at) VALUES (:s, :g, :now)")
                .bind("s", screenId).bind("g", groupCode).bind("now", OffsetDateTime.now(clock)).execute();
        return true;
    }

    // A group read from the demo's file or written before the tone: its defaults.
    private static boolean sound(ScreenGroup g) {
        return g.alertSound() == null || g.alertSound();
    }

    private static int volume(ScreenGroup g) {
        return g.alertVolume() == null ? ScreenGroup.DEFAULT_ALERT_VOLUME : g.alertVolume();
    }

    private static String printLayout(ScreenGroup g) {
        return g.printLayout() == null ? ScreenGroup.NO_PRINTER : g.printLayout();
    }

    public List<Screen> list() {
        return withShownTitles(jdbi.withHandle(h -> h.createQuery("SELECT " + SCREEN_COLUMNS + " FROM screens ORDER BY created_at, id")
                .map((rs, ctx) -> map(rs)).list()));
    }

    public Optional<Screen> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SCREEN_COLUMNS + " FROM screens WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne()).map(s -> withShownTitles(List.of(s)).get(0));
    }

    /** Each screen with the title of the published version it shows (see the class comment). */
    private List<Screen> withShownTitles(List<Screen> screens) {
        List<Screen> versioned = screens.stream().filter(s -> s.currentItemId() != null && s.currentItemVersion() != null).toList();
        if (versioned.isEmpty()) return screens;
        Map<String, String> titles = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT item_id, version, snapshot FROM item_history
                        WHERE item_id IN (<ids>) AND version IN (<versions>) AND action IN (<actions>)""")
                .bindList("ids", versioned.stream().map(Screen::currentItemId).distinct().toList())
                .bindList("versions", versioned.stream().map(Screen::currentItemVersion).distinct().toList())
                .bindList("actions", org.gongkai.content.HistoryAction.PUBLISHING_CODES)
                .map((rs, ctx) -> Map.entry(rs.getLong("item_id") + ":" + rs.getInt("version"), rs.getString("snapshot")))
                .forEach(e -> titles.computeIfAbsent(e.getKey(), k -> title(e.getValue()))));
        return screens.stream().map(s -> s.currentItemVersion() == null ? s
                : s.withCurrentItemTitle(titles.get(s.currentItemId() + ":" + s.currentItemVersion()))).toList();
    }

    /** The top-level title of a stored snapshot, read without building the whole (possibly large) tree. */
    private static String title(String snapshot) {
        if (snapshot == null) return null;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(snapshot)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("title".equals(field)) return p.getValueAsString();
                p.skipChildren();
            }
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    public Optional<String> secretHash(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret_hash FROM screens WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne());
    }

    public Optional<Screen> findByPairingCode(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SCREEN_COLUMNS
                        + " FROM screens WHERE pairing_code = :c AND status = 'pending'")
                .bind("c", code).map((rs, ctx) -> map(rs)).findOne());
    }

    public boolean pairingCodeTaken(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM screens WHERE pairing_code = :c")
                .bind("c", code).mapTo(Integer.class).one() > 0);
    }

    public int countPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM screens WHERE status = 'pending'")
                .mapTo(Integer.class).one());
    }

    public int deletePendingNotSeenSince(OffsetDateTime cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM screens WHERE status = 'pending' AND COALESCE(last_seen_at, created_at) < :cutoff""")
                .bind("cutoff", cutoff).execute());
    }

    public void insertPending(String id, String secretHash, String kind, String pairingCode, OffsetDateTime now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO screens (id, secret_hash, kind, status, pairing_code, created_at, last_seen_at)
                        VALUES (:id, :s, :k, 'pending', :p, :now, :now)""")
                .bind("id", id).bind("s", secretHash).bind("k", kind).bind("p", pairingCode).bind("now", now).execute());
    }

    /** A hello: what the screen said of itself, and that node holds its connection now. */
    public void seen(String id, String kind, Integer width, Integer height, String address, String userAgent,
                     String node, OffsetDateTime now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE screens SET kind = :k, width = :w, height = :h, address = :a, user_agent = :ua,
                          last_seen_at = :now, node = :node WHERE id = :id""")
                .bind("k", kind).bind("w", width).bind("h", height).bind("a", address).bind("ua", userAgent)
                .bind("node", node).bind("now", now).bind("id", id).execute());
    }

    /** The node let these screens' last connections go; another node may hold a newer one, which is left alone. */
    public void released(List<String> ids, String node) {
        inChunks(ids, chunk -> jdbi.useHandle(h -> h.createUpdate(
                "UPDATE screens SET node = NULL WHERE node = :node AND id IN (<ids>)").bind("node", node).bindList("ids", chunk).execute()));
    }

    /** The node stops: it holds no screen any more. */
    public void releasedAll(String node) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE screens SET node = NULL WHERE node = :node").bind("node", node).execute());
    }

    public record AckRow(String id, long version, Long itemId, Integer itemVersion) {}

    /** Rows are written in id order, the order touchAll locks them in, so the two never deadlock each other. */
    public void ackAll(List<AckRow> rows, OffsetDateTime now) {
        if (rows.isEmpty()) return;
        List<AckRow> ordered = rows.stream().sorted(java.util.Comparator.comparing(AckRow::id)).toList();
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("""
                    UPDATE screens SET acked_version = :version, current_item_id = COALESCE(:itemId, current_item_id),
                      current_item_version = COALESCE(:itemVersion, current_item_version), last_seen_at = :now WHERE id = :id""");
            for (AckRow row : ordered) batch.bindMethods(row).bind("now", now).add();
            batch.execute();
        });
    }

    public void touchAll(List<String> ids, OffsetDateTime now) {
        inChunks(ids.stream().sorted().toList(), chunk -> jdbi.useHandle(h -> h.createUpdate(
                "UPDATE screens SET last_seen_at = :now WHERE id IN (<ids>)").bind("now", now).bindList("ids", chunk).execute()));
    }

    /** Statements over many screens go 500 ids at a time: one IN list per statement stays small. */
    private static void inChunks(List<String> ids, java.util.function.Consumer<List<String>> statement) {
        for (int from = 0; from < ids.size(); from += 500) statement.accept(ids.subList(from, Math.min(ids.size(), from + 500)));
    }

    /** Pairs the screen and records it in screen_changes, in one transaction, for the node that holds it. */
    public void pair(String id, String name, String group) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE screens SET status = 'active', pairing_code = NULL, name = :n, group_code = :g WHERE id = :id""")
                    .bind("n", name).bind("g", group).bind("id", id).execute();
            recordChange(h, id, group);
        });
    }

    public void update(String id, String name, String group, String status) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE screens SET name = :n, group_code = :g, status = :s WHERE id = :id")
                    .bind("n", name).bind("g", group).bind("s", status).bind("id", id).execute();
            recordChange(h, id, group);
        });
    }

    private Screen map(ResultSet rs) throws SQLException {
        OffsetDateTime lastSeen = rs.getObject("last_seen_at", OffsetDateTime.class);
        boolean online = lastSeen != null && lastSeen.isAfter(OffsetDateTime.now(clock).minus(offlineAfter));
        return new Screen(rs.getString("id"), rs.getString("name"), rs.getString("kind"), rs.getString("group_code"),
                rs.getString("status"), rs.getString("pairing_code"), (Integer) rs.getObject("width"),
                (Integer) rs.getObject("height"), Addresses.display(rs.getString("address")), rs.getString("user_agent"), lastSeen,
                (Long) rs.getObject("acked_version"), (Long) rs.getObject("current_item_id"),
                (Integer) rs.getObject("current_item_version"), rs.getString("current_item_title"),
                rs.getObject("created_at", OffsetDateTime.class), online, rs.getString("node"));
    }
}
