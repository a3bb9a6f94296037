package org.gongkai.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

public enum ItemStatus {
    DRAFT, SUBMITTED, RETURNED, PUBLISHED, WITHDRAWN;

    /** Still being written or reviewed: never on a screen, never public. */
    public boolean inReview() {
        return this == DRAFT || this == SUBMITTED || this == RETURNED;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ItemStatus parse(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of draft, submitted, returned, published, withdrawn"));
    }
}
