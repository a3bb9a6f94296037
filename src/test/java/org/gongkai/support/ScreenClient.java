package org.gongkai.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A screen over a real WebSocket: sends hello and collects what the server pushes. */
public final class ScreenClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    public ScreenClient(String url) {
        this(url, java.util.Map.of());
    }

    /** A screen whose opening request carries these headers (say, an X-Forwarded-For it made up). */
    public ScreenClient(String url, java.util.Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        socket = builder.buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        received.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).join();
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void hello(String screenId, String secret, Long lastVersion) {
        hello(screenId, secret, lastVersion, null);
    }

    /** A hello from a screen holding lastVersion of group heldGroup's content, as the players send it. */
    public void hello(String screenId, String secret, Long lastVersion, String heldGroup) {
        hello(screenId, secret, lastVersion, heldGroup, "plaza");
    }

    /** ...from a screen of kind plaza or touch. */
    public void hello(String screenId, String secret, Long lastVersion, String heldGroup, String kind) {
        var node = JSON.createObjectNode().put("type", "hello").put("kind", kind).put("width", 1920).put("height", 1080);
        if (screenId != null) node.put("screenId", screenId).put("secret", secret);
        if (lastVersion != null) node.put("lastVersion", lastVersion);
        if (heldGroup != null) node.put("group", heldGroup);
        send(node.toString());
    }

    /** The next message of the type, skipping others; fails after the timeout. */
    public JsonNode await(String type, long timeoutMillis) {
        return await(m -> type.equals(m.path("type").asText()), timeoutMillis, type);
    }

    public JsonNode await(Predicate<JsonNode> match, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (true) {
                long left = deadline - System.currentTimeMillis();
                JsonNode m = left > 0 ? received.poll(left, TimeUnit.MILLISECONDS) : null;
                if (m == null) throw new AssertionError("no " + what + " message within " + timeoutMillis + " ms");
                if (match.test(m)) return m;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
