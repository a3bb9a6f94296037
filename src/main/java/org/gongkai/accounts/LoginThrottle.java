package org.gongkai.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after 5 failed logins for a name, or 20 from one address, within 15 minutes, that
 * name or address may not log in until the 15 minutes have passed since the last failure. Counted per node.
 */
public final class LoginThrottle {
    static final int MAX_PER_NAME = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(int count, long lastMillis) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait before this name may try again from this address; 0 when it may try now. */
    public long waitSeconds(String username, String address) {
        return Math.max(wait("name:" + username.toLowerCase(), MAX_PER_NAME), wait("addr:" + address, MAX_PER_ADDRESS));
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        for (String key : new String[]{"name:" + username.toLowerCase(), "addr:" + address}) {
            failures.merge(key, new Failures(1, now), (old, one) ->
                    now - old.lastMillis() > WINDOW.toMillis() ? one : new Failures(old.count() + 1, now));
        }
    }

    public void succeeded(String username) {
        failures.remove("name:" + username.toLowerCase());
    }

    private long wait(String key, int max) {
        Failures f = failures.get(key);
        if (f == null || f.count() < max) return 0;
        long left = f.lastMillis() + WINDOW.toMillis() - clock.millis();
        if (left <= 0) {
            failures.remove(key, f);
            return 0;
        }
        return (left + 999) / 1000;
    }
}
