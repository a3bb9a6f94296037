package org.gongkai;

import com.zaxxer.hikari.HikariDataSource;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;
import org.gongkai.db.Database;

import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;

/** java -jar gongkai.jar [--port N] [--data-dir DIR] [--config FILE] [--no-demo]; each also an environment variable. */
public final class Main {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);
    private static final String USAGE = """
            Usage: java -jar gongkai.jar [options]
              --port N         port to serve on (GONGKAI_PORT; default 7070)
              --data-dir DIR   where the embedded database lives (GONGKAI_DATA_DIR; default ./data)
              --config FILE    configuration laid over the defaults (GONGKAI_CONFIG)
              --no-demo        do not load the demo content into an empty database (GONGKAI_NO_DEMO=true)
            Environment only, each over the config file's database section:
              GONGKAI_DATABASE_URL       a JDBC URL, e.g. jdbc:postgresql://db:5432/gongkai (database.jdbcUrl;
                                         default empty: the embedded database in the data dir)
              GONGKAI_DATABASE_USER      the login for that URL (database.username)
              GONGKAI_DATABASE_PASSWORD  its password (database.password)
            A PostgreSQL database gets Gongkai's schema at the first start, and newer migrations at later starts.
            The first start creates the account admin with the password in GONGKAI_ADMIN_PASSWORD,
            or prints a generated one once.""";

    private Main() {}

    public static void main(String[] args) {
        try {
            run(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("gongkai: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args, Map<String, String> env) {
        String port = env.get("GONGKAI_PORT");
        String dataDir = env.get("GONGKAI_DATA_DIR");
        String configFile = env.get("GONGKAI_CONFIG");
        boolean demo = !"true".equalsIgnoreCase(env.get("GONGKAI_NO_DEMO"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = value(args, ++i, "--port");
                case "--data-dir" -> dataDir = value(args, ++i, "--data-dir");
                case "--config" -> configFile = value(args, ++i, "--config");
                case "--no-demo" -> demo = false;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new ConfigException("unknown option '" + args[i] + "' (try --help)");
            }
        }
        Config config = ConfigLoader.load(configFile == null || configFile.isBlank() ? null : Path.of(configFile));
        if (port != null && !port.isBlank()) config = config.withPort(parsePort(port));
        if (dataDir != null && !dataDir.isBlank()) config = config.withDataDir(dataDir);
        config = withDatabaseFromEnv(config, env);
        HikariDataSource dataSource = Database.open(config);
        try {
            App app = new App(config, dataSource, new App.Options(env.get("GONGKAI_ADMIN_PASSWORD"), demo)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, dataSource), "shutdown"));
            exitZeroOnSigterm();
            System.out.println("Gongkai is serving on http://localhost:" + app.port() + "/  (plaza: /plaza, touch: /touch, admin: /admin)");
            String publicUrl = config.server().publicBaseUrl();
            if (publicUrl.matches("https?://(localhost|127\\.0\\.0\\.1)([:/].*)?")) {
                System.out.println("Note: QR codes and short links point to " + publicUrl + ", which phones cannot reach;"
                        + " set server.publicBaseUrl to the address citizens' phones use.");
            }
        } catch (RuntimeException e) {
            dataSource.close();
            if (causedBy(e, BindException.class)) {
                throw new ConfigException("port " + config.server().port() + " is already in use; choose another with --port or GONGKAI_PORT");
            }
            if (e instanceof ConfigException) throw e;
            if (causedBy(e, org.flywaydb.core.api.FlywayException.class)) {
                throw new ConfigException("database migration failed: " + Database.rootMessage(e));
            }
            throw e;
        }
    }

    /**
     * Stops serving and closes the database, in the shutdown hook (after SIGTERM, SIGINT or System.exit). If that
     * fails, the process ends with 1 so that a service manager sees the failure.
     */
    private static void stop(App app, HikariDataSource dataSource) {
        try {
            app.stop();
            dataSource.close();
            LOG.info("Gongkai stopped cleanly: no longer serving, database closed");
        } catch (RuntimeException e) {
            LOG.error("Gongkai did not stop cleanly", e);
            Runtime.getRuntime().halt(1);
        }
    }

    /**
     * SIGTERM is how a service manager (systemd, Docker, Kubernetes) stops a service. The JVM's own handler runs the
     * shutdown hooks and then exits with 143 (128 + 15) however cleanly they finished, which systemd records as a
     * failure. Handling the signal ourselves with System.exit(0) runs the same hooks and exits 0. sun.misc.Signal
     * is the JDK's supported way to do this (module jdk.unsupported, kept by JEP 260). Not available with -Xrs.
     */
    private static void exitZeroOnSigterm() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("SIGTERM cannot be handled here ({}); a stop by SIGTERM will exit with 143", e.getMessage());
        }
    }

    /** The environment overrides the config file's database keys one by one, as it does the port and the data dir. */
    static Config withDatabaseFromEnv(Config config, Map<String, String> env) {
        Config.Database db = config.database();
        String url = orElse(env.get("GONGKAI_DATABASE_URL"), db.jdbcUrl());
        String user = orElse(env.get("GONGKAI_DATABASE_USER"), db.username());
        String password = orElse(env.get("GONGKAI_DATABASE_PASSWORD"), db.password());
        return config.withDatabase(new Config.Database(url, user, password, db.maxPoolSize()));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new ConfigException(option + " needs a value");
        return args[i];
    }

    private static int parsePort(String raw) {
        try {
            int p = Integer.parseInt(raw.strip());
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new ConfigException("port '" + raw + "' is not a port number (0-65535)");
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }
}
