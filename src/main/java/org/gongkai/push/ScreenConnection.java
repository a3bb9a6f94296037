package org.gongkai.push;

import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;

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
        if (!ctx.session.isOpen()) return false;
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            ctx.session.close(1013, "too far behind; reconnect and resync", Callback.NOOP);
            return false;
        }
        ctx.session.sendText(message, Callback.from(queued::decrementAndGet, failure -> queued.decrementAndGet()));
        return true;
    }

    void ping() {
        if (ctx.session.isOpen()) ctx.session.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
    }

    void close(int code, String reason) {
        ctx.session.close(code, reason, Callback.NOOP);
    }
}
