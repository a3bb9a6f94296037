package org.gongkai.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Search by Chinese words and by pinyin, over the demo content, through the public API. */
class SearchTest {
    static TestServer server;
    static Http anon;
    static Http admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(true, c -> c);
        anon = server.anonymous();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode search(String q) {
        Http.Response r = anon.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> titles(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }

    @Test
    void chineseWordsFindTheItemsWithTheTitleMatchFirstAndHighlights() {
        JsonNode r = search("养老保险");
        assertThat(r.get("mode").asText()).isEqualTo("words");
        List<String> found = titles(r);
        int firstWithout = found.indexOf(found.stream().filter(t -> !t.contains("养老保险")).findFirst().orElse(null));
        List<String> titleMatches = firstWithout < 0 ? found : found.subList(0, firstWithout);
        assertThat(titleMatches).as("titles holding the words come first: %s", found)
                .contains("城乡居民养老保险参保登记").allMatch(t -> t.contains("养老保险"));
        if (firstWithout >= 0) assertThat(found.subList(firstWithout, found.size())).noneMatch(t -> t.contains("养老保险"));
        assertThat(r.get("items").get(0).get("highlights").toString()).contains("养老");
        assertThat(titles(search("低保 申请"))).contains("最低生活保障申请");
        assertThat(search("火星殖民").get("total").asInt()).isZero();
    }

    @Test
    void pinyinInitialsAndFullPinyinFindTheSameItem() {
        for (String q : List.of("ylbx", "yanglaobaoxian", "YangLao BaoXian")) {
            JsonNode r = search(q);
            assertThat(r.get("mode").asText()).as(q).isEqualTo("pinyin");
            assertThat(titles(r)).as(q).contains("城乡居民养老保险参保登记");
            JsonNode hit = r.get("items").get(titles(r).indexOf("城乡居民养老保险参保登记"));
            assertThat(hit.get("highlights").toString()).as(q).contains("养老保险");
        }
        assertThat(titles(search("gtgsh"))).contains("个体工商户设立登记");
    }

    @Test
    void onlyCurrentPublicItemsAreFoundAndChangesArriveWithoutARestart() throws Exception {
        assertThat(titles(search("学生资助"))).as("ended").doesNotContain("2026年秋季学期义务教育阶段学生资助名单公示");
        assertThat(titles(search("延时服务"))).as("not started").doesNotContain("政务服务中心元旦假期延时服务安排");

        ObjectNode fresh = Fixtures.notice("关于开展城市燃气安全检查的通告");
        fresh.put("department", "emergency").put("category", "notices");
        long id = Fixtures.create(admin, fresh).get("id").asLong();
        assertThat(waitFor("燃气安全", true)).isTrue();
        assertThat(admin.post("/api/items/" + id + "/withdraw", "").status()).isEqualTo(200);
        assertThat(waitFor("燃气安全", false)).isTrue();
    }

    @Test
    void badQueriesAreClearErrors() {
        assertThat(anon.get("/api/search").status()).isEqualTo(400);
        assertThat(anon.get("/api/search?q=%20").json().get("field").asText()).isEqualTo("q");
        assertThat(anon.get("/api/search?q=a&kind=poster").json().get("field").asText()).isEqualTo("kind");
        assertThat(anon.get("/api/search?q=" + "长".repeat(101)).status()).isEqualTo(400);
        assertThat(search("，。！").get("total").asInt()).as("only punctuation").isZero();
    }

    private static boolean waitFor(String q, boolean present) throws InterruptedException {
        for (int i = 0; i < 200; i++) { // up to 20 s: the index follows the change feed
            boolean found = titles(search(q)).contains("关于开展城市燃气安全检查的通告");
            if (found == present) return true;
            Thread.sleep(100);
        }
        return false;
    }

}
