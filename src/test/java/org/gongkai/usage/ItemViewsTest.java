package org.gongkai.usage;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Item views counted per touchscreen, written in batches, and the screen's most opened guides from them. */
class ItemViewsTest extends ServerTest {
    static Http citizen;
    static ScreenClient screenClient;
    static String screen;

    @BeforeAll
    static void pairScreen() throws Exception {
        citizen = server.anonymous();
        PairedScreen paired = PairedScreen.pair(server, admin, "hall");
        screenClient = paired.client();
        screen = paired.id();
    }

    @AfterAll
    static void closeScreen() {
        screenClient.close();
    }

    @Test
    void theGuidesMostOpenedAtAScreenComeFirstAndOnlyWhileTheyArePublished() throws Exception {
        long seldom = Fixtures.create(admin, Fixtures.guide("很少打开的指南")).get("id").asLong();
        long often = Fixtures.create(admin, Fixtures.guide("常打开的指南")).get("id").asLong();
        long notice = Fixtures.create(admin, Fixtures.notice("常打开的通知")).get("id").asLong();
        view(seldom, 1);
        view(often, 3);
        view(notice, 5);

        JsonNode guides = popularWhen("/api/usage/popular?kind=guide&screen=" + screen, a -> a.get("items").size() == 2);
        assertThat(ids(guides)).containsExactly(often, seldom);
        assertThat(guides.get("items").get(0).get("title").asText()).isEqualTo("常打开的指南");
        assertThat(guides.get("items").get(0).get("links")).as("with its QR code for the attract loop").isNotNull();
        assertThat(ids(citizen.get("/api/usage/popular?limit=1&screen=" + screen).json())).containsExactly(notice);

        assertThat(admin.post("/api/items/" + often + "/withdraw", "").status()).isEqualTo(200);
        assertThat(ids(citizen.get("/api/usage/popular?kind=guide&screen=" + screen).json()))
                .as("a withdrawn guide is no longer offered").containsExactly(seldom);
    }

    @Test
    void theCountsAreStoredPerItemScreenAndDayWithNothingOfThePerson() throws Exception {
        long guide = Fixtures.create(admin, Fixtures.guide("计数的指南")).get("id").asLong();
        view(guide, 4);
        popularWhen("/api/usage/popular?kind=guide&limit=10&screen=" + screen, a -> ids(a).contains(guide));
        List<String> columns = new ArrayList<>();
        long views;
        try (var c = server.dataSource.getConnection()) {
            try (var rs = c.createStatement().executeQuery("SELECT * FROM item_views")) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) columns.add(rs.getMetaData().getColumnName(i).toLowerCase());
            }
            try (var rs = c.createStatement().executeQuery("SELECT SUM(views) FROM item_views WHERE item_id = " + guide)) {
                rs.next();
                views = rs.getLong(1);
            }
        }
        assertThat(columns).containsExactlyInAnyOrder("item_id", "screen_id", "view_day", "views");
        assertThat(views).isEqualTo(4);
        List<String> audited = new ArrayList<>();
        admin.get("/api/audit?limit=1000").json().forEach(e -> audited.add(e.get("action").asText()));
        assertThat(audited).as("a view is no staff action: it is not in the audit chain").noneMatch(a -> a.contains("/api/usage"));
        assertThat(audited).as("the audit list is read").isNotEmpty();
    }

    @Test
    void badViewsAndQuestionsAreNamed() throws Exception {
        long draft = Fixtures.create(admin, Fixtures.notice("草稿").put("status", "draft")).get("id").asLong();
        long published = Fixtures.create(admin, Fixtures.notice("已发布")).get("id").asLong();
        assertField(citizen.post("/api/usage/views", "{\"screenId\":\"" + screen + "\"}"), 400, "itemId");
        assertField(citizen.post("/api/usage/views", "{\"itemId\":" + draft + ",\"screenId\":\"" + screen + "\"}"), 400, "itemId");
        assertField(citizen.post("/api/usage/views", "{\"itemId\":" + published + "}"), 400, "screenId");
        assertField(citizen.post("/api/usage/views", "{\"itemId\":" + published + ",\"screenId\":\"nope\"}"), 400, "screenId");
        assertField(citizen.post("/api/usage/views", "{\"itemId\":\"x\",\"screenId\":\"" + screen + "\"}"), 400, "itemId");
        assertField(citizen.get("/api/usage/popular"), 400, "screen");
        assertField(citizen.get("/api/usage/popular?screen=" + screen + "&kind=poster"), 400, "kind");
        assertField(citizen.get("/api/usage/popular?screen=" + screen + "&limit=11"), 400, "limit");

        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + "/api/usage/views"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "itemId=" + published + "&screenId=" + screen)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as("a form from another site counts nothing").isEqualTo(415);
    }

    private static void view(long item, int times) {
        for (int i = 0; i < times; i++) {
            Http.Response r = citizen.post("/api/usage/views", "{\"itemId\":" + item + ",\"screenId\":\"" + screen + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(204);
        }
    }

    /** The answer once it satisfies {@code ready}: views are written in batches every few seconds. */
    private static JsonNode popularWhen(String path, Predicate<JsonNode> ready) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        JsonNode answer = citizen.get(path).json();
        while (!ready.test(answer) && System.nanoTime() < end) {
            Thread.sleep(200);
            answer = citizen.get(path).json();
        }
        assertThat(ready.test(answer)).as("written within 20 s: " + answer).isTrue();
        return answer;
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static void assertField(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
    }
}
