package org.gongkai.config;

import java.nio.file.Path;
import java.time.ZoneId;

/** Everything Gongkai reads from gongkai.yaml, after the user's file is laid over the defaults. */
public record Config(Server server, Database database, Data data, Display display, Security security,
                     Screens screens, Push push, Bench bench, Office office, String catalogue, String demo, Path configDir) {

    /** trustProxy: take the client's address from X-Forwarded-For / Forwarded (only behind a reverse proxy). */
    public record Server(String host, int port, String publicBaseUrl, long maxBodyBytes, boolean production,
                         boolean trustProxy) {}

    public record Database(String jdbcUrl, String username, String password, int maxPoolSize) {
        public boolean embedded() {
            return jdbcUrl == null || jdbcUrl.isBlank();
        }
    }

    public record Data(String dir) {}

    public record Display(String timezone, int defaultDurationSeconds, int horizonDays) {
        public ZoneId zone() {
            return ZoneId.of(timezone);
        }
    }

    /** alertSecondApprover: an alert needs a second reviewer before it shows (off by default: minutes matter). */
    public record Security(int sessionHours, boolean alertSecondApprover) {}

    public record Screens(int offlineAfterSeconds, int maxPending, int forgetPendingAfterHours) {}

    public record Push(int maxQueuedMessages, int maxMissedChanges) {}

    public record Bench(boolean enabled) {}

    /**
     * The disclosure office citizens can turn to: named on the page a QR code of a withdrawn item or a lifted alert
     * leads to. portalUrl and hall may be empty (left off the page).
     */
    public record Office(String name, String nameEn, String phone, String portalUrl, String hall, String hallEn) {}

    /**
     * The built-in publicBaseUrl; it follows a changed port (server.port in the operator's file, --port,
     * GONGKAI_PORT), so that a server on another port still hands out working links. An address the operator
     * names is kept.
     */
    public static final String DEFAULT_PUBLIC_BASE_URL = "http://localhost:7070";

    /** Port 0 (any free port, in tests) leaves the address as it is. */
    public Config withPort(int port) {
        String current = server.publicBaseUrl();
        boolean builtIn = DEFAULT_PUBLIC_BASE_URL.equals(current) || ("http://localhost:" + server.port()).equals(current);
        String url = builtIn && port > 0 ? "http://localhost:" + port : current;
        return new Config(new Server(server.host(), port, url, server.maxBodyBytes(), server.production(), server.trustProxy()),
                database, data, display, security, screens, push, bench, office, catalogue, demo, configDir);
    }

    public Config withDataDir(String dir) {
        return new Config(server, database, new Data(dir), display, security, screens, push, bench, office, catalogue, demo, configDir);
    }

    public Config withDatabase(Database database) {
        return new Config(server, database, data, display, security, screens, push, bench, office, catalogue, demo, configDir);
    }

    public Config withScreens(Screens screens) {
        return new Config(server, database, data, display, security, screens, push, bench, office, catalogue, demo, configDir);
    }

    public Config withServer(Server server) {
        return new Config(server, database, data, display, security, screens, push, bench, office, catalogue, demo, configDir);
    }

    public Config withSecurity(Security security) {
        return new Config(server, database, data, display, security, screens, push, bench, office, catalogue, demo, configDir);
    }

    public Config withOffice(Office office) {
        return new Config(server, database, data, display, security, screens, push, bench, office, catalogue, demo, configDir);
    }

    public Config withPublicBaseUrl(String url) {
        return new Config(new Server(server.host(), server.port(), url, server.maxBodyBytes(), server.production(),
                server.trustProxy()),
                database, data, display, security, screens, push, bench, office, catalogue, demo, configDir);
    }
}
