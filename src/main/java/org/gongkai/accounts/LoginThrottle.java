package org.gongkai.accounts;

import org.gongkai.limits.Limiter;

import java.time.Duration;
import java.util.List;

/**
 * Slows down password guessing: after 5 failed logins for a name, or 20 from one address, within 15 minutes, that
 * name or address may not log in until the 15 minutes have passed since the last failure. Counted in the database,
 * so a guesser who alternates between nodes gets no extra tries. Each attempt is counted before the password is
 * checked (parallel guesses count too); a success takes its count back and clears the name's failures.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Limiter.Rule PER_NAME = Limiter.Rule.sliding("login-name", 5, WINDOW);
    static final Limiter.Rule PER_ADDRESS = Limiter.Rule.sliding("login-address", 20, WINDOW);

    private final Limiter limiter;

    public LoginThrottle(Limiter limiter) {
        this.limiter = limiter;
    }

    /** Counts an attempt: 0 when it may go ahead, otherwise the seconds to wait (and nothing was counted). */
    public long attempt(String username, String address) {
        return limiter.acquireAll(slots(username, address));
    }

    public void succeeded(String username, String address) {
        limiter.reset(PER_NAME, nameKey(username));
        limiter.release(PER_ADDRESS, address);
    }

    private static List<Limiter.Slot> slots(String username, String address) {
        return List.of(new Limiter.Slot(PER_NAME, nameKey(username)), new Limiter.Slot(PER_ADDRESS, address));
    }

    private static String nameKey(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }
}
