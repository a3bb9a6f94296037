package org.gongkai.web;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.gongkai.db.ClosedDatabaseEvicts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the database's (503, try again) and which are bugs (500); the pool drops dead connections. */
class DatabaseUnavailableUnitTest {
    @Test
    void databaseFailuresAreTold503() {
        assertThat(ErrorHandlers.databaseUnavailable(new RuntimeException(new SQLException("closed", "90098", 90098)))).isTrue();
        assertThat(ErrorHandlers.databaseUnavailable(new SQLException("disk full", "53100"))).isTrue(); // PostgreSQL
        assertThat(ErrorHandlers.databaseUnavailable(new SQLException("read-only", "25006"))).isTrue();
        assertThat(ErrorHandlers.databaseUnavailable(new SQLException("gone", "08006"))).isTrue();
        assertThat(ErrorHandlers.databaseUnavailable(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(ErrorHandlers.databaseUnavailable(new SQLException("general", "HY000", 50000,
                new IOException("No space left on device")))).isTrue();
    }

    @Test
    void otherFailuresStay500() {
        assertThat(ErrorHandlers.databaseUnavailable(new SQLException("duplicate", "23505"))).isFalse();
        assertThat(ErrorHandlers.databaseUnavailable(new UncheckedIOException(new IOException("client went away")))).isFalse();
        assertThat(ErrorHandlers.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void thePoolEvictsConnectionsOfAClosedDatabase() {
        ClosedDatabaseEvicts override = new ClosedDatabaseEvicts();
        assertThat(override.adjudicate(new SQLException("closed", "90098", 90098))).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(override.adjudicate(new SQLException("duplicate", "23505", 23505))).isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }
}
