package org.gongkai.screens;

import java.time.OffsetDateTime;

/**
 * A browser page showing Gongkai content. status: pending (waiting to be paired), active, retired. currentItemTitle is
 * the title of the version it last reported showing (currentItemVersion), when that version was published (null for
 * anything else). address is the client's address as people write it (127.0.0.1, ::1). node: the node that holds
 * its connection (cluster.nodeId), null when none does.
 */
public record Screen(String id, String name, String kind, String group, String status, String pairingCode,
                     Integer width, Integer height, String address, String userAgent, OffsetDateTime lastSeenAt,
                     Long ackedVersion, Long currentItemId, Integer currentItemVersion, String currentItemTitle,
                     OffsetDateTime createdAt,
                     boolean online, String node) {

    public boolean active() {
        return "active".equals(status);
    }

    public Screen withCurrentItemTitle(String title) {
        return new Screen(id, name, kind, group, status, pairingCode, width, height, address, userAgent, lastSeenAt,
                ackedVersion, currentItemId, currentItemVersion, title, createdAt, online, node);
    }
}
