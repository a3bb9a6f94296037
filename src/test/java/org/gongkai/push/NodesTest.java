package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.Config;
import org.gongkai.support.Fixtures;
import org.gongkai.support.HeldContent;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database (H2 in memory here, a PostgreSQL schema with GONGKAI_TEST_POSTGRES): whatever staff do
 * on one node reaches the screens connected to the other, with NOTIFY waking the nodes and with polling alone.
 */
class NodesTest {
    private static final long WAIT = 5_000;

    abstract static class TwoNodes {
        TestServer one;
        TestServer two;
        Http adminOne;
        Http adminTwo;

        abstract UnaryOperator<Config> cluster();

        @BeforeAll
        void start() {
            one = TestServer.start(false, c -> cluster().apply(c.withCluster(new Config.Cluster("one",
                    c.cluster().notifications(), c.cluster().pollMillis()))));
            two = one.secondNode("two", cluster());
            adminOne = one.admin();
            adminTwo = two.admin();
            Fixtures.basics(adminOne);
        }

        @AfterAll
        void stop() {
            if (two != null) two.close();
            if (one != null) one.close();
        }

        @Test
        void anApprovalAWithdrawalAnAlertAndItsClearingOnOneNodeReachAScreenOnTheOther() {
            PairedScreen screen = PairedScreen.pair(two, adminTwo, "plaza");
            long notice = Fixtures.create(adminOne, Fixtures.notice("一号节点批准的通知")).get("id").asLong();
            HeldContent held = screen.held();
            held.apply(awaitChange(screen.client(), m -> contains(m.get("items"), notice)));
            assertThat(held.holds(notice)).isTrue();
            assertThat(searchFinds(two, "一号节点批准")).as("the other node's search index").isTrue();

            assertThat(adminOne.post("/api/items/" + notice + "/withdraw", "").status()).isEqualTo(200);
            held.apply(awaitChange(screen.client(), m -> contains(m.get("removed"), notice)));
            assertThat(held.holds(notice)).isFalse();

            long alert = Fixtures.create(adminOne, Fixtures.alert("red")).get("id").asLong();
            held.apply(awaitChange(screen.client(), m -> contains(m.get("alerts"), alert)));
            assertThat(held.holds(alert)).isTrue();
            assertThat(adminOne.post("/api/items/" + alert + "/clear", "").status()).isEqualTo(200);
            held.apply(awaitChange(screen.client(), m -> contains(m.get("removed"), alert)));
            assertThat(held.holds(alert)).isFalse();
            screen.client().close();
        }

        @Test
        void aScreenWaitingOnOneNodeIsPairedRegroupedAndResetFromTheOther() {
            long notice = Fixtures.create(adminOne, Fixtures.notice("大厅屏的通知")).get("id").asLong();
            PairedScreen screen = PairedScreen.pair(two, adminOne, "plaza"); // waits on two, paired on one
            assertThat(screen.held().group()).isEqualTo("plaza");

            Http.Response regroup = adminOne.put("/api/screens/" + screen.id(), "{\"group\":\"hall\"}");
            assertThat(regroup.status()).as(regroup.body()).isEqualTo(200);
            JsonNode hall = screen.client().await(m -> "snapshot".equals(m.path("type").asText())
                    && "hall".equals(m.path("group").path("code").asText()), WAIT, "the hall's snapshot");
            assertThat(new HeldContent().apply(hall).group()).isEqualTo("hall");

            Http.Response settings = adminOne.put("/api/screen-groups/hall",
                    "{\"code\":\"hall\",\"name\":\"大厅屏\",\"defaultDurationSeconds\":31,\"viewingDistanceMeters\":4}");
            assertThat(settings.status()).as(settings.body()).isEqualTo(200);
            screen.client().await(m -> "snapshot".equals(m.path("type").asText())
                    && m.path("group").path("defaultDurationSeconds").asInt() == 31, WAIT, "the new group settings");

            assertThat(adminOne.put("/api/screens/" + screen.id(), "{\"status\":\"retired\"}").status()).isEqualTo(200);
            JsonNode retired = screen.client().await(m -> "welcome".equals(m.path("type").asText())
                    && "retired".equals(m.path("status").asText()), WAIT, "the retired welcome");
            assertThat(retired.path("status").asText()).isEqualTo("retired");
            assertThat(notice).isPositive();
            screen.client().close();
        }

