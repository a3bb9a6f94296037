package org.gongkai.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.gongkai.App;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigLoader;
import org.gongkai.db.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The real server on a random port with a fresh database: in-memory H2, or, when GONGKAI_TEST_POSTGRES holds a
 * JDBC URL (with user and password in it), a new schema on that PostgreSQL server, so that the same tests check
 * that every query also runs there.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String USER_PASSWORD = "test-user-password";
    private static final java.util.Map<String, TestServer> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

    public final App app;
    public final HikariDataSource dataSource;
    private final Config config;
    public final String base;
    private final java.util.Map<String, Http> users = new java.util.concurrent.ConcurrentHashMap<>();
    private Path ownDataDir;
    private boolean sharesDatabase; // a second node: closing it leaves the database to the first

    private TestServer(App app, HikariDataSource dataSource, Config config) {
        this.app = app;
        this.dataSource = dataSource;
        this.config = config;
        this.base = "http://127.0.0.1:" + app.port();
        RUNNING.put(base, this);
    }

    /** The running server at a base URL, so that helpers given only a client can reach it. */
    public Config config() {
        return config;
    }

    public static TestServer at(String base) {
        TestServer server = RUNNING.get(base);
        if (server == null) throw new IllegalStateException("no test server at " + base);
        return server;
    }

    /**
     * A member of staff, logged in. Created directly in the database the first time, so that tests of other
     * features do not depend on the user API (which has its own tests).
     */
    public Http user(String username, String role, String department) {
        return users.computeIfAbsent(username, name -> createUser(name, role, department));
    }

    private Http createUser(String username, String role, String department) {
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement st = c.prepareStatement(
                "INSERT INTO users (username, display_name, password_hash, role, department, created_at) "
                        + "SELECT ?, ?, ?, ?, ?, CURRENT_TIMESTAMP WHERE NOT EXISTS (SELECT 1 FROM users WHERE username = ?)")) {
            st.setString(1, username);
            st.setString(2, username);
            st.setString(3, org.gongkai.accounts.AccountService.hash(USER_PASSWORD));
            st.setString(4, role);
            st.setString(5, department);
            st.setString(6, username);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create user " + username + ": " + e.getMessage(), e);
        }
        Http http = new Http(base);
        Http.Response r = http.login(username, USER_PASSWORD);
        if (r.status() != 200) throw new IllegalStateException("login of " + username + ": " + r.body());
        return http;
    }

    public static TestServer start() {
        return start(false, c -> c);
    }

    /**
     * A server with a data dir of its own (a fresh temporary directory, removed at close): what a server keeps on disk
     * beside its database, such as the audit log's anchor, must not mix with another test server's.
     */
    public static TestServer start(boolean demo, UnaryOperator<Config> adjust) {
        return start(demo, adjust, java.time.Clock.systemUTC());
    }

    /** The same, on the given clock. */
    public static TestServer start(boolean demo, UnaryOperator<Config> adjust, java.time.Clock clock) {
        Path dataDir = tempDir("gongkai-test-data-");
        Config config = adjust.apply(ConfigLoader.defaults().withPort(0).withDataDir(dataDir.toString()));
        TestServer server = start(config, freshDatabase(), demo, clock);
        server.ownDataDir = dataDir;
        return server;
    }

    /**
     * A server without the demo whose display.timezone is the given zone, set the way an operator sets it: in a
     * config file of their own laid over the defaults.
     */
    public static TestServer startInZone(String zone) {
        return start(false, c -> {
            try {
                Path file = Files.createTempFile("gongkai-zone-", ".yaml");
                Files.writeString(file, "display:\n  timezone: " + zone + "\n");
                Config zoned = ConfigLoader.load(file).withPort(0).withDataDir(c.data().dir());
                Files.delete(file);
                return zoned;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    public static HikariDataSource freshDatabase() {
        String postgres = System.getenv("GONGKAI_TEST_POSTGRES");
        if (postgres == null || postgres.isBlank()) return Database.inMemory("test-" + UUID.randomUUID());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + newSchema(postgres));
        hikari.setMaximumPoolSize(8);
        return new HikariDataSource(hikari);
    }

    /**
     * A fresh schema on the PostgreSQL server of GONGKAI_TEST_POSTGRES, reached through the proxy, which can play a
     * restart of that server; a request waits for a connection as long as in production (Database.open).
     */
    public static HikariDataSource freshDatabaseThrough(DatabaseProxy proxy) {
        String postgres = System.getenv("GONGKAI_TEST_POSTGRES");
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(proxy.through(postgres) + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + newSchema(postgres));
        hikari.setMaximumPoolSize(8);
        hikari.setConnectionTimeout(5_000);
        return new HikariDataSource(hikari);
    }

    private static String newSchema(String postgres) {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(postgres); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("GONGKAI_TEST_POSTGRES: " + e.getMessage(), e);
        }
        return schema;
    }

    public static boolean onPostgres() {
        String postgres = System.getenv("GONGKAI_TEST_POSTGRES");
        return postgres != null && !postgres.isBlank();
    }

    public static TestServer start(Config config, HikariDataSource ds, boolean demo) {
        return start(config, ds, demo, java.time.Clock.systemUTC());
    }

    /** A server whose "now" is the clock's, e.g. one that ticks from a chosen day: Clock.offset(systemUTC(), ...). */
    public static TestServer start(Config config, HikariDataSource ds, boolean demo, java.time.Clock clock) {
        App app = new App(config, ds, new App.Options(ADMIN_PASSWORD, demo), clock).start();
        return new TestServer(app, ds, config);
    }

    /** Stops this server and starts a new one on the same database (on another random port), as after a restart. */
    public TestServer restart() {
        return restart(java.time.Clock.systemUTC());
    }

    /** A restart after which the server's "now" is the clock's: time that passed while it was down, without waiting. */
    public TestServer restart(java.time.Clock clock) {
        RUNNING.remove(base);
        app.stop();
        TestServer next = start(config, dataSource, false, clock);
        next.ownDataDir = ownDataDir; // the same data dir too: the audit anchor lives there
        return next;
    }

    /**
     * Another node on this server's database: its own App, port, connection pool and data dir, as a second server
     * of a city's deployment (on PostgreSQL) would be. Close it like any server; its database is left to this one.
     */
    public TestServer secondNode(String nodeId) {
        return secondNode(nodeId, c -> c);
    }

    /** The same, with the node's config adjusted (e.g. cluster.notifications off). */
    public TestServer secondNode(String nodeId, UnaryOperator<Config> adjust) {
        Path dataDir = tempDir("gongkai-test-node-");
        Config base = config.withPort(0).withDataDir(dataDir.toString());
        Config nodeConfig = adjust.apply(base.withCluster(new Config.Cluster(nodeId, base.cluster().notifications(),
                base.cluster().pollMillis())));
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(dataSource.getJdbcUrl());
        hikari.setUsername(dataSource.getUsername());
        hikari.setPassword(dataSource.getPassword());
        hikari.setMaximumPoolSize(8);
        HikariDataSource pool = new HikariDataSource(hikari);
        TestServer node;
        try {
            node = start(nodeConfig, pool, false, java.time.Clock.systemUTC());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        node.ownDataDir = dataDir;
        node.sharesDatabase = true;
        return node;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A clock that ticks on from the instant, for a server that lives on a chosen day. */
    public static java.time.Clock clockFrom(String instant) {
        java.time.Clock system = java.time.Clock.systemUTC();
        return java.time.Clock.offset(system, java.time.Duration.between(system.instant(), java.time.OffsetDateTime.parse(instant).toInstant()));
    }

    public Http anonymous() {
        return new Http(base);
    }

    public Http admin() {
        Http http = new Http(base);
        http.login("admin", ADMIN_PASSWORD);
        return http;
    }

    /** The newest content version (the last content_changes row): what an up-to-date screen holds. */
    public long contentVersion() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT MAX(version) FROM content_changes")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + app.port() + "/ws/screen";
    }

    @Override
    public void close() {
        RUNNING.remove(base);
        app.stop();
        if (sharesDatabase) dataSource.close();
        else dispose(dataSource);
        if (ownDataDir != null) deleteTree(ownDataDir);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary directory left behind is not a test failure
        }
    }

    /** Closes a database; a PostgreSQL schema made by freshDatabase() is dropped first. */
    public static void dispose(HikariDataSource ds) {
        if (ds.getJdbcUrl().startsWith("jdbc:postgresql:") && ds.getJdbcUrl().contains("currentSchema=test_")) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + c.getSchema() + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the test schema: " + e.getMessage(), e);
            }
        }
        ds.close();
    }
}
