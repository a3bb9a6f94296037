package org.gongkai.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一周一更新 counts what a department brought to the public, when a reviewer approved it: a new item, and an approved
 * change to one already published. The demo's content counts as of its own dates, not as of the day it was loaded.
 * The servers live on Wednesday 2026-11-25 from 10:00 Beijing time: week 11-23..11-30, seven days 11-19..11-26.
 */
class FreshnessByApprovalTest {
    static final String TODAY = "2026-11-25T10:00:00+08:00";

    static TestServer serverOnTheDay(boolean demo) {
        return TestServer.start(ConfigLoader.defaults().withPort(0), TestServer.freshDatabase(), demo, TestServer.clockFrom(TODAY));
    }

    static JsonNode department(Http staff, String code) {
        Http.Response r = staff.get("/api/reports/freshness");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("date").asText()).isEqualTo("2026-11-25");
        return FreshnessTest.department(r.json(), code);
    }

    /** Moves an item's approval (and first publication) back in time, as if it had been approved then. */
    static void approvedAt(TestServer server, long id, String at) throws Exception {
        try (Connection c = server.dataSource.getConnection();
             PreparedStatement items = c.prepareStatement("UPDATE items SET published_at = ?, approved_at = ? WHERE id = ?");
             PreparedStatement history = c.prepareStatement("UPDATE item_history SET at = ? WHERE item_id = ?")) {
            items.setObject(1, OffsetDateTime.parse(at));
            items.setObject(2, OffsetDateTime.parse(at));
            items.setLong(3, id);
            assertThat(items.executeUpdate()).isEqualTo(1);
            history.setObject(1, OffsetDateTime.parse(at));
            history.setLong(2, id);
            assertThat(history.executeUpdate()).isPositive();
        }
    }

    @Test
    void anApprovedChangeToAPublishedItemCountsAsThisWeeksUpdate() throws Exception {
        try (TestServer server = serverOnTheDay(false)) {
            Http admin = server.admin();
            Fixtures.basics(admin);
            JsonNode item = Fixtures.create(admin, Fixtures.notice("十月发布的办事须知"));
            long id = item.get("id").asLong();
            approvedAt(server, id, "2026-10-15T09:00:00+08:00");
            JsonNode before = department(admin, "hrss");
            assertThat(before.get("publishedThisWeek").asLong()).isZero();
            assertThat(before.get("stale").asBoolean()).isTrue();

            ObjectNode change = Fixtures.notice("十月发布的办事须知（11月修订）").put("status", "submitted")
                    .put("version", item.get("version").asInt());
            assertThat(admin.put("/api/items/" + id, change.toString()).status()).isEqualTo(200);
            Fixtures.approve(admin, id);

            JsonNode after = department(admin, "hrss");
            assertThat(after.get("publishedThisWeek").asLong()).as("the approved revision").isEqualTo(1);
            assertThat(after.get("publishedThisMonth").asLong()).isEqualTo(1);
            assertThat(after.get("stale").asBoolean()).isFalse();
            assertThat(OffsetDateTime.parse(after.get("lastPublishedAt").asText()).toLocalDate()).hasToString("2026-11-25");

            // A change saved but not approved is not an update the public saw.
            JsonNode now = admin.get("/api/items/" + id).json();
            ObjectNode draft = Fixtures.notice("还没审核的修改").put("status", "draft").put("version", now.get("version").asInt());
            assertThat(admin.put("/api/items/" + id, draft.toString()).status()).isEqualTo(200);
            assertThat(department(admin, "hrss").get("publishedThisWeek").asLong()).isEqualTo(1);
        }
    }

    @Test
    void theDemoCountsAsOfItsOwnDatesNotAsOfTheDayItWasLoaded() {
        try (TestServer server = serverOnTheDay(true)) {
            Http admin = server.admin();
            // 县财政局: its only item, the budget, is 60 days old (startDays: -60): 2026-09-26.
            JsonNode finance = department(admin, "finance");
            assertThat(finance.get("lastPublishedAt").asText()).isEqualTo("2026-09-26T00:00:00+08:00");
            assertThat(finance.get("publishedThisWeek").asLong()).isZero();
            assertThat(finance.get("publishedThisMonth").asLong()).isZero();
            assertThat(finance.get("stale").asBoolean()).isTrue();
            // 人社局: notices two, three and four days ago (Monday 11-23 this week; 11-22 and 11-21 last week), a
            // policy, two interpretations and a notice 20 to 18 days ago, and office guides without a date of their own.
            JsonNode hrss = department(admin, "hrss");
            assertThat(hrss.get("lastPublishedAt").asText()).isEqualTo("2026-11-23T00:00:00+08:00");
            assertThat(hrss.get("publishedThisWeek").asLong()).isEqualTo(1);
            assertThat(hrss.get("publishedThisMonth").asLong()).isEqualTo(7);
            assertThat(hrss.get("stale").asBoolean()).isFalse();
            // 市场监管局: only undated office guides, counted as approved 90 days before the first start.
            JsonNode office = department(admin, "market-regulation");
            assertThat(office.get("lastPublishedAt").asText()).isEqualTo("2026-08-27T00:00:00+08:00");
            assertThat(office.get("stale").asBoolean()).isTrue();

            long freshThisWeek = 0;
            for (JsonNode d : admin.get("/api/reports/freshness").json().get("departments")) {
                if (d.get("publishedThisWeek").asLong() > 0) freshThisWeek++;
            }
            assertThat(freshThisWeek).as("not every department published this week").isLessThan(3);
        }
    }
}
