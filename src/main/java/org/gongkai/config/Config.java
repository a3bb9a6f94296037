package org.gongkai.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Everything Gongkai reads from gongkai.yaml, after the user's file is laid over the defaults. configDir and source
 * are set by the loader: the operator's file's directory (or null) and how to name the file in a message.
 */
public record Config(Server server, Database database, Data data, Display display, Security security,
                     Screens screens, Push push, Bench bench, Alerts alerts, String catalogue, String demo,
                     Path configDir, String source) {

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

    /** defaultDepartment: the department the alert composer preselects (a department code, or empty for none). */
    public record Alerts(String defaultDepartment) {}

    /** The built-in alerts.defaultDepartment: the demo's weather bureau. A county without it gets no preselection. */
    public static final String DEFAULT_ALERT_DEPARTMENT = "meteorology";

    /** The built-in publicBaseUrl; it follows a changed port, so that a demo on another port still has working links. */
    public static final String DEFAULT_PUBLIC_BASE_URL = "http://localhost:7070";

    public Config withPort(int port) {
        String url = DEFAULT_PUBLIC_BASE_URL.equals(server.publicBaseUrl()) && port > 0
                ? "http://localhost:" + port : server.publicBaseUrl();
        return new Config(new Server(server.host(), port, url, server.maxBodyBytes(), server.production(), server.trustProxy()),
                database, data, display, security, screens, push, bench, alerts, catalogue, demo, configDir, source);
    }

    public Config withDataDir(String dir) {
        return new Config(server, database, new Data(dir), display, security, screens, push, bench, alerts, catalogue, demo, configDir, source);
    }

    public Config withDatabase(Database database) {
        return new Config(server, database, data, display, security, screens, push, bench, alerts, catalogue, demo, configDir, source);
    }

    public Config withScreens(Screens screens) {
        return new Config(server, database, data, display, security, screens, push, bench, alerts, catalogue, demo, configDir, source);
    }

    public Config withServer(Server server) {
        return new Config(server, database, data, display, security, screens, push, bench, alerts, catalogue, demo, configDir, source);
    }

    public Config withSecurity(Security security) {
        return new Config(server, database, data, display, security, screens, push, bench, alerts, catalogue, demo, configDir, source);
    }

    public Config withAlerts(Alerts alerts) {
        return new Config(server, database, data, display, security, screens, push, bench, alerts, catalogue, demo, configDir, source);
    }

    public Config withPublicBaseUrl(String url) {
        return new Config(new Server(server.host(), server.port(), url, server.maxBodyBytes(), server.production(),
                server.trustProxy()),
                database, data, display, security, screens, push, bench, alerts, catalogue, demo, configDir, source);
    }
}
