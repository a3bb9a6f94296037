package org.gongkai.backup;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigLoader;
import org.gongkai.db.Database;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.gongkai.support.Zips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented online backup, taken while serving, restores into a data dir that starts with the content. */
class BackupTest {
    @TempDir
    Path tmp;

    @Test
    void onlineBackupRestoresAndStarts() throws IOException {
        Config original = ConfigLoader.defaults().withPort(0).withDataDir(tmp.resolve("data").toString());
        String file;
        long itemId;
        try (TestServer server = TestServer.start(original, Database.open(original), false)) {
            Http admin = server.admin();
            Fixtures.basics(admin);
            itemId = Fixtures.create(admin, Fixtures.notice("备份前发布的通知")).get("id").asLong();
            Http.Response backup = admin.post("/api/admin/backup", "");
            assertThat(backup.status()).as(backup.body()).isEqualTo(201);
            file = backup.json().get("file").asText();
            assertThat(Path.of(file).startsWith(tmp.resolve("data").resolve("backups"))).isTrue();
            String second = admin.post("/api/admin/backup", "").json().get("file").asText();
            assertThat(second).as("a backup in the same second gets a file of its own").isNotEqualTo(file);
            assertThat(Path.of(file)).exists();
            assertThat(server.anonymous().post("/api/admin/backup", "").status()).isEqualTo(401);
        }

        Path restored = tmp.resolve("restored");
        Zips.unzip(Path.of(file), restored);
        Config again = original.withDataDir(restored.toString());
        try (TestServer server = TestServer.start(again, Database.open(again), false)) {
            JsonNode item = server.anonymous().get("/api/items/" + itemId).json();
            assertThat(item.get("title").asText()).isEqualTo("备份前发布的通知");
        }
    }
}
