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
    private final java.io.ByteArrayOutputStream downstreamBytes = new java.io.ByteArrayOutputStream();

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
                        if (room > 0) record(buf, (int) room);
                        out.flush();
                        toClient.addAndGet(Math.max(room, 0));
                        cut = true;
                        close();
                        return;
                    }
                    toClient.addAndGet(n);
                    record(buf, n);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away, or we cut it
        }
    }

    private void record(byte[] buf, int n) {
        synchronized (downstreamBytes) {
            downstreamBytes.write(buf, 0, n);
        }
    }

    /**
     * The whole text messages among the bytes passed to the client (after the upgrade response): what the client
     * can possibly have received, read from the wire rather than from the client.
     */
    public java.util.List<String> wholeTextMessagesPassed() {
        byte[] b;
        synchronized (downstreamBytes) {
            b = downstreamBytes.toByteArray();
        }
        int p = indexOf(b, "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + 4;
        java.util.List<String> messages = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
        while (p > 3 && p + 2 <= b.length) {
            boolean fin = (b[p] & 0x80) != 0;
            int opcode = b[p] & 0x0f;
            long len = b[p + 1] & 0x7f;
            int header = 2;
            if (len == 126) {
                if (p + 4 > b.length) break;
                len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
                header = 4;
            } else if (len == 127) {
                if (p + 10 > b.length) break;
                len = 0;
                for (int i = 2; i < 10; i++) len = (len << 8) | (b[p + i] & 0xff);
                header = 10;
            }
            if (p + header + len > b.length) break; // the frame was cut
            if (opcode == 1 || opcode == 0) {
                message.write(b, p + header, (int) len);
                if (fin) {
                    messages.add(message.toString(java.nio.charset.StandardCharsets.UTF_8));
                    message.reset();
                }
            }
            p += header + (int) len;
        }
        return messages;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
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
