package org.gongkai.screens;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.gongkai.config.Config;
import org.gongkai.db.Database;
import org.gongkai.push.LocalChangeFeed;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Anyone can open a player page, so screens waiting to be paired are bounded in number and in time. */
class PendingScreensTest {

    @Test
    void registrationsBeyondTheLimitAreRefusedWithAReason() {
        try (TestServer server = TestServer.start(false, c -> c.withScreens(new Config.Screens(120, 2, 72)));
             ScreenClient a = new ScreenClient(server.wsUrl());
             ScreenClient b = new ScreenClient(server.wsUrl());
             ScreenClient c = new ScreenClient(server.wsUrl())) {
            a.hello(null, null, null);
            assertThat(a.await("welcome", 5000).get("status").asText()).isEqualTo("pending");
            b.hello(null, null, null);
            assertThat(b.await("welcome", 5000).get("status").asText()).isEqualTo("pending");
            c.hello(null, null, null);
            JsonNode refused = c.await("error", 5000);
            assertThat(refused.get("error").asText()).contains("2 screens are already waiting to be paired");
            assertThat(server.admin().get("/api/screens").json().size()).isEqualTo(2);
        }
    }

    @Test
    void unpairedScreensNotSeenForTheConfiguredTimeAreForgotten() {
        HikariDataSource ds = TestServer.freshDatabase();
        try {
            Database.migrate(ds);
            Instant start = Instant.parse("2026-11-20T08:00:00Z");
            ScreenStore store = new ScreenStore(Jdbi.create(ds), Duration.ofMinutes(2), Clock.fixed(start, ZoneOffset.UTC));
            ScreenService then = service(store, start);
            String stale = then.register("plaza").screen().id();
            ScreenService later = service(store, start.plus(Duration.ofHours(50)));
            String recent = later.register("touch").screen().id();

            assertThat(pending(store, start.plus(Duration.ofHours(73))).forgetStale()).isEqualTo(1);
            assertThat(store.find(stale)).isEmpty();
            assertThat(store.find(recent)).isPresent();
        } finally {
            TestServer.dispose(ds);
        }
    }

    @Test
    void theBoundHoldsWithoutAServerAndAPairedScreenLeavesRoom() {
        HikariDataSource ds = TestServer.freshDatabase();
        try {
            Database.migrate(ds);
            Instant now = Instant.parse("2026-11-20T08:00:00Z");
            ScreenStore store = new ScreenStore(Jdbi.create(ds), Duration.ofMinutes(2), Clock.fixed(now, ZoneOffset.UTC));
            store.insertGroup(new ScreenGroup("plaza", "广场", "Plaza", 15, 20.0, null, null, null));
            PendingScreens pending = new PendingScreens(store, Clock.fixed(now, ZoneOffset.UTC), 2, Duration.ofHours(72));
            ScreenService screens = new ScreenService(store, new LocalChangeFeed(), Clock.fixed(now, ZoneOffset.UTC), pending);
            Screen first = screens.register("plaza").screen();
            screens.register("touch");
            assertThatThrownBy(() -> screens.register("plaza")).isInstanceOf(PendingScreens.TooMany.class)
                    .hasMessage("2 screens are already waiting to be paired; pair them in the admin page, or wait:"
                            + " unpaired screens not seen for 72 hours are forgotten");
            assertThat(store.countPending()).isEqualTo(2);

            screens.pair(first.pairingCode(), "东侧", "plaza");
            PendingScreens recounted = new PendingScreens(store, Clock.fixed(now, ZoneOffset.UTC), 2, Duration.ofHours(72));
            assertThat(new ScreenService(store, new LocalChangeFeed(), Clock.fixed(now, ZoneOffset.UTC), recounted)
                    .register("plaza").screen().status()).as("counted afresh: the paired one left room").isEqualTo("pending");
        } finally {
            TestServer.dispose(ds);
        }
    }

    private static ScreenService service(ScreenStore store, Instant now) {
        return new ScreenService(store, new LocalChangeFeed(), Clock.fixed(now, ZoneOffset.UTC), pending(store, now));
    }

    private static PendingScreens pending(ScreenStore store, Instant now) {
        return new PendingScreens(store, Clock.fixed(now, ZoneOffset.UTC), 100, Duration.ofHours(72));
    }
}
