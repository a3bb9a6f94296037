package org.gongkai.faults;

import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.JarServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar stopped the way a service manager stops it (systemd's default KillSignal is SIGTERM): it stops
 * serving, closes the database, says so, and exits 0, which the service manager records as a clean stop rather
 * than a failure. What it stored is there after the next start.
 */
class ShutdownFaultIT {
    @TempDir
    Path tmp;

    @Test
    void sigtermStopsTheServerCleanlyWithExitCodeZero() throws Exception {
        Path data = tmp.resolve("data");
        long id;
        try (JarServer server = JarServer.start(data)) {
            Http admin = server.admin();
            Fixtures.basics(admin);
            Http.Response created = admin.post("/api/items", Fixtures.notice("停机前保存的草稿").put("status", "draft").toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asLong();

            int code = server.stop(); // Process.destroy(): SIGTERM
            assertThat(code).as("exit code after SIGTERM\n" + server.stdout() + server.stderr()).isZero();
            assertThat(server.stdout()).as(server.stderr()).contains("Gongkai stopped cleanly");
            assertThat(server.stdout() + server.stderr()).doesNotContain("ERROR").doesNotContain("Exception");
        }
        try (JarServer server = JarServer.start(data)) {
            assertThat(server.admin().get("/api/items/" + id).json().get("title").asText()).isEqualTo("停机前保存的草稿");
            assertThat(server.stop()).isZero();
        }
    }
}
