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
        assertThat(admin.get("/api/ratings/summary").json().get("total").asInt()).isEqualTo(2);
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
}
