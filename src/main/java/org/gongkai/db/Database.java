package org.gongkai.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the connection pool: embedded H2 under the data dir, or the JDBC URL the config names. */
public final class Database {
    private Database() {}

    public static HikariDataSource open(Config config) {
        HikariConfig hikari = new HikariConfig();
        String name;
        if (config.database().embedded()) {
            Path dir = writableDataDir(config.data().dir());
            name = dir.resolve("gongkai.mv.db").toString();
            // WRITE_DELAY=0: H2 writes each commit to the file before answering. By default it keeps commits in
            // memory for up to half a second, so a process killed in that time lost publishes already answered 201.
            // DB_CLOSE_ON_EXIT=FALSE: H2's own exit hook would close the database while ours is still stopping the
            // pollers (feeds, CAP sources), whose last tick then met a closed database; ours closes it last.
            hikari.setJdbcUrl("jdbc:h2:file:" + dir.resolve("gongkai").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            hikari.setUsername("sa");
            hikari.setExceptionOverrideClassName(ClosedDatabaseEvicts.class.getName());
        } else {
            Config.Database db = config.database();
            name = withoutPassword(db.jdbcUrl());
            ServerLogin.check(db, name);
            hikari.setJdbcUrl(db.jdbcUrl());
            hikari.setUsername(db.username());
            hikari.setPassword(db.password());
            // While the database server is away (restarting), a request waits this long for a connection and is
            // then answered 503, instead of Hikari's 30 s.
            hikari.setConnectionTimeout(5_000);
        }
        hikari.setMaximumPoolSize(config.database().maxPoolSize());
        hikari.setPoolName("gongkai");
        hikari.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new ConfigException("database " + name + ": " + ServerLogin.whatIsWrong(e), e);
        }
    }

    public static HikariDataSource inMemory(String name) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        hikari.setUsername("sa");
        hikari.setMaximumPoolSize(8);
        return new HikariDataSource(hikari);
    }

    public static void migrate(javax.sql.DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        SchemaVersions.requireNotNewer(flyway, dataSource);
        flyway.migrate();
    }

    /** A JDBC URL as it may be printed: a password given in it is left out. */
    public static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static Path writableDataDir(String dir) {
        Path path = Path.of(dir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
            Path probe = Files.createTempFile(path, ".write-check", ".tmp");
            Files.delete(probe);
            // H2 opens a database file it may not write read-only, without a word: Gongkai would start and fail
            // every write. Say so at start instead.
            Path file = path.resolve("gongkai.mv.db");
            if (Files.exists(file) && !Files.isWritable(file)) {
                throw new ConfigException("data dir " + path + ": the database file " + file.getFileName()
                        + " is read-only; make it writable or set --data-dir or GONGKAI_DATA_DIR");
            }
            return path;
        } catch (AccessDeniedException e) {
            throw new ConfigException("data dir " + path + ": not writable (permission denied); set --data-dir or GONGKAI_DATA_DIR");
        } catch (IOException e) {
            throw new ConfigException("data dir " + path + ": not writable (" + e.getMessage() + "); set --data-dir or GONGKAI_DATA_DIR");
        }
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
