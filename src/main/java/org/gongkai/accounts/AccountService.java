package org.gongkai.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Passwords (bcrypt), staff sessions and API tokens. Clear-text secrets are never stored or logged. */
public final class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final int BCRYPT_COST = 10;
    public static final int MAX_PASSWORD_BYTES = 72;
    // Verified against when the user does not exist, so a wrong username costs as long as a wrong password.
    private static final String DUMMY_HASH = hash("not-a-real-password");

    private final AccountStore store;
    private final Duration sessionLength;
    private final Clock clock;

    public AccountService(AccountStore store, Duration sessionLength, Clock clock) {
        this.store = store;
        this.sessionLength = sessionLength;
        this.clock = clock;
    }

    public record NewSession(String token, Staff staff, OffsetDateTime expires) {}

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    }

    /** bcrypt refuses passwords over 72 bytes, and no stored hash was made from one, so those never match. */
    private static boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) return false;
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    public Optional<NewSession> login(String username, String password) {
        Optional<AccountStore.UserRow> user = store.findByUsername(username);
        boolean ok = matches(password, user.map(AccountStore.UserRow::passwordHash).orElse(DUMMY_HASH));
        if (!ok || user.isEmpty() || user.get().disabled()) {
            return Optional.empty();
        }
        AccountStore.UserRow u = user.get();
        String token = Secrets.token(32);
        String csrf = Secrets.token(24);
        OffsetDateTime expires = OffsetDateTime.now(clock).plus(sessionLength);
        store.deleteExpiredSessions();
        store.createSession(Secrets.sha256(token), u.id(), csrf, expires);
        return Optional.of(new NewSession(token, new Staff(u.id(), u.username(), u.role(), u.department(), csrf), expires));
    }

    public void logout(String sessionToken) {
        store.deleteSession(Secrets.sha256(sessionToken));
    }

    public Optional<Staff> bySession(String sessionToken) {
        return store.findSession(Secrets.sha256(sessionToken));
    }

    public Optional<Staff> byApiToken(String apiToken) {
        return store.findApiToken(Secrets.sha256(apiToken));
    }

    /** @return the clear token, shown to its owner once */
    public String createApiToken(Staff owner, String name) {
        String token = "gk_" + Secrets.token(30);
        store.createApiToken(name, Secrets.sha256(token), owner.id());
        return token;
    }

    /** On the first start, creates `admin` with the given password, or a random one printed once. */
    public void ensureAdmin(String configuredPassword, boolean production) {
        if (store.countUsers() > 0) {
            return;
        }
        String password = configuredPassword;
        if (password == null || password.isBlank()) {
            if (production) {
                throw new org.gongkai.config.ConfigException(
                        "GONGKAI_ADMIN_PASSWORD: must be set for the first start in production mode (server.production: true)");
            }
            password = Secrets.token(12);
            LOG.warn("Created account 'admin' with the generated password: {}  (shown once; change it after logging in)", password);
        } else if (password.length() < 8) {
            throw new org.gongkai.config.ConfigException("GONGKAI_ADMIN_PASSWORD: must be at least 8 characters");
        } else {
            LOG.info("Created account 'admin' with the password from GONGKAI_ADMIN_PASSWORD");
        }
        store.createUser("admin", "管理员", hash(password), Role.ADMIN, null);
    }

    public long createUser(String username, String displayName, String password, Role role, String department) {
        return store.createUser(username, displayName, hash(password), role, department);
    }

    public java.util.List<User> users() {
        return store.listUsers();
    }

    public Optional<User> user(long id) {
        return store.findUser(id);
    }

    public boolean usernameTaken(String username) {
        return store.findByUsername(username).isPresent();
    }

    /** Saves the changes; a user who is disabled or gets another role must log in again. */
    public User updateUser(User before, String displayName, Role role, String department, boolean disabled) {
        store.updateUser(before.id(), displayName, role, department, disabled);
        if (disabled || !role.code().equals(before.role())) store.deleteSessions(before.id(), null);
        return store.findUser(before.id()).orElseThrow();
    }

    /** An admin sets a new password: the user's sessions end. */
    public void resetPassword(long userId, String password) {
        store.setPasswordHash(userId, hash(password));
        store.deleteSessions(userId, null);
    }

    /**
     * The user changes their own password; their other sessions end, the one they are using (if any) stays.
     * @return false when currentPassword is wrong
     */
    public boolean changeOwnPassword(Staff staff, String currentPassword, String newPassword, String sessionToken) {
        String current = store.passwordHash(staff.id()).orElse(DUMMY_HASH);
        if (!matches(currentPassword, current)) return false;
        store.setPasswordHash(staff.id(), hash(newPassword));
        store.deleteSessions(staff.id(), sessionToken == null ? null : Secrets.sha256(sessionToken));
        return true;
    }
}
