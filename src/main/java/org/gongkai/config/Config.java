package org.gongkai.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Everything Gongkai reads from gongkai.yaml, after the user's file is laid over the defaults. configDir and source
 * are set by the loader: the operator's file's directory (or null) and how to name the file in a message.
 */
public record Config(Server server, Database database, Data data, Display display, Security security,
                     Screens screens, Push push, Bench bench, Office office, Alerts alerts, Intake intake,
                     Warnings warnings, Cluster cluster, Speech speech, String catalogue,
                     String demo, String synonyms, Path configDir, String source) {

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

    /**
     * 朗读 on the server for kiosks whose browser has no Mandarin voice: command is the speech engine (espeak-ng;
     * empty turns it off), voice its Mandarin voice, wordsPerMinute how fast it speaks.
     */
    public record Speech(String command, String voice, int wordsPerMinute) {}

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

    /** defaultDepartment: the department the alert composer preselects (a department code, or empty for none). */
    public record Alerts(String defaultDepartment) {}

    /**
     * Fetching from outside (portal feeds, CAP warnings): a response is read up to maxBytes and no further, a
     * connection must open within connectTimeoutSeconds and the whole answer arrive within timeoutSeconds. The feed
     * poller looks for due feeds every feedCheckSeconds; a new feed is fetched at its next look.
     */
    public record Intake(long maxBytes, int connectTimeoutSeconds, int timeoutSeconds, int feedCheckSeconds) {
        public Intake withFeedCheckSeconds(int seconds) {
            return new Intake(maxBytes, connectTimeoutSeconds, timeoutSeconds, seconds);
        }
    }

    /**
     * CAP warnings: a message concerns this county when one of its areas has one of areaCodes as a geocode or
     * names one of areaNames in its areaDesc.
     */
    public record Warnings(java.util.List<String> areaNames, java.util.List<String> areaCodes, String pushPolicy) {
        /** pushPolicy: what POST /api/cap issues at once: severe_at_once (Severe, Extreme), all_at_once, review_all. */
        public static final java.util.List<String> POLICIES = java.util.List.of("severe_at_once", "all_at_once", "review_all");
    }

    /**
     * Several nodes on one database. nodeId names this node in the screens list ("": host name and port); notifications
     * wakes the other nodes with PostgreSQL's NOTIFY after a commit (off for PostgreSQL-compatible databases that
     * lack it); every node also reads content_changes every pollMillis, which alone must do when notify is off.
     */
    public record Cluster(String nodeId, boolean notifications, int pollMillis) {}

    /** The built-in alerts.defaultDepartment: the demo's weather bureau. A county without it gets no preselection. */
    public static final String DEFAULT_ALERT_DEPARTMENT = "meteorology";

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
        return withServer(new Server(server.host(), port, url, server.maxBodyBytes(), server.production(), server.trustProxy()));
    }

    public Config withPublicBaseUrl(String url) {
        return withServer(new Server(server.host(), server.port(), url, server.maxBodyBytes(), server.production(),
                server.trustProxy()));
    }

    public Config withDataDir(String dir) {
        return with(c -> c.data = new Data(dir));
    }

    public Config withDatabase(Database database) {
        return with(c -> c.database = database);
    }

    public Config withScreens(Screens screens) {
        return with(c -> c.screens = screens);
    }

    public Config withServer(Server server) {
        return with(c -> c.server = server);
    }

    public Config withSecurity(Security security) {
        return with(c -> c.security = security);
    }

    public Config withOffice(Office office) {
        return with(c -> c.office = office);
    }

    public Config withAlerts(Alerts alerts) {
        return with(c -> c.alerts = alerts);
    }

    public Config withIntake(Intake intake) {
        return with(c -> c.intake = intake);
    }

    public Config withWarnings(Warnings warnings) {
        return with(c -> c.warnings = warnings);
    }

    public Config withCluster(Cluster cluster) {
        return with(c -> c.cluster = cluster);
    }

    public Config withSpeech(Speech speech) {
        return with(c -> c.speech = speech);
    }

    /** A copy with the parts the change sets replaced. */
    private Config with(Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return new Config(p.server, p.database, p.data, display, p.security, p.screens, push, bench, p.office, p.alerts,
                p.intake, p.warnings, p.cluster, p.speech, catalogue, demo, synonyms, configDir, source);
    }

    /** The parts a wither may replace. */
    private static final class Parts {
        Server server;
        Database database;
        Data data;
        Security security;
        Screens screens;
        Office office;
        Alerts alerts;
        Intake intake;
        Warnings warnings;
        Cluster cluster;
        Speech speech;

        Parts(Config c) {
            server = c.server;
            database = c.database;
            data = c.data;
            security = c.security;
            screens = c.screens;
            office = c.office;
            alerts = c.alerts;
            intake = c.intake;
            warnings = c.warnings;
            cluster = c.cluster;
            speech = c.speech;
        }
    }
}
