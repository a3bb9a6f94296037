package org.gongkai.push;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Pings every screen and records it as seen once per 30 s, a thirtieth of them each second: 10,000 pings and
 * updates at once would stall a publish that happens to coincide with them. {@link #beat()} runs once a second on
 * the hub's timer thread, which is the only thread that sends pings.
 */
final class Heartbeat {
    private static final int SLOTS = 30;
    private final Collection<ScreenConnection> connections;
    private final ScreenAcks acks;
    private long tick; // timer thread only

    /** @param connections a live view of the open connections */
    Heartbeat(Collection<ScreenConnection> connections, ScreenAcks acks) {
        this.connections = connections;
        this.acks = acks;
    }

    void beat() {
        int slot = (int) (tick++ % SLOTS);
        List<String> ids = new ArrayList<>();
        for (ScreenConnection conn : connections) {
            if (Math.floorMod(System.identityHashCode(conn), SLOTS) != slot) continue;
            conn.ping();
            if (conn.screenId != null) ids.add(conn.screenId);
        }
        acks.touch(ids);
    }
}
