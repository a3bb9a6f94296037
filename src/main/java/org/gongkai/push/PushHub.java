package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import org.gongkai.content.Item;
import org.gongkai.content.ItemStore;
import org.gongkai.content.ItemViews;
import org.gongkai.db.Database;
import org.gongkai.plays.PlayService;
import org.gongkai.screens.PendingScreens;
import org.gongkai.screens.Screen;
import org.gongkai.screens.ScreenService;
import org.gongkai.screens.ScreenStore;
import org.gongkai.web.ErrorHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every screen's WebSocket, by session and by screen, routes each committed change to the groups' connections
 * and handles hello. Who sends what, on which thread:
 * <ul>
 * <li>the hub's one worker thread ("push-hub") sends every welcome, snapshot and change, in commit order, so a
 * screen never sees a snapshot overtaken by an older change; also the errors about a hello or an ack, and the close
 * of a retired screen. The thread that publishes a change only queues it for the worker.</li>
 * <li>Jetty's thread that read a message answers it directly ({@link ScreenAnswers}): pong, played, and the error
 * for a message that is not a JSON object with a type, has an unknown type, or is a played before hello.</li>
 * <li>the timer thread ("push-timer") sends the WebSocket pings ({@link Heartbeat}).</li>
 * </ul>
 * A message for a group is serialized and encoded once and the same bytes go to every connection of the group;
 * each {@link ScreenConnection} counts its own queue and closes itself, on whichever thread sends, when that passes
 * push.maxQueuedMessages. {@link PushMessages} and {@link ScreenReplies} build messages, {@link ScreenRequests}
 * reads them.
 */
