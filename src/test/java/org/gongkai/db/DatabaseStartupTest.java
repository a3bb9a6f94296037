package org.gongkai.db;

import com.zaxxer.hikari.HikariDataSource;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database that cannot be used stops the real process (Main in a JVM of its own) with exit code 2 and one line on
 * stderr that names the database and what is wrong, never a stack trace: a URL no driver takes, nothing listening,
 * a database that does not exist, a refused login, a schema newer than this build.
 */
class DatabaseStartupTest {
    private static final String NO_DRIVER = "no JDBC driver in this Gongkai takes this URL";

    @TempDir
    Path dir;

    record Exit(int code, String stderr, String stdout) {}

    @Test
    void aUrlNoDriverTakesIsOneLine() throws Exception {
        assertOneLine(withDatabaseUrl("jdbc:postgres://127.0.0.1:5432/test"),
                "gongkai: database jdbc:postgres://127.0.0.1:5432/test: " + NO_DRIVER);
        assertOneLine(withDatabaseUrl("jdbc:mysql://127.0.0.1:3306/gongkai"), NO_DRIVER);
        assertOneLine(withDatabaseUrl("postgresql://127.0.0.1/gongkai"), NO_DRIVER);
    }

    @Test
    void nothingListeningIsOneLineWithinTheStartTimeout() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        long started = System.nanoTime();
        Exit exit = assertOneLine(withDatabaseUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/gongkai?password=secret"),
                "gongkai: database jdbc:postgresql://127.0.0.1:" + closedPort + "/gongkai?password=***: nothing answers"
                        + " at its host and port (connection refused)");
        assertThat(exit.stderr()).doesNotContain("secret");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds to give up").isLessThan(40);
    }

    @Test
    void aDatabaseThatDoesNotExistIsOneLine() throws Exception {
        assumeTrue(TestServer.onPostgres(), "needs GONGKAI_TEST_POSTGRES");
        String url = postgres().replaceFirst("/[^/?]+(\\?|$)", "/gongkai_no_such_database$1");
        assertOneLine(withDatabaseUrl(url), "database \"gongkai_no_such_database\" does not exist; create it, or correct"
                + " database.jdbcUrl or GONGKAI_DATABASE_URL");
    }

    /** The server here trusts 127.0.0.1 (no passwords), so a role that may not log in is what it refuses. */
    @Test
    void aLoginTheServerRefusesIsOneLine() throws Exception {
        assumeTrue(TestServer.onPostgres(), "needs GONGKAI_TEST_POSTGRES");
        try (Connection c = DriverManager.getConnection(postgres()); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN CREATE ROLE gongkai_refused NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        Map<String, String> env = withDatabaseUrl(postgres().replaceFirst("\\?.*$", ""));
        env.put("GONGKAI_DATABASE_USER", "gongkai_refused");
        env.put("GONGKAI_DATABASE_PASSWORD", "wrong");
        assertOneLine(env, "the login was refused (role \"gongkai_refused\" is not permitted to log in); check"
                + " database.username and database.password (GONGKAI_DATABASE_USER, GONGKAI_DATABASE_PASSWORD)");
    }

    @Test
    void aSchemaNewerThanThisBuildIsOneLine() throws Exception {
        Path data = dir.resolve("data");
        HikariDataSource embedded = Database.open(ConfigLoader.defaults().withDataDir(data.toString()));
        String name = Database.withoutPassword(embedded.getJdbcUrl());
        upgradeBeyondThisBuild(embedded);
        embedded.close();
        Exit exit = assertOneLine(Map.of("GONGKAI_DATA_DIR", data.toString()), "gongkai: database " + name
                + ": its schema is at version " + NEWER + ", newer than this Gongkai (");
        assertThat(exit.stderr()).endsWith("): run the Gongkai that upgraded it");

        assumeTrue(TestServer.onPostgres(), "the same on PostgreSQL needs GONGKAI_TEST_POSTGRES");
        HikariDataSource schema = TestServer.freshDatabase();
        try {
            upgradeBeyondThisBuild(schema);
            assertOneLine(withDatabaseUrl(schema.getJdbcUrl()), "its schema is at version " + NEWER + ", newer than this Gongkai (");
        } finally {
            TestServer.dispose(schema);
        }
    }

    /** One past this build's newest migration: the version a newer Gongkai would have left. */
    static final int NEWER = newestMigration() + 1;

    private static int newestMigration() {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void upgradeBeyondThisBuild(HikariDataSource ds) throws Exception {
        Database.migrate(ds);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (1000, '" + NEWER + "', 'from a newer Gongkai', 'SQL', 'V" + NEWER + "__newer.sql', 0, 'test', 0, true)");
        }
    }

    private Exit assertOneLine(Map<String, String> env, String expected) throws Exception {
        Exit exit = runMain(env);
        System.out.println("DatabaseStartupTest: " + exit.stderr());
        assertThat(exit.code()).as(exit.stderr()).isEqualTo(2);
        assertThat(exit.stderr()).startsWith("gongkai: database ").contains(expected).doesNotContain("\n");
        assertThat(exit.stdout()).as("the log").doesNotContain("\tat ");
        return exit;
    }

    private Map<String, String> withDatabaseUrl(String url) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("GONGKAI_DATABASE_URL", url);
        env.put("GONGKAI_DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    private static String postgres() {
        return System.getenv("GONGKAI_TEST_POSTGRES");
    }

    private Exit runMain(Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.gongkai.Main", "--port", "0", "--no-demo"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GONGKAI_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the process did not exit");
        }
        return new Exit(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
