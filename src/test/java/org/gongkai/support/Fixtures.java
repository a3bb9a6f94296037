package org.gongkai.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Departments, groups and items created through the API, as staff would. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    public static void basics(Http admin) {
        assertThat(admin.post("/api/departments", "{\"code\":\"hrss\",\"name\":\"县人力资源和社会保障局\"}").status()).isEqualTo(201);
        assertThat(admin.post("/api/departments", "{\"code\":\"weather\",\"name\":\"县气象局\"}").status()).isEqualTo(201);
        assertThat(admin.post("/api/screen-groups", "{\"code\":\"plaza\",\"name\":\"人民广场大屏\",\"viewingDistanceMeters\":30}").status()).isEqualTo(201);
        assertThat(admin.post("/api/screen-groups", "{\"code\":\"hall\",\"name\":\"大厅屏\"}").status()).isEqualTo(201);
    }

    public static ObjectNode notice(String title) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "notice").put("title", title).put("summary", "摘要").put("body", "第一段。\n\n- 要点一\n- 要点二")
                .put("department", "hrss").put("category", "notices").put("status", "published");
        n.put("publishStart", OffsetDateTime.now().minusDays(1).toString());
        return n;
    }

    /** A published guide with materials, place, hours and phone. */
    public static ObjectNode guide(String title) {
        ObjectNode g = notice(title);
        g.put("kind", "guide").put("body", "本事项可在网上办理，也可到窗口办理。");
        ObjectNode d = g.putObject("guide");
        d.put("implementingBody", "示范县人力资源和社会保障局").put("applicants", "年满16周岁、未参加职工基本养老保险的城乡居民")
                .put("hours", "工作日 9:00-12:00，13:30-17:00").put("phone", "0000-5551234").put("promisedDays", 0);
        d.putArray("materials").addObject().put("name", "居民身份证").put("form", "original").put("originals", 1);
        d.withArray("materials").addObject().put("name", "户口簿").put("form", "original").put("originals", 1);
        d.putObject("place").put("hall", "县政务服务中心").put("floor", "一楼").put("window", "社保窗口");
        return g;
    }

    public static ObjectNode alert(String level) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "alert").put("title", "暴雨" + level + "色预警").put("department", "weather")
                .put("category", "emergency").put("status", "published")
                .put("publishStart", OffsetDateTime.now().minusMinutes(1).toString())
                .put("publishEnd", OffsetDateTime.now().plusHours(6).toString());
        n.putObject("alert").put("level", level).put("hazard", "rainstorm").put("area", "示范县全境").put("issuer", "县气象台");
        return n;
    }

    /**
     * Creates the item; one asked for as published (other than an alert, which a reviewer issues at once) goes the
     * way the review workflow demands: saved as submitted, and approved by a second person.
     */
    public static JsonNode create(Http author, ObjectNode item) {
        boolean publish = "published".equals(item.path("status").asText()) && !"alert".equals(item.path("kind").asText());
        ObjectNode body = item.deepCopy();
        if (publish) body.put("status", "submitted");
        Http.Response r = author.post("/api/items", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return publish ? approve(author, r.json().get("id").asLong()) : r.json();
    }

    /** Approves a submitted item or change as the test server's reviewer. */
    public static JsonNode approve(Http author, long id) {
        Http reviewer = TestServer.at(author.base()).user("reviewer", "reviewer", null);
        Http.Response r = reviewer.post("/api/items/" + id + "/approve", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
