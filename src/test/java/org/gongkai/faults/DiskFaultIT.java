package org.gongkai.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.JarServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A data dir that cannot be written, at start and while serving: one clear line and exit code 2 at start; a 503
 * with a JSON message to the client at run time, and what was committed before survives.
 */
class DiskFaultIT {
    @TempDir
    Path tmp;

    @Test
    void readOnlyDataDirStopsAtStartWithOneLine() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        try (ReadOnly ro = ReadOnly.make(empty)) {
            JarServer.Exit exit = JarServer.runToExit(empty);
            assertThat(exit.code()).isEqualTo(2);
            assertThat(exit.stderr()).startsWith("gongkai: data dir " + empty).contains("not writable").doesNotContain("\n");
        }

        Path used = tmp.resolve("used");
        try (JarServer server = JarServer.start(used)) {
            Fixtures.basics(server.admin());
            assertThat(server.stop()).isZero();
        }
        try (ReadOnly ro = ReadOnly.make(used)) {
            JarServer.Exit exit = JarServer.runToExit(used);
            assertThat(exit.code()).isEqualTo(2);
            assertThat(exit.stderr()).startsWith("gongkai: data dir " + used).contains("not writable").doesNotContain("\n");
        }
        // The dir writable, the database file not: H2 would open it read-only and every write would fail later.
        try (ReadOnly ro = ReadOnly.make(used.resolve("gongkai.mv.db"))) {
            JarServer.Exit exit = JarServer.runToExit(used);
            assertThat(exit.code()).isEqualTo(2);
            assertThat(exit.stderr()).isEqualTo("gongkai: data dir " + used
                    + ": the database file gongkai.mv.db is read-only; make it writable or set --data-dir or GONGKAI_DATA_DIR");
        }
    }

    @Test
    void fullDiskAtStartIsOneLine() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("full"));
        try (Tmpfs disk = Tmpfs.mount(mount, "1m")) {
            disk.fill();
            Path data = mount.resolve("data");
            JarServer.Exit exit = JarServer.runToExit(data);
            System.out.println("full disk at start: " + exit.stderr());
            assertThat(exit.code()).isEqualTo(2);
            assertThat(exit.stderr()).startsWith("gongkai: ").doesNotContain("\n").doesNotContain("\tat ");
            assertThat(exit.stderr()).containsAnyOf("No space left on device", "not writable");
        }
    }

    /** A real full disk (a small tmpfs filled up) while serving; then room again, and a restart. */
    @Test
    void diskFullWhileServingAnswers503AndKeepsWhatWasCommitted() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small"));
        try (Tmpfs disk = Tmpfs.mount(mount, "24m")) {
            Path data = mount.resolve("data");
            List<Long> committed = new ArrayList<>();
            try (JarServer server = JarServer.start(data)) {
                Http admin = server.admin();
                Fixtures.basics(admin);
                for (int i = 0; i < 5; i++) committed.add(issue(admin, "满盘前 " + i).get("id").asLong());
                disk.fill();
                Outcome full = publishUntil503(admin, "满盘时", 200);
                committed.addAll(full.answered);
                System.out.printf("disk full: %d publishes answered 201 after filling, then 503: %s%n", full.answered.size(), full.error);
                Http.Response health = server.anonymous().get("/health");
                System.out.println("health while the disk is full: " + health.status() + " " + health.body());

                // H2 closes the database after a failed write; once there is room, new connections open it again.
                disk.emptyFiller();
                long freed = System.nanoTime();
                long recovered = -1;
                for (int i = 0; i < 20 && recovered < 0; i++) { // up to about 10 s
                    Http.Response r = admin.post("/api/items", Fixtures.alert("blue").put("title", "腾出空间后 " + i).toString());
                    assertThat(r.status()).as(r.body()).isIn(201, 503);
                    if (r.status() == 201) {
                        committed.add(r.json().get("id").asLong());
                        recovered = (System.nanoTime() - freed) / 1_000_000;
                    } else {
                        Thread.sleep(500);
                    }
                }
                System.out.printf("room again: first publish answered 201 after %d ms%n", recovered);
                assertThat(recovered).as("writes work again without a restart once the disk has room").isNotNegative();
                assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
                server.stop();
            }
            long restart = System.nanoTime();
            try (JarServer server = JarServer.start(data)) {
                System.out.printf("restart after the full disk: serving in %d ms%n", (System.nanoTime() - restart) / 1_000_000);
                Http admin = server.admin();
                FaultChecks.publishedThroughApi(admin, committed);
                assertThat(admin.post("/api/items", Fixtures.alert("blue").toString()).status()).isEqualTo(201);
                server.stop();
            }
            FaultChecks.consistentOnDisk(data, committed);
        }
    }

    /** Without root: the database file may not grow past a limit (ulimit -f), like a disk that filled up. */
    @Test
    void databaseFileThatCannotGrowAnswers503AndKeepsWhatWasCommitted() throws Exception {
        Path data = tmp.resolve("capped");
        List<Long> committed = new ArrayList<>();
        try (JarServer server = JarServer.start(data)) { // the schema first, so that the cap leaves little room
            Fixtures.basics(server.admin());
            server.stop();
        }
        long size = Files.size(data.resolve("gongkai.mv.db"));
        JarServer.Launch capped = new JarServer.Launch(size / 1024 + 256);
        try (JarServer server = JarServer.start(capped, data)) {
            Http admin = server.admin();
            Outcome out = publishUntil503(admin, "封顶", 400);
            committed.addAll(out.answered);
            System.out.printf("database file capped at %d KiB (%d KiB at start): %d publishes answered 201, then 503: %s%n",
                    capped.fileSizeLimitKib(), size / 1024, out.answered.size(), out.error);
            server.stop();
        }
        try (JarServer server = JarServer.start(data)) {
            FaultChecks.publishedThroughApi(server.admin(), committed);
            server.stop();
        }
        FaultChecks.consistentOnDisk(data, committed);
    }

    private static JsonNode issue(Http admin, String title) {
        Http.Response r = admin.post("/api/items", Fixtures.alert("yellow").put("title", title).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    record Outcome(List<Long> answered, String error) {}

    /** Publishes until one is refused; every answer is 201 or a 503 with a JSON message, never a 500. */
    private static Outcome publishUntil503(Http admin, String title, int max) {
        List<Long> answered = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Http.Response r = admin.post("/api/items", Fixtures.alert("red").put("title", title + " " + i)
                    .put("summary", "暴雨".repeat(200)).put("body", "请注意防范。".repeat(500)).toString());
            if (r.status() == 201) {
                answered.add(r.json().get("id").asLong());
                continue;
            }
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            String error = r.json().get("error").asText();
            assertThat(error).contains("database").doesNotContain("/").doesNotContain("Exception");
            assertThat(r.header("Retry-After")).isNotNull();
            return new Outcome(answered, error);
        }
        throw new AssertionError("no write failed after " + max + " publishes");
    }

    /** A small tmpfs mounted over a dir (needs root with mount rights; the test is skipped without). */
    static final class Tmpfs implements AutoCloseable {
        private final Path dir;
        private final Path filler;

        private Tmpfs(Path dir) {
            this.dir = dir;
            this.filler = dir.resolve("filler");
        }

        static Tmpfs mount(Path dir, String size) throws Exception {
            assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()) == 0,
                    "cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)");
            return new Tmpfs(dir);
        }

        /** Writes a filler file until the file system is full (bounded by its size). */
        void fill() throws IOException {
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(filler)) {
                for (int i = 0; i < 4096; i++) out.write(block);
                throw new AssertionError("the tmpfs did not fill up");
            } catch (IOException full) {
                assertThat(full.getMessage()).contains("No space left");
            }
        }

        void emptyFiller() throws IOException {
            Files.deleteIfExists(filler);
        }

        @Override
        public void close() throws Exception {
            if (run("umount", dir.toString()) != 0) run("umount", "-l", dir.toString());
        }
    }

    /** A file or dir nobody may write: chmod for an ordinary user, the immutable attribute (chattr +i) for root. */
    static final class ReadOnly implements AutoCloseable {
        private final List<Path> paths;
        private final boolean root;

        private ReadOnly(List<Path> paths, boolean root) {
            this.paths = paths;
            this.root = root;
        }

        static ReadOnly make(Path path) throws Exception {
            List<Path> paths = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (var s = Files.list(path)) {
                    s.filter(Files::isRegularFile).forEach(paths::add);
                }
            }
            paths.add(path);
            boolean root = "root".equals(System.getProperty("user.name"));
            ReadOnly ro = new ReadOnly(paths, root);
            for (Path p : paths) {
                int rc = root ? run("chattr", "+i", p.toString()) : run("chmod", "a-w", p.toString());
                if (rc != 0) {
                    ro.close();
                    assumeTrue(false, "cannot make " + p + " read-only here");
                }
            }
            Path probe = Files.isDirectory(path) ? path.resolve("probe") : path;
            try {
                Files.writeString(probe, "x", Files.isDirectory(path) ? java.nio.file.StandardOpenOption.CREATE_NEW
                        : java.nio.file.StandardOpenOption.APPEND);
                ro.close();
                assumeTrue(false, path + " stays writable here");
            } catch (IOException expected) {
                // read-only indeed
            }
            return ro;
        }

        @Override
        public void close() throws Exception {
            for (Path p : paths) {
                if (root) run("chattr", "-i", p.toString()); else run("chmod", "u+w", p.toString());
            }
        }
    }

    /** Runs a system command; -1 when it is missing or hangs. */
    static int run(String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException missing) {
            return -1;
        }
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) return -1;
            p.getInputStream().readAllBytes();
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }
}