public final class PushHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushHub.class);
    private static final int CHANGE_RETRIES = 300;

    /** trustProxy: a screen's address is the first of X-Forwarded-For (server.trustProxy, behind a reverse proxy). */
    public record Settings(ZoneId zone, Duration horizon, int defaultDurationSeconds, String publicBaseUrl,
                           int maxQueuedMessages, int maxMissedChanges, boolean trustProxy) {}

    /** Where the hub's changes come from, and the node it runs on (named in the screens list). */
    public record Source(ChangeFeed feed, java.util.function.LongSupplier safeVersion, String node) {}

    private final ItemStore items;
    private final ScreenStore screens;
    private final ScreenService screenService;
    private final Settings settings;
    private final Clock clock;
    private final String node;
    private final Map<String, ScreenConnection> connections = new ConcurrentHashMap<>(); // by WebSocket session
    private final Map<String, java.util.Set<ScreenConnection>> byScreen = new ConcurrentHashMap<>(); // by screen id
    private final Map<String, ScreenConnection.Outgoing> snapshots = new HashMap<>(); // by group; worker thread only
    private final java.util.Set<String> released = ConcurrentHashMap.newKeySet(); // screen ids, see flushReleases
    private final ScreenAcks acks;
    private final ScreenAnswers answers;
    private final Heartbeat heartbeat;
    private final PushMessages messages;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "push-hub"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "push-timer"));
    private volatile BroadcastStats lastBroadcast;

    public PushHub(ItemStore items, ItemViews views, ScreenStore screens, ScreenService screenService, PlayService plays,
                   Source source, Settings settings, Clock clock) {
        this.items = items;
        this.screens = screens;
        this.screenService = screenService;
        this.settings = settings;
        this.clock = clock;
        this.node = source.node();
        this.acks = new ScreenAcks(screens, clock);
        this.answers = new ScreenAnswers(plays, acks, clock);
        this.heartbeat = new Heartbeat(connections.values(), acks);
        this.messages = new PushMessages(items, views, screens, settings, source.safeVersion(), clock);
        source.feed().subscribe(change -> {
            long committed = System.nanoTime();
            worker.execute(() -> applyOrRetry(change, committed, CHANGE_RETRIES));
        });
    }

    /**
     * A change whose items cannot be read because the database went away just after its commit is sent again a
     * second later (for up to five minutes) instead of being lost for the screens connected now: the change feed has
     * already passed it, and the next change's version would tell those screens they have it.
     */
    private void applyOrRetry(Change change, long committedNanos, int retriesLeft) {
        try {
            apply(change, committedNanos);
        } catch (RuntimeException e) {
            if (retriesLeft > 0 && ErrorHandlers.databaseUnavailable(e)) {
                LOG.warn("push hub: {} waits for the database: {}", change, Database.rootMessage(e));
                try {
                    timer.schedule(() -> worker.execute(() -> applyOrRetry(change, committedNanos, retriesLeft - 1)),
                            1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    // stopping: screens catch up from content_changes when they reconnect
                }
                return;
            }
            LOG.error("push hub: change {} failed", change, e);
        }
    }

    public void start() {
        timer.scheduleWithFixedDelay(() -> safely("heartbeat", heartbeat::beat), 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> safely("acks", acks::flush), 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> worker.execute(() -> safely("releases", this::flushReleases)), 1, 1, TimeUnit.SECONDS);
        // Publish windows end and begin without a commit: rebuild snapshots so new screens never get stale ones.
        timer.scheduleWithFixedDelay(() -> worker.execute(snapshots::clear), 30, 30, TimeUnit.SECONDS);
    }

    /** For /health: open screen sockets and how the last content change went out. */
    public Map<String, Object> health() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("screensConnected", connections.size());
        out.put("lastBroadcast", lastBroadcast);
        return out;
    }

    /** Screens with an open socket on this node. */
    public int connectedScreens() {
        return connections.size();
    }

    static final String DATABASE_AWAY = "the server cannot reach its database right now; keep showing what you have"
            + " and try again in a few seconds";

    /** Wires /ws/screen. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(this::message);
        ws.onClose(this::closed);
        ws.onError(ctx -> forget(ctx.sessionId()));
    }

    private void connected(WsConnectContext ctx) {
        connections.put(ctx.sessionId(), ScreenConnection.of(ctx, settings.trustProxy(), settings.maxQueuedMessages()));
    }

    private void closed(WsCloseContext ctx) {
        forget(ctx.sessionId());
    }

    private void forget(String sessionId) {
        forget(sessionId, connections.remove(sessionId));
    }

    private void forget(String sessionId, ScreenConnection conn) {
        if (conn != null && conn.screenId != null) {
            var left = byScreen.computeIfPresent(conn.screenId, (id, set) -> {
                set.remove(conn);
                return set.isEmpty() ? null : set;
            });
            if (left == null) released.add(conn.screenId);
        }
    }

    /**
     * Screens whose last connection here closed are no longer listed as held by this node: written once a second in
     * one statement, on the worker thread, where a hello of the same screen cannot slip in between the check and the
     * write.
     */
    private void flushReleases() {
        if (released.isEmpty()) return;
        List<String> ids = new ArrayList<>();
        for (String id : new ArrayList<>(released)) {
            released.remove(id);
            if (!byScreen.containsKey(id)) ids.add(id);
        }
        try {
            screens.released(ids, node);
        } catch (RuntimeException e) {
            released.addAll(ids); // the next flush tries them again
            throw e;
        }
    }

    /** On Jetty's thread that read the message. */
    private void message(WsMessageContext ctx) {
        ScreenConnection conn = connections.get(ctx.sessionId());
        if (conn == null) return;
        JsonNode msg;
        try {
            msg = ScreenRequests.parse(ctx.message());
        } catch (ScreenRequests.Refused e) {
            ScreenAnswers.error(conn, e.getMessage());
            return;
        }
        switch (ScreenRequests.type(msg)) {
            case "hello" -> worker.execute(() -> safely("hello", () -> helloOrTryLater(conn, msg)));
            case "ack" -> worker.execute(() -> safely("ack", () -> answers.ack(conn, msg))); // after a hello still queued
            case "ping" -> answers.ping(conn);
            case "played" -> unlessDatabaseAway(conn, () -> answers.played(conn, msg)); // on Jetty's thread: database writes stay off the hub's thread
            default -> ScreenAnswers.error(conn, ScreenRequests.unknownType(msg));
        }
    }

    /**
     * A hello that needs the database while it is away (PostgreSQL restarting) is answered with an error and the
     * socket closed with 1013, try again later: the player keeps showing what it holds and reconnects with backoff,
     * where a hello left unanswered would leave it waiting on an open socket.
     */
    private void helloOrTryLater(ScreenConnection conn, JsonNode msg) {
        if (unlessDatabaseAway(conn, () -> hello(conn, msg))) return;
        conn.close(1013, "database unavailable, try again later");
    }

    /** Runs a task that reads or writes the database; true if it ran, false if the database was away (answered). */
    private static boolean unlessDatabaseAway(ScreenConnection conn, Runnable task) {
        try {
            task.run();
            return true;
        } catch (RuntimeException e) {
            if (!ErrorHandlers.databaseUnavailable(e)) throw e;
            LOG.warn("push hub: a screen's message met an unavailable database: {}", Database.rootMessage(e));
            ScreenAnswers.error(conn, DATABASE_AWAY);
            return false;
        }
    }

    /** On the worker thread. */
    private void hello(ScreenConnection conn, JsonNode msg) {
        ScreenRequests.Hello hello;
        try {
            hello = ScreenRequests.hello(msg);
        } catch (ScreenRequests.Refused e) {
            ScreenAnswers.error(conn, e.getMessage());
            return;
        }
        Optional<Screen> known = screenService.authenticate(hello.screenId(), hello.secret());
        String secret = null;
        Screen screen;
        if (known.isPresent()) {
            screen = known.get();
        } else {
            ScreenService.Registration reg;
            try {
                reg = screenService.register(hello.kind());
            } catch (PendingScreens.TooMany e) {
                ScreenAnswers.error(conn, e.getMessage());
                conn.close(1013, "too many screens waiting to be paired");
                return;
            }
            screen = reg.screen();
            secret = reg.secret();
        }
        screens.seen(screen.id(), hello.kind(), hello.width(), hello.height(), conn.address, conn.userAgent, node,
                OffsetDateTime.now(clock));
        conn.screenId = screen.id();
        byScreen.computeIfAbsent(screen.id(), id -> ConcurrentHashMap.newKeySet()).add(conn);
        if (!connections.containsKey(conn.sessionId)) { // closed while its hello waited in the queue
            forget(conn.sessionId, conn);
            return;
        }
        welcome(conn, screen, secret);
        if (screen.active() && screen.group() != null) sync(conn, hello.lastVersion(), hello.heldGroup());
    }

    /** Welcome sets which group's content the connection receives (none unless the screen is active). */
    private void welcome(ScreenConnection conn, Screen screen, String newSecret) {
        conn.group = screen.active() ? screen.group() : null;
        conn.send(ScreenReplies.welcome(screen, newSecret, clock.instant()));
        if ("retired".equals(screen.status())) {
            conn.close(1000, "screen retired");
        }
    }

    /**
     * Sends what the screen missed since lastVersion, or a whole snapshot when that is unknown or too much, or when
     * the content it holds is another group's (it was regrouped while away).
     */
    private void sync(ScreenConnection conn, Long lastVersion, String heldGroup) {
        Optional<String> missed = messages.catchUp(conn.group, lastVersion, heldGroup);
        if (missed.isPresent()) {
            conn.send(missed.get());
            return;
        }
        conn.send(snapshot(conn.group));
    }

    private void apply(Change change, long committedNanos) {
        if (change instanceof Change.Content c) {
            broadcast(c, committedNanos);
        } else if (change instanceof Change.Screen s) {
            screenChanged(s.screenId());
        } else if (change instanceof Change.Group g) {
            snapshots.remove(g.groupCode());
            ScreenConnection.Outgoing snapshot = snapshot(g.groupCode());
            forGroup(g.groupCode(), conn -> conn.send(snapshot));
        }
    }

    private void broadcast(Change.Content change, long committedNanos) {
        long started = System.nanoTime();
        snapshots.clear();
        List<Item> changed = items.findAll(change.itemIds());
        Map<String, List<ScreenConnection>> byGroup = new HashMap<>();
        for (ScreenConnection conn : connections.values()) {
            if (conn.receivesContent()) byGroup.computeIfAbsent(conn.group, g -> new ArrayList<>()).add(conn);
        }
        List<ObjectNode> changedViews = this.messages.views(changed);
        Map<String, ScreenConnection.Outgoing> messages = new HashMap<>();
        byGroup.keySet().forEach(group -> messages.put(group, ScreenConnection.Outgoing.of(
                this.messages.change(group, change.version(), changed, change.itemIds(), changedViews, false))));
        long built = System.nanoTime();
        int sent = 0;
        for (var entry : byGroup.entrySet()) {
            ScreenConnection.Outgoing message = messages.get(entry.getKey());
            for (ScreenConnection conn : entry.getValue()) {
                if (conn.send(message)) sent++;
            }
        }
        lastBroadcast = BroadcastStats.of(change.version(), sent, clock.instant(), committedNanos, started, built,
                System.nanoTime());
    }

    private ScreenConnection.Outgoing snapshot(String group) {
        return snapshots.computeIfAbsent(group, g -> ScreenConnection.Outgoing.of(messages.snapshot(g)));
    }

    private void screenChanged(String screenId) {
        Optional<Screen> screen = screens.find(screenId);
        if (screen.isEmpty()) return;
        for (ScreenConnection conn : byScreen.getOrDefault(screenId, java.util.Set.of())) {
            welcome(conn, screen.get(), null);
            if (conn.receivesContent()) conn.send(snapshot(conn.group));
        }
    }

    private void forGroup(String group, java.util.function.Consumer<ScreenConnection> action) {
        connections.values().stream().filter(c -> group.equals(c.group)).forEach(action);
    }

    private static void safely(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (ErrorHandlers.databaseUnavailable(e)) {
                // every second while the database is away: a line each, not a stack trace each
                LOG.warn("push hub: {} waits for the database: {}", what, Database.rootMessage(e));
                return;
            }
            LOG.error("push hub: {} failed", what, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        safely("acks", acks::flush);
        safely("releases", () -> screens.releasedAll(node));
    }

    // visible for the benchmark's floor measurement: the same bytes to the same sockets, no work in between; sent on
    // the thread of the HTTP request that asks for it
    public int broadcastRaw(String text) {
        ScreenConnection.Outgoing message = ScreenConnection.Outgoing.of(text);
        int sent = 0;
        for (ScreenConnection conn : connections.values()) {
            if (conn.receivesContent() && conn.send(message)) sent++;
        }
        return sent;
    }
}
