package org.gongkai.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built jar (target/gongkai.jar, made by `mvn package`) as a real, separate JVM on a port of its own choosing,
 * for tests that kill it, restart it or watch it fail to start. Always close it: close() kills what is still running.
 */
public final class JarServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "fault-admin-password";
    private static final Pattern SERVING = Pattern.compile("Gongkai is serving on http://localhost:(\\d+)/");
    private static final long START_MILLIS = 60_000;

    public final Process process;
    public final int port;
    public final String base;
    private final Output output;

    private JarServer(Process process, Output output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** What a process wrote and how it ended. */
    public record Exit(int code, String stderr, String stdout) {}

    public static Path jar() {
        Path jar = Path.of("target", "gongkai.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: run `mvn package` first");
        return jar;
    }

    /**
     * How the process is started: plainly, or with a limit on the size of any file it writes (the shell's
     * `ulimit -f`, in KiB), so that its database file cannot grow past it, like a full disk, without root.
     */
    public record Launch(long fileSizeLimitKib) {
        public static final Launch PLAIN = new Launch(0);
    }

    private static Process launch(Launch how, Path dataDir, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (how.fileSizeLimitKib() > 0) {
            cmd.addAll(List.of("bash", "-c", "ulimit -f " + how.fileSizeLimitKib() + " && exec \"$@\"", "bash"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--port", "0",
                "--data-dir", dataDir.toString(), "--no-demo"));
        cmd.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dataDir.getParent().toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GONGKAI_"));
        pb.environment().put("GONGKAI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return pb.start();
    }

    /** Starts the jar on the data dir and waits (up to 60 s) until it serves; fails with its output otherwise. */
    public static JarServer start(Path dataDir, String... extra) {
        return start(Launch.PLAIN, dataDir, extra);
    }

    public static JarServer start(Launch how, Path dataDir, String... extra) {
        Process p;
        try {
            p = launch(how, dataDir, List.of(extra));
        } catch (IOException e) {
            throw new AssertionError("could not start the jar: " + e, e);
        }
        Output out = new Output(p);
        long deadline = System.currentTimeMillis() + START_MILLIS;
        try {
            while (System.currentTimeMillis() < deadline) {
                Matcher m = SERVING.matcher(out.stdout());
                if (m.find()) return new JarServer(p, out, Integer.parseInt(m.group(1)));
                if (!p.isAlive()) break;
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        throw new AssertionError("the jar did not start within " + START_MILLIS + " ms:\n" + out.stdout() + out.stderr());
    }

    /** Runs the jar expecting it to stop by itself (a start-up failure); killed after 60 s. */
    public static Exit runToExit(Path dataDir, String... extra) {
        Process p = null;
        try {
            p = launch(Launch.PLAIN, dataDir, List.of(extra));
            Output out = new Output(p);
            if (!p.waitFor(START_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the jar kept running: " + out.stdout());
            }
            out.join();
            return new Exit(p.exitValue(), out.stderr().strip(), out.stdout());
        } catch (IOException e) {
            throw new AssertionError("could not start the jar: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            if (p != null) p.destroyForcibly();
        }
    }

    public Http admin() {
        Http http = new Http(base);
        Http.Response r = http.login("admin", ADMIN_PASSWORD);
        if (r.status() != 200) throw new AssertionError("admin login: " + r.status() + " " + r.body());
        return http;
    }

    public Http anonymous() {
        return new Http(base);
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + port + "/ws/screen";
    }

    /** SIGKILL: no shutdown hook, no database close, like a power cut to the process. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) throw new AssertionError("process survived SIGKILL");
    }

    /**
     * SIGTERM, as an operator or service manager stops it; the shutdown hook closes the database. Returns the exit
     * code once the process has ended and everything it wrote has been read. The signal is sent through the
     * ProcessHandle: Process.destroy() also sends SIGTERM but closes our ends of its stdout and stderr at once, so
     * what it writes while shutting down would be lost.
     */
    public int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not stop within 30 s of SIGTERM");
        }
        output.join();
        return process.exitValue();
    }

    public String stdout() {
        return output.stdout();
    }

    public String stderr() {
        return output.stderr();
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Both streams read on threads of their own, so the process never blocks on a full pipe. */
    private static final class Output {
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        Output(Process p) {
            outReader = reader(p.getInputStream(), out);
            errReader = reader(p.getErrorStream(), err);
        }

        private static Thread reader(InputStream in, StringBuffer into) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) into.append(line).append('\n');
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "jar-output");
            t.setDaemon(true);
            t.start();
            return t;
        }

        void join() throws InterruptedException {
            outReader.join(5000);
            errReader.join(5000);
        }

        String stdout() {
            return out.toString();
        }

        String stderr() {
            return err.toString();
        }
    }
}
