package org.gongkai.screens;

import java.time.OffsetDateTime;

/**
 * A browser page showing Gongkai content. status: pending (waiting to be paired), active, retired. currentItemTitle is
 * the title of the item it last reported showing, when that item is published or withdrawn (null for anything else).
 */
public record Screen(String id, String name, String kind, String group, String status, String pairingCode,
                     Integer width, Integer height, String address, String userAgent, OffsetDateTime lastSeenAt,
                     Long ackedVersion, Long currentItemId, Integer currentItemVersion, String currentItemTitle,
                     OffsetDateTime createdAt,
                     boolean online) {

    public boolean active() {
        return "active".equals(status);
    }
}
