package org.gongkai.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for users, sessions and API tokens. */
public final class AccountStore {
    private final Jdbi jdbi;
    private final Clock clock;

    /** @param clock what "now" is for creation times and for whether a session has expired */
    public AccountStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public record UserRow(long id, String username, String displayName, String passwordHash, Role role,
                          String department, boolean disabled) {}

    private static final String USER_COLUMNS = "id, username, display_name, password_hash, role, department, disabled";

    private static UserRow mapUser(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.parse(rs.getString("role")), rs.getString("department"),
                rs.getBoolean("disabled"));
    }

    public Optional<UserRow> findByUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + " FROM users WHERE username = :u")
                .bind("u", username).map((rs, ctx) -> mapUser(rs)).findOne());
    }

    public long countUsers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }

    public long createUser(String username, String displayName, String passwordHash, Role role, String department) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO users (username, display_name, password_hash, role, department, created_at)
                        VALUES (:u, :d, :p, :r, :dept, :now)""")
                .bind("u", username).bind("d", displayName).bind("p", passwordHash).bind("r", role.code())
                .bind("dept", department).bind("now", OffsetDateTime.now(clock))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static final String PUBLIC_USER_COLUMNS = "id, username, display_name, role, department, disabled, created_at";

    private static User mapPublicUser(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("role"),
                rs.getString("department"), rs.getBoolean("disabled"), rs.getObject("created_at", OffsetDateTime.class));
    }

    public List<User> listUsers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PUBLIC_USER_COLUMNS + " FROM users ORDER BY username")
                .map((rs, ctx) -> mapPublicUser(rs)).list());
    }

    public Optional<User> findUser(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PUBLIC_USER_COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> mapPublicUser(rs)).findOne());
    }

    public Optional<String> passwordHash(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", userId).mapTo(String.class).findOne());
    }

    public void updateUser(long id, String displayName, Role role, String department, boolean disabled) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE users SET display_name = :d, role = :r, department = :dept, disabled = :x WHERE id = :id""")
                .bind("d", displayName).bind("r", role.code()).bind("dept", department).bind("x", disabled)
                .bind("id", id).execute());
    }

    public void setPasswordHash(long userId, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :p WHERE id = :id")
                .bind("p", passwordHash).bind("id", userId).execute());
    }

    /** Ends the user's sessions except the one with keepTokenHash (null: all of them); API tokens stay. */
    public int deleteSessions(long userId, String keepTokenHash) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :u AND token_hash <> :keep")
                .bind("u", userId).bind("keep", keepTokenHash == null ? "" : keepTokenHash).execute());
    }

    public void createSession(String tokenHash, long userId, String csrf, OffsetDateTime expires) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                        VALUES (:t, :u, :c, :now, :e)""")
                .bind("t", tokenHash).bind("u", userId).bind("c", csrf).bind("now", OffsetDateTime.now(clock))
                .bind("e", expires).execute());
    }

    public Optional<Staff> findSession(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.id, u.username, u.role, u.department, s.csrf_token FROM sessions s
                        JOIN users u ON u.id = s.user_id
                        WHERE s.token_hash = :t AND s.expires_at > :now AND u.disabled = FALSE""")
                .bind("t", tokenHash).bind("now", OffsetDateTime.now(clock))
                .map((rs, ctx) -> new Staff(rs.getLong("id"), rs.getString("username"), Role.parse(rs.getString("role")),
                        rs.getString("department"), rs.getString("csrf_token")))
                .findOne());
    }

    public void deleteSession(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :t").bind("t", tokenHash).execute());
    }

    public void deleteExpiredSessions() {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", OffsetDateTime.now(clock)).execute());
    }

    public long createApiToken(String name, String tokenHash, long userId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (name, token_hash, user_id, created_at) VALUES (:n, :t, :u, :now)""")
                .bind("n", name).bind("t", tokenHash).bind("u", userId).bind("now", OffsetDateTime.now(clock))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public Optional<Staff> findApiToken(String tokenHash) {
        return jdbi.withHandle(h -> {
            Optional<Staff> staff = h.createQuery("""
                            SELECT u.id, u.username, u.role, u.department FROM api_tokens t
                            JOIN users u ON u.id = t.user_id WHERE t.token_hash = :t AND u.disabled = FALSE""")
                    .bind("t", tokenHash)
                    .map((rs, ctx) -> new Staff(rs.getLong("id"), rs.getString("username"),
                            Role.parse(rs.getString("role")), rs.getString("department"), null))
                    .findOne();
            staff.ifPresent(s -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :t")
                    .bind("now", OffsetDateTime.now(clock)).bind("t", tokenHash).execute());
            return staff;
        });
    }
}
