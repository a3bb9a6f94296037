package org.gongkai.web;

/**
 * 429: the caller has done something too often. Leaves as {"error", "field", "retryAfterSeconds"} with a Retry-After
 * header; the error says why and for how long, in words a person can be shown.
 */
public final class TooManyRequests extends ApiException {
    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds, String message, String field) {
        super(429, message, field);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** "why; try again in 15 minutes" */
    public static TooManyRequests retryLater(long retryAfterSeconds, String why, String field) {
        return new TooManyRequests(retryAfterSeconds, why + "; try again in " + inWords(retryAfterSeconds), field);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static String inWords(long seconds) {
        if (seconds < 60) return seconds + (seconds == 1 ? " second" : " seconds");
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
