package org.gongkai.warnings;

import org.gongkai.web.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** CAP feeds polled (cap_sources): an Atom/RSS index of CAP messages, or one message, at a URL. */
public final class CapSources {
    public record Source(long id, String name, String url, int intervalSeconds, String department, String policy,
                         OffsetDateTime lastPolledAt, String lastError) {}

    /** A create or update request. */
    public record Input(String name, String url, Integer intervalSeconds, String department, String policy) {}

    private final Jdbi jdbi;

    public CapSources(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Source> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY id").map(CapSources::row).list());
    }

    public Optional<Source> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(CapSources::row).findOne());
    }

    public Source create(Input in) {
        Input v = check(in);
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO cap_sources (name, url, interval_seconds, department, policy)"
                        + " VALUES (:name, :url, :interval, :department, :policy)")
                .bind("name", v.name()).bind("url", v.url()).bind("interval", v.intervalSeconds())
                .bind("department", v.department()).bind("policy", v.policy())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return find(id).orElseThrow();
    }

    public Source update(long id, Input in) {
        Input v = check(in);
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE cap_sources SET name = :name, url = :url,"
                        + " interval_seconds = :interval, department = :department, policy = :policy WHERE id = :id")
                .bind("name", v.name()).bind("url", v.url()).bind("interval", v.intervalSeconds())
                .bind("department", v.department()).bind("policy", v.policy()).bind("id", id).execute());
        if (n == 0) throw ApiException.notFound("CAP source " + id);
        return find(id).orElseThrow();
    }

    public void delete(long id) {
        int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM cap_sources WHERE id = :id").bind("id", id).execute());
        if (n == 0) throw ApiException.notFound("CAP source " + id);
    }

    /** This node polls the due source, unless another node on the database has just taken it (Pollers.claim). */
    boolean claim(Source s, OffsetDateTime now) {
        return org.gongkai.intake.Pollers.claim(jdbi, "cap_sources", s.id(), s.intervalSeconds(), now);
    }

    void polled(long id, OffsetDateTime at, String error) {
        String e = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbi.useHandle(h -> h.createUpdate("UPDATE cap_sources SET last_polled_at = :at, last_error = :e WHERE id = :id")
                .bind("at", at).bind("e", e).bind("id", id).execute());
    }

    private static Input check(Input in) {
        if (in == null) throw ApiException.badRequest(null, "request body is required");
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) throw ApiException.badRequest("name", "is required (at most 200 characters)");
        String url = in.url() == null ? "" : in.url().strip();
        if (!(url.startsWith("http://") || url.startsWith("https://")) || url.length() > 2000) {
            throw ApiException.badRequest("url", "must be an http or https URL (at most 2000 characters)");
        }
        try {
            java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("url", "is not a valid URL");
        }
        int interval = in.intervalSeconds() == null ? 60 : in.intervalSeconds();
        if (interval < 1 || interval > 86_400) throw ApiException.badRequest("intervalSeconds", "must be 1 to 86400");
        String policy = in.policy() == null ? "severe_at_once" : in.policy();
        if (!org.gongkai.config.Config.Warnings.POLICIES.contains(policy)) {
            throw ApiException.badRequest("policy", "must be one of " + String.join(", ", org.gongkai.config.Config.Warnings.POLICIES));
        }
        String dept = in.department() == null || in.department().isBlank() ? null : in.department().strip();
        if (dept != null && dept.length() > 64) throw ApiException.badRequest("department", "at most 64 characters");
        return new Input(name, url, interval, dept, policy);
    }

    private static final String SELECT = "SELECT id, name, url, interval_seconds, department, policy, last_polled_at,"
            + " last_error FROM cap_sources";

    private static Source row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Source(rs.getLong("id"), rs.getString("name"), rs.getString("url"), rs.getInt("interval_seconds"),
                rs.getString("department"), rs.getString("policy"), rs.getObject("last_polled_at", OffsetDateTime.class),
                rs.getString("last_error"));
    }
}
