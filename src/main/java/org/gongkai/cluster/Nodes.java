package org.gongkai.cluster;

import org.gongkai.config.Config;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The nodes that run on this database: each writes its row at start and every BEAT while it runs (with how many
 * screens it holds), and marks it stopped when it stops. A node killed without stopping stops beating: after
 * ALIVE_FOR it is listed as not running, and its screens, which have moved to the others, name their new node.
 */
public final class Nodes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Nodes.class);
    static final Duration BEAT = Duration.ofSeconds(5);
    static final Duration ALIVE_FOR = Duration.ofSeconds(20);

    /** running: beat within ALIVE_FOR and not stopped. */
    public record Node(String id, String address, OffsetDateTime startedAt, OffsetDateTime beatAt, int screens,
                       OffsetDateTime stoppedAt, boolean running) {}

    private final Jdbi jdbi;
    private final String id;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public Nodes(Jdbi jdbi, String id, Clock clock) {
        this.jdbi = jdbi;
        this.id = id;
        this.clock = clock;
    }

    /**
     * cluster.nodeId, or this machine's host name and configured port. It must stay the same across restarts: the
     * audit anchor tells this node's entries from other nodes' by it. Nodes on one database need distinct ids; two
     * started with port 0 (tests) must be given theirs.
     */
    public static String nodeId(Config config) {
        if (!config.cluster().nodeId().isBlank()) return config.cluster().nodeId();
        return hostName() + ":" + config.server().port();
    }

    /** This machine's name, as the nodes list shows where each node runs. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    public String id() {
        return id;
    }

    /**
     * Stops start-up when a node of this id is running on another machine: a configuration file copied to every
     * node with its nodeId unchanged. The same id on this machine is this node restarting (after a kill -9 its row
     * still looks alive for ALIVE_FOR).
     */
    public void requireUnique() {
        String here = hostName() + ":";
        list().stream().filter(n -> n.id().equals(id) && n.running() && n.address() != null && !n.address().startsWith(here))
                .findFirst().ifPresent(n -> {
                    throw new org.gongkai.config.ConfigException("cluster.nodeId '" + id + "' is already used by the node"
                            + " running at " + n.address() + "; give each node its own cluster.nodeId");
                });
    }

    public synchronized void start(String address, IntSupplier screensHeld) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM nodes WHERE id = :id").bind("id", id).execute();
            h.createUpdate("INSERT INTO nodes (id, address, started_at, beat_at) VALUES (:id, :a, :now, :now)")
                    .bind("id", id).bind("a", address).bind("now", now).execute();
        });
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "node-beat"));
        timer.scheduleWithFixedDelay(() -> beat(screensHeld.getAsInt()), BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat(int screens) {
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE nodes SET beat_at = :now, screens = :s WHERE id = :id")
                    .bind("now", OffsetDateTime.now(clock)).bind("s", screens).bind("id", id).execute());
        } catch (RuntimeException e) {
            LOG.warn("node {}: beat not written: {}", id, org.gongkai.db.Database.rootMessage(e));
        }
    }

    public List<Node> list() {
        OffsetDateTime aliveSince = OffsetDateTime.now(clock).minus(ALIVE_FOR);
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, address, started_at, beat_at, screens, stopped_at FROM nodes ORDER BY id")
                .map((rs, ctx) -> {
                    OffsetDateTime beat = rs.getObject("beat_at", OffsetDateTime.class);
                    OffsetDateTime stopped = rs.getObject("stopped_at", OffsetDateTime.class);
                    return new Node(rs.getString("id"), rs.getString("address"),
                            rs.getObject("started_at", OffsetDateTime.class), beat, rs.getInt("screens"), stopped,
                            stopped == null && beat.isAfter(aliveSince));
                }).list());
    }

    @Override
    public synchronized void close() {
        if (timer == null) return;
        timer.shutdownNow();
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE nodes SET stopped_at = :now, screens = 0 WHERE id = :id")
                    .bind("now", OffsetDateTime.now(clock)).bind("id", id).execute());
        } catch (RuntimeException e) {
            LOG.warn("node {}: could not record its stop: {}", id, org.gongkai.db.Database.rootMessage(e));
        }
    }
}
