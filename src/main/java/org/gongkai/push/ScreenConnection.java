package org.gongkai.push;

import io.javalin.websocket.WsConnectContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.gongkai.web.Addresses;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open WebSocket of a screen, and its send queue. Sends never block: each hands the frame to Jetty's
 * asynchronous send and counts it until Jetty reports it written or failed (on Jetty's threads). A send that would
 * put more than maxQueued messages in the queue closes the connection with 1013 instead; the screen reconnects and
 * resyncs. Several threads send on one connection (the hub's worker, Jetty's threads answering the screen; the
 * timer thread's pings are not counted); the count is atomic, and Jetty queues the frames in the order they are
 * handed to it.
 */
final class ScreenConnection {
    final String sessionId;
    final String address;
    final String userAgent;
    volatile String screenId;
    volatile String group;
    private final Session session;
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();

    ScreenConnection(String sessionId, Session session, String address, String userAgent, int maxQueued) {
        this.sessionId = sessionId;
        this.session = session;
        this.address = address;
        this.userAgent = userAgent;
        this.maxQueued = maxQueued;
    }

    /** A new connection; with trustProxy its address is the first of X-Forwarded-For (anyone can send one). */
    static ScreenConnection of(WsConnectContext ctx, boolean trustProxy, int maxQueued) {
        String address = ctx.session.getRemoteSocketAddress() instanceof java.net.InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(ctx.session.getRemoteSocketAddress());
        String forwarded = trustProxy ? ctx.header("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) address = forwarded.split(",")[0].strip();
        return new ScreenConnection(ctx.sessionId(), ctx.session, ScreenRequests.truncate(Addresses.display(address), 64),
                ScreenRequests.truncate(ctx.header("User-Agent"), 500), maxQueued);
    }

    boolean receivesContent() {
        return group != null;
    }

    /** @return false if the connection is closed or was closed now because its queue is full */
    boolean send(String message) {
        return send(Outgoing.of(message));
    }

    /** Sends bytes encoded once for every screen: no copy per socket, which matters at 10,000 screens. */
    boolean send(Outgoing message) {
        if (!session.isOpen()) return false;
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            session.close(1013, "too far behind; reconnect and resync", Callback.NOOP);
            return false;
        }
        org.eclipse.jetty.util.Callback done = org.eclipse.jetty.util.Callback.from(queued::decrementAndGet, failure -> queued.decrementAndGet());
        if (session instanceof WebSocketSession s) {
            s.getCoreSession().sendFrame(new Frame(OpCode.TEXT, message.utf8().duplicate()), done, false);
        } else {
            session.sendText(message.text(), Callback.from(done::succeeded, done::failed));
        }
        return true;
    }

    /** A text message and its UTF-8 bytes; the buffer is only ever read through duplicates. */
    record Outgoing(String text, ByteBuffer utf8) {
        static Outgoing of(String text) {
            return new Outgoing(text, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
        }
    }

    void ping() {
        if (session.isOpen()) session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
    }
}
