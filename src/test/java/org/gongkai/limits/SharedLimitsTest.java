package org.gongkai.limits;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.Config;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database behind a trusted proxy: a client that alternates between them gets no more tries than
 * one that stays, for logins, application lookups and ratings.
 */
class SharedLimitsTest {
    private static TestServer one;
    private static TestServer two;

    @BeforeAll
    static void start() {
        one = TestServer.start(false, c -> c.withServer(new Config.Server("127.0.0.1", 0, c.server().publicBaseUrl(),
                c.server().maxBodyBytes(), false, true)).withCluster(new Config.Cluster("one", true, 1000)));
        two = one.secondNode("two");
        Fixtures.basics(one.admin());
    }

    @AfterAll
    static void stop() {
        two.close();
        one.close();
    }

    private static Http from(TestServer node, String address) {
        return node.anonymous().withHeader("X-Forwarded-For", address);
    }

    @Test
    void fiveWrongPasswordsSpreadOverTwoNodesCloseTheNameOnBoth() {
        one.user("clerk", "editor", "hrss");
        for (int i = 0; i < 5; i++) {
            TestServer node = i % 2 == 0 ? one : two;
            assertThat(from(node, "198.51.100.20").login("clerk", "guess " + i).status()).as("guess " + (i + 1)).isEqualTo(401);
        }
        for (TestServer node : new TestServer[] {one, two}) {
            Http.Response locked = from(node, "198.51.100.21").login("clerk", TestServer.USER_PASSWORD);
            assertThat(locked.status()).as("the right password on node " + node.base).isEqualTo(429);
        }
    }

    @Test
    void wrongCheckCodesSpreadOverTwoNodesSlowTheAddressOnBoth() {
        Http.Response created = one.admin().post("/api/applications", "{\"channel\":\"in_person\",\"subject\":\"跨节点查询\","
                + "\"applicant\":\"李四\",\"contact\":\"13800000001\",\"receivedOn\":\"" + LocalDate.now().minusDays(1) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.json().get("number").asText();
        String code = created.json().get("checkCode").asText();
        for (int i = 0; i < 5; i++) {
            TestServer node = i % 2 == 0 ? two : one;
            assertThat(from(node, "198.51.100.30").get(lookup(number, "WRONG00" + i)).status()).isEqualTo(404);
        }
        for (TestServer node : new TestServer[] {one, two}) {
            assertThat(from(node, "198.51.100.30").get(lookup(number, code)).status()).as(node.base).isEqualTo(429);
        }
        assertThat(from(two, "198.51.100.31").get(lookup(number, code)).status()).as("another address").isEqualTo(200);
    }

    @Test
    void aKioskSessionThatRatedOnOneNodeCannotRateTheSameItemOnTheOther() {
        long item = Fixtures.create(one.admin(), Fixtures.notice("跨节点评价")).get("id").asLong();
        String body = "{\"sessionId\":\"v-00112233445566aa\",\"level\":5,\"itemId\":" + item + "}";
        assertThat(from(one, "198.51.100.40").post("/api/ratings", body).status()).isEqualTo(201);
        Http.Response again = from(two, "198.51.100.40").post("/api/ratings", body);
        assertThat(again.status()).as(again.body()).isEqualTo(429);
        JsonNode summary = one.admin().get("/api/ratings/summary?itemId=" + item).json();
        assertThat(summary.get("total").asInt()).isEqualTo(1);
    }

    private static String lookup(String number, String code) {
        return "/api/applications/lookup?number=" + number + "&code=" + code;
    }
}
