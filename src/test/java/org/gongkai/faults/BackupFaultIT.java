package org.gongkai.faults;

import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.JarServer;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.Zips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented online backup (POST /api/admin/backup), taken by the jar while publishes keep coming, restores as
 * the README says (unzip into an empty data dir) and a new server started there serves the content.
 */
class BackupFaultIT {
    @TempDir
    Path tmp;

    @Test
    void backupTakenDuringABurstRestoresIntoANewServer() throws Exception {
        Path data = tmp.resolve("data");
        List<Long> beforeBackup;
        Path zip;
        try (JarServer server = JarServer.start(data)) {
            Http admin = server.admin();
            Fixtures.basics(admin);
            Http editor = FaultChecks.staff(admin, server.base, "editor1", "editor", "hrss");
            Http reviewer = FaultChecks.staff(admin, server.base, "reviewer1", "reviewer", null);
            try (FaultChecks.Burst burst = new FaultChecks.Burst(admin, editor, reviewer, "backup")) {
                burst.awaitPublished(10, 30_000);
                beforeBackup = new ArrayList<>(burst.published);
                long started = System.nanoTime();
                Http.Response backup = admin.post("/api/admin/backup", "");
                assertThat(backup.status()).as(backup.body()).isEqualTo(201);
                zip = Path.of(backup.json().get("file").asText());
                System.out.printf("online backup during the burst: %d bytes in %d ms, %d publishes answered before it%n",
                        backup.json().get("bytes").asLong(), (System.nanoTime() - started) / 1_000_000, beforeBackup.size());
            }
            assertThat(server.stop()).isZero();
        }

        Path restored = tmp.resolve("restored");
        Zips.unzip(zip, restored);
        try (JarServer server = JarServer.start(restored)) {
            Http admin = server.admin();
            FaultChecks.publishedThroughApi(admin, beforeBackup);
            // A new screen paired on the restored server receives the restored content.
            try (ScreenClient screen = new ScreenClient(server.wsUrl())) {
                screen.hello(null, null, null);
                String code = screen.await("welcome", 5000).get("pairingCode").asText();
                assertThat(admin.post("/api/screens/pair", "{\"code\":\"" + code + "\",\"name\":\"恢复后\",\"group\":\"plaza\"}").status()).isEqualTo(200);
                var snapshot = screen.await("snapshot", 5000);
                List<Long> shown = new ArrayList<>();
                snapshot.get("items").forEach(i -> shown.add(i.get("id").asLong()));
                snapshot.get("alerts").forEach(i -> shown.add(i.get("id").asLong()));
                assertThat(shown).containsAll(beforeBackup);
            }
            assertThat(admin.post("/api/items", Fixtures.alert("blue").toString()).status()).as("writable after restore").isEqualTo(201);
            assertThat(server.stop()).isZero();
        }
        FaultChecks.consistentOnDisk(restored, beforeBackup);
    }
}
