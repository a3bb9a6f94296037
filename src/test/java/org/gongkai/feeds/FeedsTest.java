package org.gongkai.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.FixtureServer;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portal feeds against a real server and a local "portal" (FixtureServer on 127.0.0.1): entries become items once,
 * changes become revisions for review, removals are shown, trusted feeds publish and are audited, and hostile or
 * broken answers are recorded in plain words while the feed keeps working.
 */
class FeedsTest {
    private static final FixtureServer PORTAL = new FixtureServer();
    private static TestServer server;
    private static Http admin;

    /**
     * A server whose feed poller does not look for due feeds during a test (once an hour): every fetch is the
     * test's own, so what a fetch reports is not taken away by the poller fetching the feed a moment earlier.
     */
    static TestServer serverWithoutPolling() {
        TestServer s = TestServer.start(false, c -> c.withIntake(c.intake().withFeedCheckSeconds(3600)));
        Fixtures.basics(s.admin());
        return s;
    }

    @BeforeAll
    static void start() {
        server = serverWithoutPolling();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
        PORTAL.close();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = FeedsTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long createFeed(String path, String extra) {
        Http.Response r = admin.post("/api/feeds", "{\"name\":\"门户·通知公告\",\"url\":\"" + PORTAL.url(path)
                + "\",\"department\":\"hrss\",\"category\":\"notices\",\"targetGroups\":[\"hall\"]" + extra + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static JsonNode fetch(long feed) {
        Http.Response r = admin.post("/api/feeds/" + feed + "/fetch", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode listed(Http staff, long feed) {
        for (JsonNode f : staff.get("/api/feeds").json()) {
            if (f.get("id").asLong() == feed) return f;
        }
        throw new AssertionError("feed " + feed + " is not listed");
    }

    private static List<JsonNode> itemsFrom(long feed) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode i : admin.get("/api/items?size=100").json().path("items")) {
            if (("feed:" + feed).equals(i.path("createdBy").asText())) out.add(i);
        }
        return out;
    }

    @Test
    void aGbkPortalFeedBecomesItemsForReviewOnce() {
        PORTAL.put("/gbk/rss.xml", 200, "text/xml", fixture("portal-gbk.xml"));
        long feed = createFeed("/gbk/rss.xml", "");
        JsonNode first = fetch(feed);
        assertThat(first.get("ok").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.get("added").asInt()).isEqualTo(3);
        assertThat(first.get("skipped").asInt()).as("no title, and a javascript: link").isEqualTo(2);

        List<JsonNode> items = itemsFrom(feed);
        assertThat(items).extracting(i -> i.get("title").asText()).contains(
                "关于做好2027年度城乡居民基本医疗保险参保缴费工作的通知", "示范县2026年冬季供暖服务热线公告");
        for (JsonNode i : items) {
            assertThat(i.get("status").asText()).isEqualTo("submitted");
            assertThat(i.get("department").asText()).isEqualTo("hrss");
            assertThat(i.get("targetGroups").toString()).isEqualTo("[\"hall\"]");
        }
        JsonNode insurance = items.stream().filter(i -> i.get("title").asText().contains("医疗保险")).findFirst().orElseThrow();
        assertThat(insurance.get("sourceUrl").asText()).isEqualTo("http://www.sfx.gov.example/art/2026/11/20/art_1229_58210.html");
        assertThat(java.time.OffsetDateTime.parse(insurance.get("publishStart").asText()).toInstant())
                .as("the portal's local date, in Beijing time").isEqualTo(java.time.Instant.parse("2026-11-20T01:30:00Z"));
        String body = insurance.get("body").asText();
        assertThat(body).contains("2026年9月1日至12月31日").doesNotContain("<script", "<img", "<iframe", "onclick", "pixel.gif");
        JsonNode heating = items.stream().filter(i -> i.get("title").asText().contains("供暖")).findFirst().orElseThrow();
        assertThat(heating.get("sourceUrl").asText()).as("a relative link, resolved against the feed's address")
                .isEqualTo(PORTAL.url("/art/2026/11/18/art_1229_58177.html"));

        JsonNode again = fetch(feed);
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(itemsFrom(feed)).hasSize(3);
        assertThat(admin.get("/api/reviews").body()).contains("医疗保险参保缴费");
    }

    @Test
    void aChangedEntryIsARevisionAndARemovedOneIsShownNotWithdrawn() {
        String v1 = rss(entry("g-1", "县政务服务中心元旦假期安排", "/a/1.html", "2026-12-01 08:00:00", "1月1日休息。"),
                entry("g-2", "县图书馆冬季开放时间", "/a/2.html", "2026-12-01 09:00:00", "9:00-17:00"));
        PORTAL.put("/change/rss.xml", "application/rss+xml", v1);
        long feed = createFeed("/change/rss.xml", "");
        fetch(feed);
        JsonNode holiday = itemsFrom(feed).stream().filter(i -> i.get("title").asText().contains("元旦")).findFirst().orElseThrow();
        long id = holiday.get("id").asLong();
        Http reviewer = server.user("feed-reviewer", "reviewer", null);
        assertThat(reviewer.post("/api/items/" + id + "/approve", "").status()).as("a reviewer approves what a feed brought").isEqualTo(200);

        String v2 = rss(entry("g-1", "县政务服务中心元旦假期安排（更新）", "/a/1.html", "2026-12-01 08:00:00", "1月1日至3日休息。"));
        PORTAL.put("/change/rss.xml", "application/rss+xml", v2);
        JsonNode result = fetch(feed);
        assertThat(result.get("changed").asInt()).isEqualTo(1);
        assertThat(result.get("gone").asInt()).isEqualTo(1);

        JsonNode now = admin.get("/api/items/" + id).json();
        assertThat(now.get("status").asText()).isEqualTo("published");
        assertThat(now.get("title").asText()).as("the published version stays until the change is approved").isEqualTo("县政务服务中心元旦假期安排");
        assertThat(admin.get("/api/reviews").body()).contains("元旦假期安排（更新）");
        assertThat(reviewer.post("/api/items/" + id + "/approve", "").status()).isEqualTo(200);
        assertThat(admin.get("/api/items/" + id).json().get("title").asText()).isEqualTo("县政务服务中心元旦假期安排（更新）");

        JsonNode listed = feedOf(feed);
        assertThat(listed.get("gone").toString()).contains("县图书馆冬季开放时间");
        long libraryItem = listed.get("gone").get(0).get("itemId").asLong();
        assertThat(admin.get("/api/items/" + libraryItem).json().get("status").asText()).as("not withdrawn by itself").isEqualTo("submitted");
        assertThat(itemsFrom(feed)).as("one item per entry, never two").hasSize(2);
    }

    @Test
    void aTrustedFeedPublishesAsImportedAndTheAuditLogSaysSo() throws Exception {
        PORTAL.put("/trusted/atom.xml", 200, "application/atom+xml", fixture("portal-atom.xml"));
        long feed = createFeed("/trusted/atom.xml", ",\"trusted\":true");
        assertThat(fetch(feed).get("added").asInt()).isEqualTo(1);
        JsonNode item = itemsFrom(feed).get(0);
        assertThat(item.get("status").asText()).isEqualTo("published");
        assertThat(admin.get("/api/items/" + item.get("id").asLong() + "/history").body()).contains("\"import\"");
        assertThat(admin.get("/api/audit?q=feed:" + feed).body()).contains("import published from feed");

        // its short link leads to the entry's own page on the portal
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.base + "/s/" + item.get("shortCode").asText())).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains("http://www.sfx.gov.example/zcjd/301.html");
    }

    @Test
    void thePollerFetchesANewFeedAtItsNextLookWithoutAnyoneAsking() throws Exception {
        PORTAL.put("/polled/rss.xml", "application/rss+xml", rss(
                entry("p-1", "示范县冬季取暖补贴申领公告", "/p/1.html", "2026-11-20 08:00:00", "申领时间")));
        try (TestServer polling = TestServer.start(false, c -> c.withIntake(c.intake().withFeedCheckSeconds(1)))) {
            Http staff = polling.admin();
            Fixtures.basics(staff);
            long feed = staff.post("/api/feeds", "{\"name\":\"门户·自动\",\"url\":\"" + PORTAL.url("/polled/rss.xml")
                    + "\",\"department\":\"hrss\",\"category\":\"notices\"}").json().get("id").asLong();
            JsonNode state = listed(staff, feed);
            long deadline = System.currentTimeMillis() + 20_000;
            while (state.path("lastSuccessAt").isNull() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                state = listed(staff, feed);
            }
            assertThat(state.path("lastSuccessAt").isNull()).as(state.toString()).isFalse();
            assertThat(state.get("entriesImported").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aJsonListIsReadThroughItsFieldNames() {
        PORTAL.put("/json/list", 200, "application/json", fixture("portal-list.json"));
        long feed = createFeed("/json/list", ",\"format\":\"json\",\"jsonFields\":{\"items\":\"data.list\",\"id\":\"id\","
                + "\"title\":\"bt\",\"link\":\"url\",\"date\":\"fbrq\",\"summary\":\"zy\"}");
        JsonNode result = fetch(feed);
        assertThat(result.get("added").asInt()).as(result.toString()).isEqualTo(2);
        assertThat(itemsFrom(feed)).extracting(i -> java.time.OffsetDateTime.parse(i.get("publishStart").asText()).toInstant())
                .as("a portal date (midnight in Beijing) and Unix seconds")
                .containsExactlyInAnyOrder(java.time.Instant.parse("2026-11-18T16:00:00Z"), java.time.Instant.ofEpochSecond(1763600000));
    }

    @Test
    void encodingsAreReadAsTheyAreDeclaredOrSent() {
        String title = "关于公布2026年度县级预算的公告";
        String noProlog = rss(entry("e-1", title, "/e/1.html", "2026-11-01", "公告"))
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        PORTAL.put("/enc/header", 200, "text/xml; charset=GB18030", noProlog.getBytes(Charset.forName("GB18030")));
        long byHeader = createFeed("/enc/header", "");
        assertThat(fetch(byHeader).get("added").asInt()).isEqualTo(1);
        assertThat(itemsFrom(byHeader).get(0).get("title").asText()).isEqualTo(title);

        String declaredGb = rss(entry("e-2", title, "/e/2.html", "2026-11-01", "公告")).replace("UTF-8", "GB18030");
        PORTAL.put("/enc/declared", 200, "text/xml; charset=UTF-8", declaredGb.getBytes(Charset.forName("GB18030")));
        long byProlog = createFeed("/enc/declared", "");
        assertThat(fetch(byProlog).get("added").asInt()).as("the document's own declaration wins over a wrong header").isEqualTo(1);
        assertThat(itemsFrom(byProlog).get(0).get("title").asText()).isEqualTo(title);

        String lying = rss(entry("e-3", title, "/e/3.html", "2026-11-01", "公告")); // says UTF-8, is GBK
        PORTAL.put("/enc/lying", 200, "text/xml", lying.getBytes(Charset.forName("GBK")));
        long liar = createFeed("/enc/lying", "");
        JsonNode r = fetch(liar);
        assertThat(r.get("ok").asBoolean()).isFalse();
        assertThat(r.get("error").asText()).startsWith("invalid XML");
        assertThat(itemsFrom(liar)).as("no mojibake reaches a screen").isEmpty();
    }

    @Test
    void hostileAndBrokenAnswersAreRecordedInPlainWordsAndTheFeedRecovers() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&x;</title><link>http://a.example/1</link></item></channel></rss>";
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">");
        for (int i = 1; i <= 9; i++) bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        bomb.append("]><rss version=\"2.0\"><channel><title>&a9;</title></channel></rss>");
        String[][] cases = {
                {"/bad/xxe", xxe, "DOCTYPE is not allowed"},
                {"/bad/bomb", bomb.toString(), "DOCTYPE is not allowed"},
                {"/bad/invalid", "<rss version=\"2.0\"><channel><item></channel>", "invalid XML at line 1"},
                {"/bad/html", "<html><body>维护中</body></html>", "not a feed"},
        };
        for (String[] c : cases) {
            PORTAL.put(c[0], "text/xml", c[1]);
            long feed = createFeed(c[0], "");
            JsonNode r = fetch(feed);
            assertThat(r.get("ok").asBoolean()).as(c[0]).isFalse();
            assertThat(r.get("error").asText()).as(c[0]).contains(c[2]).doesNotContain("root:");
            assertThat(feedOf(feed).get("lastError").asText()).contains(c[2]);
        }
        long missing = createFeed("/bad/404", "");
        assertThat(fetch(missing).get("error").asText()).startsWith("HTTP 404");
        PORTAL.putEndless("/bad/huge", "application/rss+xml", 100L * 1024 * 1024);
        long huge = createFeed("/bad/huge", "");
        assertThat(fetch(huge).get("error").asText()).startsWith("too large");

        // the same feed, repaired, imports again: a failure stopped nothing
        PORTAL.put("/bad/invalid", "text/xml", rss(entry("r-1", "修复后的公告", "/r/1.html", "2026-11-30", "好了")));
        long repaired = admin.get("/api/feeds").json().findValues("id").stream().map(JsonNode::asLong)
                .filter(id -> feedOf(id).get("url").asText().endsWith("/bad/invalid")).findFirst().orElseThrow();
        JsonNode ok = fetch(repaired);
        assertThat(ok.get("ok").asBoolean()).isTrue();
        JsonNode state = feedOf(repaired);
        assertThat(state.get("lastError").isNull()).isTrue();
        assertThat(state.get("entriesImported").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/feeds/" + repaired + "/log").json()).hasSize(2);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        String[][] cases = {
                {"{\"url\":\"http://a.example/\",\"department\":\"hrss\",\"category\":\"notices\"}", "name"},
                {"{\"name\":\"x\",\"url\":\"file:///etc/passwd\",\"department\":\"hrss\",\"category\":\"notices\"}", "url"},
                {"{\"name\":\"x\",\"url\":\"http://a.example/\",\"department\":\"nope\",\"category\":\"notices\"}", "department"},
                {"{\"name\":\"x\",\"url\":\"http://a.example/\",\"department\":\"hrss\",\"category\":\"nope\"}", "category"},
                {"{\"name\":\"x\",\"url\":\"http://a.example/\",\"department\":\"hrss\",\"category\":\"notices\",\"intervalSeconds\":5}", "intervalSeconds"},
                {"{\"name\":\"x\",\"url\":\"http://a.example/\",\"department\":\"hrss\",\"category\":\"notices\",\"kind\":\"guide\"}", "kind"},
                {"{\"name\":\"x\",\"url\":\"http://a.example/\",\"department\":\"hrss\",\"category\":\"notices\",\"format\":\"json\"}", "jsonFields"},
                {"{\"name\":\"x\",\"url\":\"http://a.example/\",\"department\":\"hrss\",\"category\":\"notices\",\"targetGroups\":[\"moon\"]}", "targetGroups"},
        };
        for (String[] c : cases) {
            Http.Response r = admin.post("/api/feeds", c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(admin.post("/api/feeds/999999/fetch", "").status()).isEqualTo(404);
        assertThat(admin.delete("/api/feeds/999999").status()).isEqualTo(404);
    }

    private static JsonNode feedOf(long id) {
        for (JsonNode f : admin.get("/api/feeds").json()) if (f.get("id").asLong() == id) return f;
        throw new AssertionError("feed " + id + " not listed");
    }

    static String rss(String... entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>门户</title>"
                + "<link>http://www.sfx.gov.example/</link><description>d</description>" + String.join("", entries)
                + "</channel></rss>";
    }

    static String entry(String guid, String title, String link, String date, String description) {
        return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + guid + "</guid><pubDate>" + date
                + "</pubDate><description><![CDATA[" + description + "]]></description></item>";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
