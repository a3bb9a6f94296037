package org.gongkai.push;

import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import java.util.concurrent.atomic.AtomicInteger;

/** One open WebSocket of a screen. Sends never block: a screen that falls too far behind is dropped and resyncs. */
final class ScreenConnection {
    final WsContext ctx;
    final String address;
    final String userAgent;
    volatile String screenId;
    volatile String group;
    private final AtomicInteger queued = new AtomicInteger();

    ScreenConnection(WsContext ctx, String address, String userAgent) {
        this.ctx = ctx;
        this.address = address;
        this.userAgent = userAgent;
    }

    boolean receivesContent() {
        return group != null;
    }

    /** @return false if the connection was closed because its queue is over the bound */
    boolean send(String message, int maxQueued) {
        return send(Outgoing.of(message), maxQueued);
    }

    /** Sends bytes encoded once for every screen: no copy per socket, which matters at 10,000 screens. */
    boolean send(Outgoing message, int maxQueued) {
        if (!ctx.session.isOpen()) return false;
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            ctx.session.close(1013, "too far behind; reconnect and resync", Callback.NOOP);
            return false;
        }
        org.eclipse.jetty.util.Callback done = org.eclipse.jetty.util.Callback.from(queued::decrementAndGet, failure -> queued.decrementAndGet());
        if (ctx.session instanceof WebSocketSession session) {
            session.getCoreSession().sendFrame(new Frame(OpCode.TEXT, message.utf8().duplicate()), done, false);
        } else {
            ctx.session.sendText(message.text(), Callback.from(done::succeeded, done::failed));
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
        if (ctx.session.isOpen()) ctx.session.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
    }

    void close(int code, String reason) {
        ctx.session.close(code, reason, Callback.NOOP);
    }
}
