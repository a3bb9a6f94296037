package org.gongkai.backup;

import io.javalin.http.Context;
import org.gongkai.web.ApiException;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /api/admin/backup: an online, consistent copy of the embedded database (H2's BACKUP TO) into
 * DATA_DIR/backups/, taken while Gongkai keeps serving. A database server is backed up with its own tools.
 */
public final class BackupRoutes {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final DataSource dataSource;
    private final Path backupDir;
    private final boolean embedded;

    public BackupRoutes(DataSource dataSource, Path dataDir, boolean embedded) {
        this.dataSource = dataSource;
        this.backupDir = dataDir.toAbsolutePath().normalize().resolve("backups");
        this.embedded = embedded;
    }

    /** Synchronized: one backup at a time, each into a file of its own. */
    public synchronized void backup(Context ctx) {
        if (!embedded) {
            throw ApiException.conflict(null, "Gongkai uses a database server; back it up with that server's tools (e.g. pg_dump)");
        }
        String stamp = "gongkai-" + LocalDateTime.now().format(STAMP);
        Path file = backupDir.resolve(stamp + ".zip");
        for (int n = 2; Files.exists(file); n++) file = backupDir.resolve(stamp + "-" + n + ".zip");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Files.createDirectories(backupDir);
            s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toString());
            out.put("bytes", Files.size(file));
            ctx.status(201).json(out);
        } catch (SQLException | IOException e) {
            throw new ApiException(507, "backup could not be written to " + backupDir + ": " + e.getMessage(), null);
        }
    }
}
