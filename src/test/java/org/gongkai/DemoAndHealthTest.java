package org.gongkai;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo set loads through the API's own validation and has what the issue promises. */
class DemoAndHealthTest {
    static TestServer server;
    static Http admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(true, c -> c);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthReportsTheDatabase() {
        JsonNode health = server.anonymous().get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("database").get("state").asText()).isEqualTo("up");
        assertThat(health.get("database").get("product").asText()).isEqualTo(TestServer.onPostgres() ? "PostgreSQL" : "H2");
        assertThat(health.get("push").get("screensConnected").asInt()).isZero();
        assertThat(health.get("memory").get("heapMaxBytes").asLong()).isPositive();
    }

    @Test
    void demoHasEveryKindWithTheirFieldsAnExpiredAndAFutureItem() {
        List<JsonNode> items = new ArrayList<>();
        admin.get("/api/items?size=100").json().get("items").forEach(items::add);
        assertThat(items.stream().map(i -> i.get("kind").asText()).distinct())
                .contains("notice", "guide", "policy", "interpretation", "alert");
        OffsetDateTime now = OffsetDateTime.now();
        assertThat(items).anySatisfy(i -> assertThat(OffsetDateTime.parse(i.get("publishEnd").asText())).isBefore(now));
        assertThat(items).anySatisfy(i -> assertThat(OffsetDateTime.parse(i.get("publishStart").asText())).isAfter(now));
        JsonNode guide = items.stream().filter(i -> i.get("kind").asText().equals("guide")).findFirst().orElseThrow().get("guide");
        assertThat(guide.get("materials").size()).isGreaterThan(1);
        assertThat(guide.get("steps").size()).isGreaterThan(1);
        assertThat(guide.get("place").get("window").asText()).isNotBlank();
        assertThat(guide.get("legalBasis").size()).isPositive();
        assertThat(items).anySatisfy(i -> assertThat(i.get("kind").asText()).isEqualTo("policy"))
                .filteredOn(i -> i.get("kind").asText().equals("policy"))
                .allSatisfy(p -> assertThat(p.get("related").size()).isPositive());
        assertThat(admin.get("/api/departments").json().size()).isGreaterThanOrEqualTo(5);
        assertThat(admin.get("/api/screen-groups").json().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void pagesAreServedWithAStrictPolicy() {
        Http anon = server.anonymous();
        for (String page : List.of("/plaza", "/touch", "/admin", "/m/items/1")) {
            Http.Response r = anon.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            boolean previewed = page.equals("/plaza") || page.equals("/touch"); // framed by the admin page's preview only
            assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'")
                    .contains(previewed ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
            assertThat(r.header("X-Frame-Options")).isEqualTo(previewed ? "SAMEORIGIN" : "DENY");
            assertThat(r.body()).doesNotContainPattern("<script>(?!</script>)").doesNotContain("http://").doesNotContain("https://");
        }
        assertThat(anon.get("/kiosk/../config/gongkai.yaml").status()).isIn(400, 404);
    }
}
