package org.gongkai.limits;

import org.gongkai.accounts.Secrets;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The table limit_windows, shared by every node: one row per rule and caller with the window's end and how many
 * events it holds. Every count is a single UPDATE or INSERT, never a read followed by a write, so that callers on
 * several nodes at once are all counted. Ended windows are deleted at most once a minute, by the node that counts
 * next, so the table holds only the windows that are still running.
 */
public final class LimitStore {
    /** A caller's window: how many events, and when it ends (epoch millis). */
    public record Window(int events, long endsAt) {}

    private static final String UNIQUE_VIOLATION = "23505"; // the same SQLState in H2 and PostgreSQL
    private static final int TRIES = 3;
    private static final long SWEEP_EVERY_MILLIS = 60_000;
    private final Jdbi jdbi;
    private final AtomicLong lastSweep = new AtomicLong();

    public LimitStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Counts one event if the window holds fewer than max: a live window grows (its end moved to newEnd when slide),
     * an ended one starts again at one, a missing one is inserted. False when the window is full.
     */
    public boolean take(String rule, String key, int max, long now, long newEnd, boolean slide) {
        sweepNowAndThen(now);
        String subject = subject(key);
        for (int i = 0; i < TRIES; i++) {
            if (grow(rule, subject, max, now, newEnd, slide) || restart(rule, subject, now, newEnd)) return true;
            if (insert(rule, subject, newEnd)) return true;
            if (find(rule, key).map(w -> w.endsAt() > now && w.events() >= max).orElse(false)) return false;
            // the row came or went between these statements (another caller, a sweep): count again
        }
        return false;
    }

    /** Gives back one event of a live window. */
    public void giveBack(String rule, String key, long now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE limit_windows SET events = events - 1 WHERE rule_name = :rule"
                        + " AND subject = :subject AND events > 0 AND ends_at > :now")
                .bind("rule", rule).bind("subject", subject(key)).bind("now", now).execute());
    }

    public void forget(String rule, String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM limit_windows WHERE rule_name = :rule AND subject = :subject")
                .bind("rule", rule).bind("subject", subject(key)).execute());
    }

    public Optional<Window> find(String rule, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT events, ends_at FROM limit_windows WHERE rule_name = :rule"
                        + " AND subject = :subject").bind("rule", rule).bind("subject", subject(key))
                .map((rs, ctx) -> new Window(rs.getInt("events"), rs.getLong("ends_at"))).findOne());
    }

    private void sweepNowAndThen(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_MILLIS || !lastSweep.compareAndSet(last, now)) return;
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM limit_windows WHERE ends_at <= :now").bind("now", now).execute());
    }

    private boolean grow(String rule, String subject, int max, long now, long newEnd, boolean slide) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE limit_windows SET events = events + 1"
                        + (slide ? ", ends_at = :end" : "") + " WHERE rule_name = :rule AND subject = :subject"
                        + " AND ends_at > :now AND events < :max")
                .bind("rule", rule).bind("subject", subject).bind("now", now).bind("max", max).bind("end", newEnd)
                .execute()) == 1;
    }

    private boolean restart(String rule, String subject, long now, long newEnd) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE limit_windows SET events = 1, ends_at = :end"
                        + " WHERE rule_name = :rule AND subject = :subject AND ends_at <= :now")
                .bind("rule", rule).bind("subject", subject).bind("now", now).bind("end", newEnd).execute()) == 1;
    }

    /** False when another caller inserted the row first. */
    private boolean insert(String rule, String subject, long end) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO limit_windows (rule_name, subject, events, ends_at)"
                            + " VALUES (:rule, :subject, 1, :end)")
                    .bind("rule", rule).bind("subject", subject).bind("end", end).execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) return false;
            throw e;
        }
    }

    private static String subject(String key) {
        return Secrets.sha256(key);
    }
}
