package org.gongkai.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx from Debian's package (scripts/setup.sh installs it) as the load balancer in front of several nodes: its own
 * configuration, pid and logs in a temporary directory, on a free port of 127.0.0.1, in the foreground, with the
 * WebSocket upgrade the README's recipe gives. No sticky sessions: a dead node's connects go to the others.
 */
public final class Nginx implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    public final int port;
    public final String base;
    private final Process process;
    private final Path dir;

    private Nginx(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.dir = dir;
    }

    public static Nginx inFrontOf(List<Integer> nodePorts) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) throw new IllegalStateException(BINARY + " is missing: run scripts/setup.sh");
        Path dir = Files.createTempDirectory("gongkai-nginx-");
        Files.createDirectories(dir.resolve("logs"));
        int port = freePort();
        Files.writeString(dir.resolve("nginx.conf"), config(port, nodePorts, dir));
        Process p = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("logs/out.log").toFile()).start();
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            if (!p.isAlive()) throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("logs/out.log")));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new Nginx(p, port, dir);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s");
    }

    /** The README's recipe, on this test's ports and directory. */
    static String config(int port, List<Integer> nodePorts, Path dir) {
        String servers = nodePorts.stream().map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/client_body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                  upstream gongkai {
                %2$s
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://gongkai;
                      proxy_http_version 1.1;
                      proxy_set_header Upgrade $http_upgrade;
                      proxy_set_header Connection $connection_upgrade;
                      proxy_set_header Host $host;
                      proxy_set_header X-Forwarded-For $remote_addr;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_connect_timeout 2s;
                      proxy_read_timeout 120s;
                      proxy_next_upstream error timeout http_502 http_503;
                    }
                  }
                }
                """.formatted(dir, servers, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not a test failure
        }
    }
}
