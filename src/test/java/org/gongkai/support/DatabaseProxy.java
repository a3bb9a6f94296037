package org.gongkai.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a database server, for any number of connections, that plays a server
 * restart: {@link #cut()} drops every connection and refuses new ones (nothing listens on its port) until
 * {@link #restore()} listens again on the same port.
 */
public final class DatabaseProxy implements AutoCloseable {
    private final int target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    public DatabaseProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
    }

    /** A proxy in front of the database server that a JDBC URL names (its port, or PostgreSQL's 5432), on this machine. */
    public static DatabaseProxy inFrontOf(String jdbcUrl) throws IOException {
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("//[^/:]+:(\\d+)/").matcher(jdbcUrl);
        return new DatabaseProxy(port.find() ? Integer.parseInt(port.group(1)) : 5432);
    }

    public int port() {
        return port;
    }

    /** A JDBC URL like the given one, whose host and port are this proxy's. */
    public String through(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
    }

    public synchronized void cut() {
        quietly(listener);
        listener = null;
        sockets.forEach(DatabaseProxy::quietly);
        sockets.clear();
    }

    public synchronized void restore() throws IOException {
        if (listener == null) listener = listen(port);
    }

    private ServerSocket listen(int on) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
        Thread acceptor = new Thread(() -> accept(socket), "database-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        return socket;
    }

    private void accept(ServerSocket from) {
        while (!from.isClosed()) {
            try {
                Socket client = from.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                pumpInThread(client, upstream);
                pumpInThread(upstream, client);
            } catch (IOException e) {
                return; // cut or closed
            }
        }
    }

    private void pumpInThread(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away, or was cut
            } finally {
                quietly(from);
                quietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "database-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() {
        cut();
    }

    private static void quietly(AutoCloseable c) {
        try {
            if (c != null) c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
