package org.gongkai.screens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item reaches screens when it is approved, so the day's timeline shows it from then, not from midnight: the
 * server here lives on Monday 2026-11-23 from 08:05 (Beijing time), and items are approved at that moment.
 */
class TimelinePublishTimeTest {
    static TestServer server;
    static Http admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(ConfigLoader.defaults().withPort(0), TestServer.freshDatabase(), false,
                TestServer.clockFrom("2026-11-23T08:05:00+08:00"));
        admin = server.admin();
        Fixtures.basics(admin);
        ObjectNode undated = Fixtures.notice("今早发布的通知");
        undated.remove("publishStart");
        Fixtures.create(admin, undated);
        Fixtures.create(admin, Fixtures.notice("从零点起的通知").put("publishStart", "2026-11-23T00:00:00+08:00"));
        Fixtures.create(admin, Fixtures.notice("下午才开始的通知").put("publishStart", "2026-11-23T14:00:00+08:00"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> spans(String date) {
        Http.Response r = admin.get("/api/screen-groups/plaza/timeline?date=" + date);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("segments").findValues("from").stream().map(JsonNode::asText).toList();
    }

    static List<List<String>> titles(String date) {
        JsonNode segments = admin.get("/api/screen-groups/plaza/timeline?date=" + date).json().get("segments");
        List<List<String>> out = new java.util.ArrayList<>();
        segments.forEach(s -> out.add(s.get("items").findValuesAsText("title")));
        return out;
    }

    @Test
    void anItemApprovedAt0805IsOnTheTimelineFrom0805() {
        List<String> from = spans("2026-11-23");
        List<List<String>> titles = titles("2026-11-23");
        assertThat(from.get(0)).isEqualTo("00:00");
        assertThat(titles.get(0)).as("before anything was approved").isEmpty();
        // Each approval is its own edge, a second or so apart: 08:05:0x.
        for (int i = 1; i < from.size() - 1; i++) assertThat(from.get(i)).startsWith("08:05");
        assertThat(titles.get(1)).as("the first approval").hasSize(1);
        assertThat(titles.get(from.size() - 2)).containsExactlyInAnyOrder("今早发布的通知", "从零点起的通知");
        assertThat(from.get(from.size() - 1)).isEqualTo("14:00");
        assertThat(titles.get(from.size() - 1)).containsExactlyInAnyOrder("今早发布的通知", "从零点起的通知", "下午才开始的通知");
    }

    @Test
    void theDayBeforeItsApprovalAnItemIsNotOnTheTimelineAndTheDayAfterItIsThereFromMidnight() {
        assertThat(titles("2026-11-22")).containsExactly(List.of());
        assertThat(spans("2026-11-24")).containsExactly("00:00");
        assertThat(titles("2026-11-24").get(0)).containsExactlyInAnyOrder("今早发布的通知", "从零点起的通知", "下午才开始的通知");
    }
}
