package org.gongkai.warnings;

import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The table of received CAP messages (cap_messages): each with its outcome and why. */
public final class WarningStore {
    /** Raw XML kept up to this many characters. */
    static final int RAW_MAX = 200_000;
    private final Jdbi jdbi;

    public record Received(long id, String identifier, String sender, OffsetDateTime sent, String msgType,
                           String status, String source, String outcome, String reason, Long itemId,
                           OffsetDateTime receivedAt, String rawXml) {}

    public WarningStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(CapMessage m, String source, byte[] raw, String outcome, String reason, Long itemId, OffsetDateTime at) {
        String xml = decode(raw);
        if (xml.length() > RAW_MAX) xml = xml.substring(0, RAW_MAX);
        String text = xml.replace("\u0000", "");
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO cap_messages (identifier, sender, sent, msg_type, status,"
                        + " source, raw_xml, outcome, reason, item_id, received_at) VALUES (:identifier, :sender, :sent,"
                        + " :msgType, :status, :source, :raw, :outcome, :reason, :itemId, :at)")
                .bind("identifier", m == null ? null : cut(m.identifier(), 400))
                .bind("sender", m == null ? null : cut(m.sender(), 400))
                .bind("sent", m == null ? null : m.sent())
                .bind("msgType", m == null ? null : cut(m.msgType(), 16))
                .bind("status", m == null ? null : cut(m.status(), 16))
                .bind("source", cut(source, 200)).bind("raw", text).bind("outcome", outcome)
                .bind("reason", cut(reason, 1000)).bind("itemId", itemId).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static final java.util.regex.Pattern DECLARED = java.util.regex.Pattern.compile(
            "^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /** The text in the encoding its XML declaration names (GBK, GB18030, ...), else UTF-8. */
    static String decode(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.ISO_8859_1);
        var m = DECLARED.matcher(head);
        java.nio.charset.Charset cs = StandardCharsets.UTF_8;
        if (m.find()) {
            try {
                cs = java.nio.charset.Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                cs = StandardCharsets.UTF_8;
            }
        }
        return new String(raw, cs);
    }

    /** Stored text as bytes the parser reads again: UTF-8, its declaration saying so. */
    static byte[] reencode(String stored) {
        return stored.replaceFirst("^(\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"'])[A-Za-z0-9._-]+", "$1UTF-8").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a message with this identifier was received and read before (a duplicate is ignored). */
    boolean seen(String identifier) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cap_messages WHERE identifier = :i AND msg_type IS NOT NULL")
                .bind("i", identifier).mapTo(Integer.class).one()) > 0;
    }

    /** The item the latest of these messages put on screens, if any. */
    Optional<Long> itemOf(List<String> identifiers) {
        if (identifiers.isEmpty()) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("SELECT item_id FROM cap_messages WHERE identifier IN (<ids>)"
                        + " AND item_id IS NOT NULL ORDER BY id DESC")
                .bindList("ids", identifiers).mapTo(Long.class).findFirst());
    }

    void resolve(long id, String outcome, String reason, Long itemId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE cap_messages SET outcome = :o, reason = :r, item_id = :i WHERE id = :id")
                .bind("o", outcome).bind("r", cut(reason, 1000)).bind("i", itemId).bind("id", id).execute());
    }

    public Optional<Received> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(WarningStore::row).findOne());
    }

    public List<Received> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY id DESC").setMaxRows(limit).map(WarningStore::row).list());
    }

    private static final String SELECT = "SELECT id, identifier, sender, sent, msg_type, status, source, outcome, reason,"
            + " item_id, received_at, raw_xml FROM cap_messages";

    private static Received row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        Object item = rs.getObject("item_id");
        return new Received(rs.getLong("id"), rs.getString("identifier"), rs.getString("sender"),
                rs.getObject("sent", OffsetDateTime.class), rs.getString("msg_type"), rs.getString("status"),
                rs.getString("source"), rs.getString("outcome"), rs.getString("reason"),
                item == null ? null : ((Number) item).longValue(), rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("raw_xml"));
    }

    private static String cut(String s, int max) {
        if (s == null) return null;
        String t = s.replace("\u0000", "");
        return t.length() > max ? t.substring(0, max) : t;
    }
}
