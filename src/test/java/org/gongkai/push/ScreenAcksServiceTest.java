package org.gongkai.push;

import org.gongkai.screens.ScreenStore;
import org.gongkai.support.Services;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Acks that the database could not take (it was away) are written by the next flush, not dropped. */
class ScreenAcksServiceTest {
    @Test
    void acksTheDatabaseCouldNotTakeWaitForTheNextFlush() {
        Services s = Services.fresh();
        s.screens.insertPending("scr_away", "hash", "plaza", "123456", OffsetDateTime.now(s.clock));
        AtomicBoolean away = new AtomicBoolean(true);
        ScreenStore screens = new ScreenStore(Jdbi.create(unlessAway(s.dataSource, away)), Duration.ofMinutes(2), s.clock);
        ScreenAcks acks = new ScreenAcks(screens, s.clock);

        acks.record("scr_away", new ScreenAcks.Ack(7, null, null));
        assertThatThrownBy(acks::flush).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        away.set(false);
        acks.flush();

        assertThat(s.screens.find("scr_away").orElseThrow().ackedVersion()).isEqualTo(7);
    }

    /** The data source, or one that has no connection to give while away is set, like a pool whose server is down. */
    private static DataSource unlessAway(DataSource real, AtomicBoolean away) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && away.get()) {
                        throw new SQLTransientConnectionException("gongkai - Connection is not available");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
