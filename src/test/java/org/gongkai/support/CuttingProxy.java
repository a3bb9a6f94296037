package org.gongkai.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 for one connection to a local port that cuts it (both ways, no close handshake) once it
 * has passed a chosen number of bytes from the server to the client, so that a WebSocket message is cut in the
 * middle. cutAfter can be moved while the connection is open; Long.MAX_VALUE never cuts.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final AtomicLong cutAfter;
    private final AtomicLong toClient = new AtomicLong();
    private volatile Socket client;
    private volatile Socket upstream;
    private volatile boolean cut;

    public CuttingProxy(int targetPort, long cutAfterBytes) throws IOException {
        this.target = targetPort;
        this.cutAfter = new AtomicLong(cutAfterBytes);
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serveOne, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + listener.getLocalPort() + "/ws/screen";
    }

    /** Bytes passed from the server to the client so far. */
    public long forwarded() {
        return toClient.get();
    }

    public void cutAfter(long bytes) {
        cutAfter.set(bytes);
    }

    public boolean wasCut() {
        return cut;
    }

    private void serveOne() {
        try {
            listener.setSoTimeout(20_000);
            client = listener.accept();
            upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            Thread up = new Thread(() -> pump(client, upstream, false), "cutting-proxy-up");
            up.setDaemon(true);
            up.start();
            pump(upstream, client, true);
        } catch (IOException e) {
            // closed or timed out
        } finally {
            close();
        }
    }

    private void pump(Socket from, Socket to, boolean downstream) {
        byte[] buf = new byte[1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (downstream) {
                    long room = cutAfter.get() - toClient.get();
                    if (room < n) {
                        if (room > 0) out.write(buf, 0, (int) room);
                        out.flush();
                        toClient.addAndGet(Math.max(room, 0));
                        cut = true;
                        close();
                        return;
                    }
                    toClient.addAndGet(n);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away, or we cut it
        }
    }

    @Override
    public void close() {
        quietly(listener);
        quietly(client);
        quietly(upstream);
    }

    private static void quietly(AutoCloseable c) {
        try {
            if (c != null) c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
