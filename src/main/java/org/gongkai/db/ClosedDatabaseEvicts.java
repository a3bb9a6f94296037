package org.gongkai.db;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * After a write fails (a full disk), H2 closes the database, and its connections answer "database has been closed"
 * (90098) with an SQL state the pool does not take for a broken connection, so it kept handing out dead ones and
 * every request failed until a restart. Evicting them makes the pool open new connections, which open the
 * database file again once the disk has room.
 */
public final class ClosedDatabaseEvicts implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return switch (e.getErrorCode()) {
            case 90098, 90121, 90028, 90031 -> Override.MUST_EVICT; // closed, closed at shutdown, I/O errors
            default -> Override.CONTINUE_EVICT;
        };
    }
}
