package org.gongkai.ratings;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 好差评 from a touchscreen: anyone may rate, nothing about the person is kept, staff see the counts. */
class RatingsTest extends ServerTest {
    static Http citizen;

    @BeforeAll
    static void citizen() {
        citizen = server.anonymous();
    }

    @Test
    void aCitizenRatesAGuideAndAVisitAndStaffSeeTheCounts() throws Exception {
        long item = Fixtures.create(admin, Fixtures.notice("可评价的通知")).get("id").asLong();
        int before = admin.get("/api/ratings/summary").json().get("total").asInt(); // other tests' ratings
        String screen;
        try (var paired = PairedScreen.pair(server, admin, "hall").client()) {
            screen = admin.get("/api/screens").json().get(0).get("id").asText();
        }
        Http.Response r = citizen.post("/api/ratings", "{\"level\":2,\"reasons\":[\"unclear\",\"outdated\"],\"itemId\":" + item
                + ",\"screenId\":\"" + screen + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(citizen.post("/api/ratings", "{\"level\":5,\"context\":\"session\"}").status()).isEqualTo(201);

        JsonNode forItem = admin.get("/api/ratings/summary?itemId=" + item).json();
        assertThat(forItem.get("total").asInt()).isEqualTo(1);
        assertThat(forItem.get("levels").get("2").asInt()).isEqualTo(1);
        assertThat(forItem.get("reasons").get("unclear").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/ratings/summary").json().get("total").asInt()).isEqualTo(before + 2);
        assertThat(citizen.get("/api/ratings/summary").status()).isEqualTo(401);
        JsonNode options = citizen.get("/api/ratings/options").json();
        assertThat(options.get("levels").get(0).get("name").asText()).isEqualTo("非常满意");

        // What is stored: level, reasons, context, item, screen and time; no address, browser or session.
        List<String> columns = new ArrayList<>();
        try (var c = server.dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT * FROM ratings")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) columns.add(meta.getColumnName(i).toLowerCase());
        }
        assertThat(columns).containsExactlyInAnyOrder("id", "level", "reasons", "context", "item_id", "screen_id", "created_at");
    }

    @Test
    void badRatingsAreNamedAndForeignFormsRefused() throws Exception {
        assertThat(citizen.post("/api/ratings", "{\"level\":6}").json().get("field").asText()).isEqualTo("level");
        assertThat(citizen.post("/api/ratings", "{\"level\":3,\"reasons\":[\"rude\"]}").json().get("field").asText()).isEqualTo("reasons[0]");
        assertThat(citizen.post("/api/ratings", "{\"level\":3,\"context\":\"item\"}").json().get("field").asText()).isEqualTo("itemId");
        assertThat(citizen.post("/api/ratings", "{\"level\":3,\"itemId\":999999}").json().get("field").asText()).isEqualTo("itemId");
        assertThat(citizen.post("/api/ratings", "{\"level\":3,\"screenId\":\"nope\"}").json().get("field").asText()).isEqualTo("screenId");
        assertThat(citizen.post("/api/ratings", "{\"level\":3,\"ip\":\"1.2.3.4\"}").json().get("field").asText()).isEqualTo("ip");

        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + "/api/ratings"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"level\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(admin.get("/api/ratings/summary").json().get("levels").get("1").asInt()).isZero();
    }

    /** The trial's attack: 20 非常不满意 for one item within a second, sent at once. Only a few count. */
    @Test
    void aBurstOfRatingsForOneItemFromOneAddressIsCappedPerHour() throws Exception {
        long item = Fixtures.create(admin, Fixtures.notice("被刷差评的通知")).get("id").asLong();
        List<java.util.concurrent.Future<Http.Response>> answers = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> server.anonymous().post("/api/ratings", "{\"level\":1,\"itemId\":" + item + "}")));
            }
            int accepted = 0;
            for (var a : answers) {
                Http.Response r = a.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isIn(201, 429);
                if (r.status() == 201) {
                    accepted++;
                } else {
                    assertThat(r.json().get("field").asText()).isEqualTo("itemId");
                    assertThat(r.json().get("error").asText()).contains("this item", "this address", "hour");
                    assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 3600L);
                }
            }
            assertThat(accepted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.get("/api/ratings/summary?itemId=" + item).json().get("total").asInt()).isEqualTo(5);
        long other = Fixtures.create(admin, Fixtures.notice("另一条通知")).get("id").asLong();
        assertThat(citizen.post("/api/ratings", "{\"level\":4,\"itemId\":" + other + "}").status())
                .as("another item from the same address").isEqualTo(201);
    }

    @Test
    void aKioskSessionRatesEachItemAndItsVisitOnce() {
        long item = Fixtures.create(admin, Fixtures.notice("一次会话只评一次")).get("id").asLong();
        long other = Fixtures.create(admin, Fixtures.notice("同一会话的另一条")).get("id").asLong();
        String session = "{\"sessionId\":\"v-0123456789abcdef\",";
        assertThat(citizen.post("/api/ratings", session + "\"level\":5,\"itemId\":" + item + "}").status()).isEqualTo(201);
        Http.Response again = citizen.post("/api/ratings", session + "\"level\":1,\"itemId\":" + item + "}");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.json().get("field").asText()).isEqualTo("sessionId");
        assertThat(again.json().get("error").asText()).contains("already rated");
        assertThat(citizen.post("/api/ratings", session + "\"level\":4,\"itemId\":" + other + "}").status()).isEqualTo(201);
        assertThat(citizen.post("/api/ratings", session + "\"level\":4,\"context\":\"session\"}").status()).isEqualTo(201);
        assertThat(citizen.post("/api/ratings", session + "\"level\":1,\"context\":\"session\"}").status()).isEqualTo(429);
        assertThat(citizen.post("/api/ratings", "{\"sessionId\":\"v-fedcba9876543210\",\"level\":3,\"itemId\":" + item + "}").status())
                .as("the next visitor at the kiosk").isEqualTo(201);
        assertThat(admin.get("/api/ratings/summary?itemId=" + item).json().get("levels").get("1").asInt()).isZero();
        assertThat(citizen.post("/api/ratings", "{\"sessionId\":\"<bad>\",\"level\":3}").json().get("field").asText()).isEqualTo("sessionId");
    }
}
