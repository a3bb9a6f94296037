package org.gongkai.db;

import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One login to a database server before the pool starts: a URL with no driver, a database that does not exist or a
 * login the server refuses stops start-up at once with a line that says which, rather than after the pool's retries
 * with a driver's exception.
 */
final class ServerLogin {
    private static final String URL_KEYS = "correct database.jdbcUrl or GONGKAI_DATABASE_URL";
    private static final String LOGIN_KEYS = "check database.username and database.password"
            + " (GONGKAI_DATABASE_USER, GONGKAI_DATABASE_PASSWORD)";

    private ServerLogin() {}

    static void check(Config.Database db, String name) {
        requireDriver(db.jdbcUrl(), name);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), blankAsNull(db.username()), blankAsNull(db.password()))) {
            c.isValid(5);
        } catch (SQLException e) {
            // A server that is starting up or unreachable may be there in a moment: the pool tries again.
            if (!(isLoginRefused(e) || isMissingDatabase(e))) return;
            throw new ConfigException("database " + name + ": " + whatIsWrong(e), e);
        }
    }

    private static void requireDriver(String url, String name) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new ConfigException("database " + name + ": no JDBC driver in this Gongkai takes this URL (it has"
                    + " jdbc:postgresql://HOST:PORT/DATABASE and jdbc:h2:); " + URL_KEYS);
        }
    }

    /** What is wrong with a database that could not be opened, in one line, with what to do about it. */
    static String whatIsWrong(Throwable e) {
        SQLException sql = first(e, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (sql != null && isLoginRefused(sql)) return "the login was refused (" + serverMessage(sql) + "); " + LOGIN_KEYS;
        if (state.equals("3D000")) return serverMessage(sql) + "; create it, or " + URL_KEYS;
        if (first(e, ConnectException.class) != null) {
            return "nothing answers at its host and port (connection refused); start the database server, or " + URL_KEYS;
        }
        if (first(e, UnknownHostException.class) != null) {
            return "unknown host " + Database.rootMessage(e) + "; " + URL_KEYS;
        }
        return "cannot be opened: " + oneLine(Database.rootMessage(e));
    }

    private static boolean isLoginRefused(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("28");
    }

    private static boolean isMissingDatabase(SQLException e) {
        return "3D000".equals(e.getSQLState());
    }

    private static String serverMessage(SQLException e) {
        return oneLine(e.getMessage()).replaceFirst("^(FATAL|ERROR|FATAL:|ERROR:)\\s*:?\\s*", "");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static <T extends Throwable> T first(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
