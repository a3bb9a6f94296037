package org.gongkai.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A screen that behaves as kiosk-web/common/screen-link.js does when its connection ends: it comes back after a
 * spread-out delay (0.2 to 1.5 s here, then backing off), says hello with its identity, the version and the group it
 * holds, and applies what it gets to what it holds. For failover tests through a load balancer.
 */
public final class ReconnectingScreen implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI url;
    private final ScheduledExecutorService timer;
    private final HeldContent held = new HeldContent();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closing;
    private volatile int attempts;
    public volatile String id;
    public volatile String secret;
    public volatile String pairingCode;
    public volatile boolean hasContent;
    /** System.nanoTime() of the last welcome and of the content message that followed it. */
    public volatile long welcomedAt;
    public volatile long syncedAt;
    public volatile int connections;
    public final CompletableFuture<Void> firstWelcome = new CompletableFuture<>();
    public final CompletableFuture<Void> firstContent = new CompletableFuture<>();

    public ReconnectingScreen(HttpClient client, String url, ScheduledExecutorService timer) {
        this.client = client;
        this.url = URI.create(url);
        this.timer = timer;
    }

    public ReconnectingScreen connect() {
        client.newWebSocketBuilder().buildAsync(url, this).whenComplete((ws, e) -> {
            if (e != null) comeBackLater();
        });
        return this;
    }

    /** What the screen holds now (a copy taken under its lock). */
    public synchronized java.util.Set<Long> heldIds() {
        return new java.util.TreeSet<>(held.ids());
    }

    public synchronized long version() {
        return held.version();
    }

    public boolean open() {
        WebSocket ws = socket;
        return ws != null && !ws.isOutputClosed() && !ws.isInputClosed();
    }

    @Override
    public void onOpen(WebSocket ws) {
        socket = ws;
        connections++;
        attempts = 0;
        var hello = JSON.createObjectNode().put("type", "hello").put("kind", "plaza").put("width", 1920).put("height", 1080);
        synchronized (this) {
            if (id != null) {
                hello.put("screenId", id).put("secret", secret).put("lastVersion", held.version());
                if (held.group() != null) hello.put("group", held.group());
            }
        }
        ws.sendText(hello.toString(), true);
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            received(text);
        }
        ws.request(1);
        return null;
    }

    private void received(String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (Exception e) {
            return;
        }
        String type = m.path("type").asText();
        if (type.equals("welcome")) {
            welcomedAt = System.nanoTime();
            if (m.hasNonNull("secret")) secret = m.get("secret").asText();
            if (m.hasNonNull("pairingCode")) pairingCode = m.get("pairingCode").asText();
            id = m.path("screenId").asText();
            firstWelcome.complete(null);
        } else if (type.equals("snapshot") || type.equals("change")) {
            synchronized (this) {
                held.apply(m);
            }
            hasContent = true;
            if (syncedAt < welcomedAt) syncedAt = System.nanoTime();
            firstContent.complete(null);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        comeBackLater();
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        comeBackLater();
    }

    private void comeBackLater() {
        if (closing) return;
        int n = attempts++;
        long delay = 200 + ThreadLocalRandom.current().nextLong(1300) + Math.min(n, 5) * 500L;
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    public void close() {
        closing = true;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
    }
}
