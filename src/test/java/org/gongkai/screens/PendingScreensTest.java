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
import java.util.function.Consumer;

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

    static final Instant START = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void unpairedScreensNotSeenForTheConfiguredTimeAreForgotten() {
        onFreshDatabase(store -> {
            ScreenService then = service(store, START);
            String stale = then.register("plaza").screen().id();
            ScreenService later = service(store, START.plus(Duration.ofHours(50)));
            String recent = later.register("touch").screen().id();

            assertThat(pending(store, START.plus(Duration.ofHours(73)), 100).forgetStale()).isEqualTo(1);
            assertThat(store.find(stale)).isEmpty();
            assertThat(store.find(recent)).isPresent();
        });
    }

    @Test
    void theBoundHoldsWithoutAServerAndAPairedScreenLeavesRoom() {
        onFreshDatabase(store -> {
            store.insertGroup(new ScreenGroup("plaza", "广场", "Plaza", 15, 20.0, null, null, null));
            ScreenService screens = service(store, START, pending(store, START, 2));
            Screen first = screens.register("plaza").screen();
            screens.register("touch");
            assertThatThrownBy(() -> screens.register("plaza")).isInstanceOf(PendingScreens.TooMany.class)
                    .hasMessage("2 screens are already waiting to be paired; pair them in the admin page, or wait:"
                            + " unpaired screens not seen for 72 hours are forgotten");
            assertThat(store.countPending()).isEqualTo(2);

            screens.pair(first.pairingCode(), "东侧", "plaza");
            assertThat(service(store, START, pending(store, START, 2)).register("plaza").screen().status())
                    .as("counted afresh: the paired one left room").isEqualTo("pending");
        });
    }

    /** A migrated database of the test's own, and its store on a clock fixed at START. */
    private static void onFreshDatabase(Consumer<ScreenStore> test) {
        HikariDataSource ds = TestServer.freshDatabase();
        try {
            Database.migrate(ds);
            test.accept(new ScreenStore(Jdbi.create(ds), Duration.ofMinutes(2), Clock.fixed(START, ZoneOffset.UTC)));
        } finally {
            TestServer.dispose(ds);
        }
    }

    private static ScreenService service(ScreenStore store, Instant now) {
        return service(store, now, pending(store, now, 100));
    }

    private static ScreenService service(ScreenStore store, Instant now, PendingScreens pending) {
        return new ScreenService(store, new LocalChangeFeed(), Clock.fixed(now, ZoneOffset.UTC), pending);
    }

    private static PendingScreens pending(ScreenStore store, Instant now, int max) {
        return new PendingScreens(store, Clock.fixed(now, ZoneOffset.UTC), max, Duration.ofHours(72));
    }
}
