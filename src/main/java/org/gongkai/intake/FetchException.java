package org.gongkai.intake;

/** A fetch or parse from outside that failed; the message says why in plain words, for staff to read. */
public final class FetchException extends Exception {
    /** What kind of failure, for the feed state shown to staff and for tests. */
    public enum Reason { BAD_URL, DNS, TIMEOUT, CONNECTION, HTTP_STATUS, TOO_LARGE, INVALID_XML, NOT_A_FEED }

    private final Reason reason;

    public FetchException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
