package org.gongkai.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An item or an item input: its one {@link Details} (or none), and the four JSON fields the API reads and writes it
 * as, one per kind, of which only the item's own kind's is set.
 */
public interface WithDetails {
    Details details();

    /** The details if they are of that type, else null. */
    default <T extends Details> T details(Class<T> type) {
        return type.isInstance(details()) ? type.cast(details()) : null;
    }

    @JsonProperty("guide")
    default Details.Guide guide() {
        return details(Details.Guide.class);
    }

    @JsonProperty("policy")
    default Details.Policy policy() {
        return details(Details.Policy.class);
    }

    @JsonProperty("interpretation")
    default Details.Interpretation interpretation() {
        return details(Details.Interpretation.class);
    }

    @JsonProperty("alert")
    default Details.Alert alert() {
        return details(Details.Alert.class);
    }
}
