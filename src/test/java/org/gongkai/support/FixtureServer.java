package org.gongkai.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An outside web server for intake tests (a portal's feed, a weather bureau's CAP index) on 127.0.0.1 and a random
 * port. Paths answer what a test puts there: a body with its Content-Type and status, a body that never ends (to
 * test size limits), or no answer at all for a while (to test timeouts). Counts requests per path.
 */
public final class FixtureServer implements AutoCloseable {
    /** How a path answers. */
    public interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FixtureServer put(String path, int status, String contentType, byte[] body) {
        answers.put(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    public FixtureServer put(String path, String contentType, String utf8Body) {
        return put(path, 200, contentType, utf8Body.getBytes(StandardCharsets.UTF_8));
    }

    public FixtureServer put(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** A body of `bytes` bytes (say 100 MB), streamed without holding it in memory. */
    public FixtureServer putEndless(String path, String contentType, long bytes) {
        return put(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = "<item><title>x</title></item>".repeat(2000).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                for (long sent = 0; sent < bytes; sent += chunk.length) out.write(chunk);
            } catch (IOException closedByClient) {
                // the reader stopped at its limit: that is what is being tested
            }
        });
    }

    /** Accepts the request and says nothing for `millis` (bounded, so that the server can stop). */
    public FixtureServer putSilent(String path, long millis) {
        return put(path, ex -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.get(path);
        try {
            if (answer == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                answer.write(ex);
            }
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
