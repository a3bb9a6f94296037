package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.gongkai.content.Item;
import org.gongkai.content.ItemStore;
import org.gongkai.content.ItemViews;
import org.gongkai.plays.PlayService;
import org.gongkai.screens.PendingScreens;
import org.gongkai.screens.Screen;
import org.gongkai.screens.ScreenService;
import org.gongkai.screens.ScreenStore;
import org.gongkai.web.ApiException;
import org.gongkai.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Keeps every screen's WebSocket and sends it what it should show. All sends happen on one worker thread, in the
 * order changes were committed, so a screen never sees a snapshot overtaken by an older change. A message for a
 * group is serialized once and the same string goes to every screen of the group.
 */
public final class PushHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushHub.class);

    /** trustProxy: a screen's address is the first of X-Forwarded-For (server.trustProxy, behind a reverse proxy). */
    public record Settings(ZoneId zone, Duration horizon, int defaultDurationSeconds, String publicBaseUrl,
                           int maxQueuedMessages, int maxMissedChanges, boolean trustProxy) {}

    private final ItemStore items;
    private final ScreenStore screens;
    private final ScreenService screenService;
    private final PlayService plays;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, ScreenConnection> connections = new ConcurrentHashMap<>(); // by WebSocket session
    private final Map<String, java.util.Set<ScreenConnection>> byScreen = new ConcurrentHashMap<>(); // by screen id
    private final Map<String, ScreenConnection.Outgoing> snapshots = new HashMap<>(); // by group; worker thread only
    private final ScreenAcks acks;
    private final PushMessages messages;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "push-hub"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "push-timer"));
    private static final int HEARTBEAT_SLOTS = 30;
    private long heartbeatTick; // timer thread only
    private volatile BroadcastStats lastBroadcast;

    public PushHub(ItemStore items, ItemViews views, ScreenStore screens, ScreenService screenService, PlayService plays,
                   ChangeFeed feed, Settings settings, Clock clock) {
        this.plays = plays;
        this.items = items;
        this.screens = screens;
        this.screenService = screenService;
        this.settings = settings;
        this.clock = clock;
        this.acks = new ScreenAcks(screens, clock);
        this.messages = new PushMessages(items, views, screens, settings, clock);
        feed.subscribe(change -> {
            long committed = System.nanoTime();
            worker.execute(() -> safely("change " + change, () -> apply(change, committed)));
        });
    }

    public void start() {
        timer.scheduleWithFixedDelay(() -> safely("heartbeat", this::heartbeat), 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> safely("acks", acks::flush), 1, 1, TimeUnit.SECONDS);
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

    /** Wires /ws/screen. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(this::message);
        ws.onClose(this::closed);
        ws.onError(ctx -> forget(ctx.sessionId()));
    }

    private void connected(WsConnectContext ctx) {
        String address = ctx.session.getRemoteSocketAddress() instanceof java.net.InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(ctx.session.getRemoteSocketAddress());
        String forwarded = settings.trustProxy() ? ctx.header("X-Forwarded-For") : null; // anyone can send one
        if (forwarded != null && !forwarded.isBlank()) address = forwarded.split(",")[0].strip();
        String ua = ctx.header("User-Agent");
        connections.put(ctx.sessionId(), new ScreenConnection(ctx, truncate(org.gongkai.web.Addresses.display(address), 64),
                truncate(ua, 500)));
    }

    private void closed(WsCloseContext ctx) {
        forget(ctx.sessionId());
    }

    private void forget(String sessionId) {
        forget(sessionId, connections.remove(sessionId));
    }

    private void forget(String sessionId, ScreenConnection conn) {
        if (conn != null && conn.screenId != null) {
            byScreen.computeIfPresent(conn.screenId, (id, set) -> {
                set.remove(conn);
                return set.isEmpty() ? null : set;
            });
        }
    }

    private void message(WsMessageContext ctx) {
        ScreenConnection conn = connections.get(ctx.sessionId());
        if (conn == null) return;
        JsonNode msg;
        try {
            msg = Json.MAPPER.readTree(ctx.message());
        } catch (Exception e) {
            sendError(conn, "message is not valid JSON");
            return;
        }
        if (msg == null || !msg.isObject() || !msg.path("type").isTextual()) {
            sendError(conn, "message must be a JSON object with a type");
            return;
        }
        switch (msg.get("type").asText()) {
            case "hello" -> worker.execute(() -> safely("hello", () -> hello(conn, msg)));
            case "ack" -> worker.execute(() -> safely("ack", () -> ack(conn, msg))); // after a hello still queued
            // serverTime: the screen keeps the offset of its clock to ours and decides by our time
            case "ping" -> conn.send("{\"type\":\"pong\",\"serverTime\":\"" + clock.instant() + "\"}", settings.maxQueuedMessages());
            case "played" -> played(conn, msg); // on Jetty's thread: database writes stay off the hub's thread
            default -> sendError(conn, "unknown message type '" + truncate(msg.get("type").asText(), 40) + "'");
        }
    }

    private void hello(ScreenConnection conn, JsonNode msg) {
        String kind = msg.path("kind").asText("");
        if (!kind.equals("plaza") && !kind.equals("touch")) {
            sendError(conn, "hello.kind must be plaza or touch");
            return;
        }
        Integer width = dimension(msg.get("width"));
        Integer height = dimension(msg.get("height"));
        Optional<Screen> known = screenService.authenticate(text(msg, "screenId"), text(msg, "secret"));
        String secret = null;
        Screen screen;
        if (known.isPresent()) {
            screen = known.get();
        } else {
            ScreenService.Registration reg;
            try {
                reg = screenService.register(kind);
            } catch (PendingScreens.TooMany e) {
                sendError(conn, e.getMessage());
                conn.close(1013, "too many screens waiting to be paired");
                return;
            }
            screen = reg.screen();
            secret = reg.secret();
        }
        screens.seen(screen.id(), kind, width, height, conn.address, conn.userAgent, OffsetDateTime.now(clock));
        conn.screenId = screen.id();
        byScreen.computeIfAbsent(screen.id(), id -> ConcurrentHashMap.newKeySet()).add(conn);
        if (!connections.containsKey(conn.ctx.sessionId())) { // closed while its hello waited in the queue
            forget(conn.ctx.sessionId(), conn);
            return;
        }
        welcome(conn, screen, secret);
        if (screen.active() && screen.group() != null) {
            JsonNode last = msg.get("lastVersion");
            sync(conn, last != null && last.canConvertToLong() ? last.asLong() : null, text(msg, "group"));
        }
    }

    private void welcome(ScreenConnection conn, Screen screen, String newSecret) {
        ObjectNode w = Json.MAPPER.createObjectNode();
        w.put("type", "welcome");
        w.put("screenId", screen.id());
        if (newSecret != null) w.put("secret", newSecret);
        w.put("status", screen.status());
        w.put("name", screen.name());
        w.put("group", screen.group());
        w.put("pairingCode", screen.pairingCode());
        w.put("serverTime", clock.instant().toString());
        conn.group = screen.active() ? screen.group() : null;
        conn.send(Json.write(w), settings.maxQueuedMessages());
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
            conn.send(missed.get(), settings.maxQueuedMessages());
            return;
        }
        conn.send(snapshot(conn.group), settings.maxQueuedMessages());
    }

    private void apply(Change change, long committedNanos) {
        if (change instanceof Change.Content c) {
            broadcast(c, committedNanos);
        } else if (change instanceof Change.Screen s) {
            screenChanged(s.screenId());
        } else if (change instanceof Change.Group g) {
            snapshots.remove(g.groupCode());
            ScreenConnection.Outgoing snapshot = snapshot(g.groupCode());
            forGroup(g.groupCode(), conn -> conn.send(snapshot, settings.maxQueuedMessages()));
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
                if (conn.send(message, settings.maxQueuedMessages())) sent++;
            }
        }
        lastBroadcast = new BroadcastStats(change.version(), sent, clock.instant(), millis(started - committedNanos),
                millis(built - started), millis(System.nanoTime() - built));
    }

    /** How the last content change went out: waiting behind earlier work, building the messages, handing them over. */
    public record BroadcastStats(long version, int screens, Instant at, double queuedMillis, double buildMillis,
                                 double sendMillis) {}

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    private ScreenConnection.Outgoing snapshot(String group) {
        return snapshots.computeIfAbsent(group, g -> ScreenConnection.Outgoing.of(messages.snapshot(g)));
    }

    private void screenChanged(String screenId) {
        Optional<Screen> screen = screens.find(screenId);
        if (screen.isEmpty()) return;
        for (ScreenConnection conn : byScreen.getOrDefault(screenId, java.util.Set.of())) {
            welcome(conn, screen.get(), null);
            if (conn.receivesContent()) conn.send(snapshot(conn.group), settings.maxQueuedMessages());
        }
    }

    private void forGroup(String group, java.util.function.Consumer<ScreenConnection> action) {
        connections.values().stream().filter(c -> group.equals(c.group)).forEach(action);
    }

    private void ack(ScreenConnection conn, JsonNode msg) {
        if (conn.screenId == null) {
            sendError(conn, "send hello first");
            return;
        }
        JsonNode version = msg.get("version");
        if (version == null || !version.canConvertToLong()) {
            sendError(conn, "ack.version must be a number");
            return;
        }
        JsonNode item = msg.get("itemId");
        JsonNode itemVersion = msg.get("itemVersion");
        acks.record(conn.screenId, version.asLong(),
                item != null && item.canConvertToLong() ? item.asLong() : null,
                itemVersion != null && itemVersion.canConvertToInt() ? itemVersion.asInt() : null);
    }

    /**
     * Pings every screen and records it as seen once per 30 s, a thirtieth of them each second: 10,000 pings and
     * updates at once would stall a publish that happens to coincide with them.
     */
    /**
     * Proof of play: stores the batch and answers with its id, so that the screen drops those plays from its own
     * queue only once they are stored. A screen sends plays only after its welcome.
     */
    private void played(ScreenConnection conn, JsonNode msg) {
        if (conn.screenId == null) {
            sendError(conn, "send hello first");
            return;
        }
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.put("type", "played");
        reply.set("batch", msg.get("batch"));
        try {
            reply.put("stored", plays.record(conn.screenId, msg.get("plays")));
        } catch (ApiException e) {
            reply.put("error", e.getMessage());
        }
        conn.send(Json.write(reply), settings.maxQueuedMessages());
    }

    private void heartbeat() {
        int slot = (int) (heartbeatTick++ % HEARTBEAT_SLOTS);
        List<String> ids = new ArrayList<>();
        for (ScreenConnection conn : connections.values()) {
            if (Math.floorMod(System.identityHashCode(conn), HEARTBEAT_SLOTS) != slot) continue;
            conn.ping();
            if (conn.screenId != null) ids.add(conn.screenId);
        }
        acks.touch(ids);
    }

    private void sendError(ScreenConnection conn, String error) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("type", "error");
        e.put("error", error);
        conn.send(Json.write(e), settings.maxQueuedMessages());
    }

    private static String text(JsonNode msg, String field) {
        JsonNode n = msg.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static Integer dimension(JsonNode n) {
        return n != null && n.canConvertToInt() && n.asInt() > 0 && n.asInt() <= 100_000 ? n.asInt() : null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void safely(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
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
    }

    // visible for the benchmark's floor measurement: the same bytes to the same sockets, no work in between
    public int broadcastRaw(String text) {
        ScreenConnection.Outgoing message = ScreenConnection.Outgoing.of(text);
        int sent = 0;
        for (ScreenConnection conn : connections.values()) {
            if (conn.receivesContent() && conn.send(message, settings.maxQueuedMessages())) sent++;
        }
        return sent;
    }

}