        @Test
        void theScreensListOfEitherNodeNamesTheNodeThatHoldsEachScreen() {
            PairedScreen onOne = PairedScreen.pair(one, adminOne, "plaza");
            PairedScreen onTwo = PairedScreen.pair(two, adminOne, "plaza");
            for (Http admin : new Http[] {adminOne, adminTwo}) {
                assertThat(admin.get("/api/screens/" + onOne.id()).json().path("node").asText()).isEqualTo("one");
                assertThat(admin.get("/api/screens/" + onTwo.id()).json().path("node").asText()).isEqualTo("two");
                assertThat(admin.get("/api/screens/" + onTwo.id()).json().path("online").asBoolean()).isTrue();
            }
            JsonNode nodes = adminTwo.get("/api/nodes").json();
            assertThat(nodes.path("self").asText()).isEqualTo("two");
            assertThat(nodes.path("nodes").findValuesAsText("id")).contains("one", "two");
            nodes.path("nodes").forEach(n -> {
                if (n.path("id").asText().equals("one") || n.path("id").asText().equals("two")) {
                    assertThat(n.path("running").asBoolean()).as(n.toString()).isTrue();
                }
            });

            onTwo.client().close();
            long until = System.currentTimeMillis() + WAIT;
            while (!adminOne.get("/api/screens/" + onTwo.id()).json().path("node").isNull()
                    && System.currentTimeMillis() < until) {
                sleep(50);
            }
            assertThat(adminOne.get("/api/screens/" + onTwo.id()).json().path("node").isNull())
                    .as("a closed screen is held by no node").isTrue();
            onOne.client().close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithNotifications extends TwoNodes {
        @Override
        UnaryOperator<Config> cluster() {
            return c -> c.withCluster(new Config.Cluster(c.cluster().nodeId(), true, 1000));
        }
    }

    /** For PostgreSQL-compatible databases without LISTEN/NOTIFY: the poll alone carries every change. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class PollingAlone extends TwoNodes {
        @Override
        UnaryOperator<Config> cluster() {
            return c -> c.withCluster(new Config.Cluster(c.cluster().nodeId(), false, 200));
        }
    }

    private static boolean searchFinds(TestServer node, String words) {
        String q = java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8);
        long until = System.currentTimeMillis() + WAIT;
        while (System.currentTimeMillis() < until) {
            if (node.anonymous().get("/api/search?q=" + q).body().contains(words)) return true;
            sleep(50);
        }
        return false;
    }

    @Test
    void aNodeIdAlreadyRunningOnAnotherMachineStopsStartUpWithOneLine() {
        try (TestServer one = TestServer.start(false, c -> c.withCluster(new Config.Cluster("copied", true, 1000)))) {
            try (var c = one.dataSource.getConnection(); var st = c.createStatement()) {
                st.executeUpdate("UPDATE nodes SET address = 'another-machine:7070' WHERE id = 'copied'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> one.secondNode("copied"))
                    .isInstanceOf(org.gongkai.config.ConfigException.class)
                    .hasMessage("cluster.nodeId 'copied' is already used by the node running at another-machine:7070;"
                            + " give each node its own cluster.nodeId");
        }
    }

    static JsonNode awaitChange(ScreenClient client, Predicate<JsonNode> match) {
        return client.await(m -> "change".equals(m.path("type").asText()) && match.test(m), WAIT, "the change");
    }

    static boolean contains(JsonNode list, long id) {
        if (list == null) return false;
        for (JsonNode e : list) {
            if ((e.isNumber() ? e.asLong() : e.path("id").asLong()) == id) return true;
        }
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
