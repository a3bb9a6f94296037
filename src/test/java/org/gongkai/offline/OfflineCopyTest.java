package org.gongkai.offline;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/offline: the copy a touchscreen keeps for when the server is down, revalidated by content version. */
class OfflineCopyTest {
    static TestServer server;
    static Http admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
        Fixtures.basics(admin);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String etag) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.base + "/api/offline"));
        if (etag != null) r.header("If-None-Match", etag);
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itHoldsWhatIsPublishedWithItsPinyinKeysAndAnswers304UntilSomethingChanges() throws Exception {
        JsonNode published = Fixtures.create(admin, Fixtures.notice("养老保险缴费通知"));
        JsonNode draft = Fixtures.create(admin, Fixtures.notice("尚未发布的草稿").put("status", "draft"));
        HttpResponse<String> first = get(null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
        JsonNode copy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.body());
        assertThat(copy.get("catalogue").get("categories").size()).isGreaterThan(3);
        assertThat(copy.get("items").findValuesAsText("title")).contains("养老保险缴费通知").doesNotContain("尚未发布的草稿");
        JsonNode item = null;
        for (JsonNode i : copy.get("items")) if (i.get("id").asLong() == published.get("id").asLong()) item = i;
        assertThat(item).isNotNull();
        assertThat(item.toString()).isEqualTo(server.anonymous().get("/api/items/" + item.get("id").asLong()).json().toString());
        JsonNode keys = copy.get("pinyin").get(item.get("id").asText());
        assertThat(keys.get("ylbx").asText()).isEqualTo("养老保险");
        assertThat(keys.get("yanglaobaoxian").asText()).isEqualTo("养老保险");

        assertThat(get(etag).statusCode()).as("nothing changed").isEqualTo(304);
        assertThat(admin.post("/api/items/" + published.get("id").asLong() + "/withdraw", "").status()).isEqualTo(200);
        HttpResponse<String> after = get(etag);
        assertThat(after.statusCode()).as("a withdrawal changes the copy").isEqualTo(200);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(after.body()).doesNotContain("养老保险缴费通知");
        assertThat(draft.get("id").asLong()).isPositive();
    }
}
