package org.gongkai.db;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.gongkai.config.ConfigException;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Flyway by default passes over applied migrations it does not know (ignoreMigrationPatterns "*:future"), so an
 * older Gongkai would run on a schema a newer one changed, reading and writing columns it knows nothing of. It
 * stops instead.
 */
final class SchemaVersions {
    private SchemaVersions() {}

    static void requireNotNewer(Flyway flyway, DataSource dataSource) {
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion ours = newest(all, false);
        MigrationVersion future = newest(all, true);
        if (future == null) return;
        throw new ConfigException("database " + name(dataSource) + ": its schema is at version " + future
                + ", newer than this Gongkai (" + (ours == null ? "none" : ours) + "): run the Gongkai that upgraded it");
    }

    private static MigrationVersion newest(MigrationInfo[] all, boolean future) {
        return Arrays.stream(all)
                .filter(m -> m.getVersion() != null && m.getState().name().startsWith("FUTURE") == future)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static String name(DataSource dataSource) {
        return dataSource instanceof HikariDataSource h ? Database.withoutPassword(h.getJdbcUrl()) : "";
    }
}
