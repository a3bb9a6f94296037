package org.gongkai.screens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day of a screen group, segment by segment, as the screens' own rules (Playlists) resolve it. The day is
 * Wednesday 2031-03-12 in Asia/Shanghai; the plaza group is dimmed from 22:00 to 06:00.
 */
class TimelineTest extends ServerTest {
    static final String DAY = "2031-03-12";

    @BeforeAll
    static void content() {
        assertThat(admin.put("/api/screen-groups/plaza", "{\"name\":\"人民广场大屏\",\"viewingDistanceMeters\":30,"
                + "\"nightStart\":\"22:00\",\"nightEnd\":\"06:00\"}").status()).isEqualTo(200);
        ObjectNode morning = notice("上午指引", 50, "plaza");
        morning.putObject("schedule").putArray("hours").addObject().put("from", "08:00").put("to", "12:00");
        Fixtures.create(admin, morning);
        ObjectNode afternoon = notice("下午通知", 60, "plaza").put("durationSeconds", 20)
                .put("publishStart", DAY + "T14:30:00+08:00");
        Fixtures.create(admin, afternoon);
        ObjectNode line = notice("滚动消息", 50, "plaza");
        line.putArray("tags").add("ticker");
        Fixtures.create(admin, line);
        ObjectNode thursdays = notice("周四专栏", 90, "plaza"); // its hours are change points, but not today's
        thursdays.putObject("schedule").putArray("days").add(4);
        ((ObjectNode) thursdays.get("schedule")).putArray("hours").addObject().put("from", "10:00").put("to", "11:00");
        Fixtures.create(admin, thursdays);
        Fixtures.create(admin, notice("大厅专用", 50, "hall"));
        Fixtures.create(admin, alert("blue", DAY + "T15:00:00+08:00", DAY + "T17:00:00+08:00"));
        Fixtures.create(admin, alert("orange", DAY + "T16:00:00+08:00", DAY + "T18:00:00+08:00"));
    }

    static ObjectNode notice(String title, int priority, String group) {
        ObjectNode n = Fixtures.notice(title).put("priority", priority);
        n.putArray("targetGroups").add(group);
        return n;
    }

    static ObjectNode alert(String level, String start, String end) {
        return Fixtures.alert(level).put("publishStart", start).put("publishEnd", end);
    }

    /** A segment as one line: from-to, night, alert, the rotation (title/seconds/priority) and the ticker. */
    static List<String> lines(JsonNode timeline) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : timeline.get("segments")) {
            StringBuilder b = new StringBuilder(s.get("from").asText() + "-" + s.get("to").asText());
            if (s.get("night").asBoolean()) b.append(" night");
            JsonNode a = s.get("alert");
            b.append(" alert=").append(a.isNull() ? "-" : a.get("title").asText() + "/" + a.get("level").asText());
            b.append(" items=");
            s.get("items").forEach(i -> b.append(i.get("title").asText()).append('/').append(i.get("kind").asText())
                    .append('/').append(i.get("durationSeconds").asInt()).append('/').append(i.get("priority").asInt()).append(' '));
            b.append("ticker=");
            s.get("ticker").forEach(t -> b.append(t.get("title").asText()).append(' '));
            out.add(b.toString().strip());
        }
        return out;
    }

    @Test
    void theDaySplitsAtDaypartsPublishWindowsAlertsAndNightAndMergesWhatLooksTheSame() {
        Http.Response r = admin.get("/api/screen-groups/plaza/timeline?date=" + DAY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode timeline = r.json();
        assertThat(timeline.get("group").asText()).isEqualTo("plaza");
        assertThat(timeline.get("date").asText()).isEqualTo(DAY);
        assertThat(timeline.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(lines(timeline)).containsExactly(
                "00:00-06:00 night alert=- items=ticker=滚动消息",
                "06:00-08:00 alert=- items=ticker=滚动消息",
                "08:00-12:00 alert=- items=上午指引/notice/12/50 ticker=滚动消息",
                "12:00-14:30 alert=- items=ticker=滚动消息",
                "14:30-15:00 alert=- items=下午通知/notice/20/60 ticker=滚动消息",
                "15:00-16:00 alert=暴雨blue色预警/blue items=下午通知/notice/20/60 ticker=滚动消息",
                "16:00-18:00 alert=暴雨orange色预警/orange items=下午通知/notice/20/60 ticker=滚动消息",
                "18:00-22:00 alert=- items=下午通知/notice/20/60 ticker=滚动消息",
                "22:00-24:00 night alert=- items=下午通知/notice/20/60 ticker=滚动消息");
        JsonNode first = timeline.get("segments").get(2).get("items").get(0);
        assertThat(first.get("id").isNumber()).isTrue();
        assertThat(timeline.get("segments").get(0).get("ticker").get(0).get("id").isNumber()).isTrue();
    }

    @Test
    void anotherGroupSeesOnlyWhatIsAimedAtIt() {
        assertThat(lines(admin.get("/api/screen-groups/hall/timeline?date=" + DAY).json())).containsExactly(
                "00:00-15:00 alert=- items=大厅专用/notice/12/50 ticker=",
                "15:00-16:00 alert=暴雨blue色预警/blue items=大厅专用/notice/12/50 ticker=",
                "16:00-18:00 alert=暴雨orange色预警/orange items=大厅专用/notice/12/50 ticker=",
                "18:00-24:00 alert=- items=大厅专用/notice/12/50 ticker=");
    }

    @Test
    void unknownGroupIs404BadDateIs400AndAnonymousIs401() {
        Http.Response unknown = admin.get("/api/screen-groups/nowhere/timeline?date=" + DAY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("screen group nowhere not found");
        Http.Response bad = admin.get("/api/screen-groups/plaza/timeline?date=2031-02-30");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("date");
        assertThat(server.anonymous().get("/api/screen-groups/plaza/timeline?date=" + DAY).status()).isEqualTo(401);
    }
}
