package org.gongkai.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputTest extends ServerTest {
    private static JsonNode expectError(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.has("error")).isTrue();
        assertThat(body.get("error").asText()).isNotBlank();
        return body;
    }

    @Test
    void malformedJsonIsA400() {
        expectError(admin.post("/api/items", "{\"kind\": \"notice\", "), 400);
        expectError(admin.post("/api/items", "[1,2,3]"), 400);
        expectError(admin.post("/api/items", "null"), 400);
        expectError(admin.post("/api/items", ""), 400);
        expectError(admin.post("/api/items", new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400);
        expectError(admin.post("/api/items", "[".repeat(5000) + "]".repeat(5000)), 400);
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        ObjectNode item = Fixtures.notice("类型错误");
        item.put("priority", "high");
        assertThat(expectError(admin.post("/api/items", item.toString()), 400).get("field").asText()).isEqualTo("priority");

        ObjectNode unknown = Fixtures.notice("未知字段");
        unknown.put("colour", "red");
        JsonNode body = expectError(admin.post("/api/items", unknown.toString()), 400);
        assertThat(body.get("field").asText()).isEqualTo("colour");
        assertThat(body.get("error").asText()).contains("colour");

        ObjectNode kind = Fixtures.notice("错误种类");
        kind.put("kind", "poster");
        assertThat(expectError(admin.post("/api/items", kind.toString()), 400).get("field").asText()).isEqualTo("kind");

        ObjectNode date = Fixtures.notice("错误日期");
        date.put("publishStart", "yesterday");
        JsonNode dateError = expectError(admin.post("/api/items", date.toString()), 400);
        assertThat(dateError.get("field").asText()).isEqualTo("publishStart");
        assertThat(dateError.get("error").asText()).contains("a date-time with offset");

        assertThat(expectError(admin.post("/api/items", Fixtures.notice("尾随数据") + " {}"), 400).get("error").asText())
                .contains("data after its JSON object");

        ObjectNode nested = Fixtures.notice("嵌套");
        nested.put("kind", "guide").put("category", "office-guides");
        nested.putObject("guide").put("implementingBody", "局").putArray("materials").addObject().put("name", "身份证").put("form", "original").put("copies", "two");
        assertThat(expectError(admin.post("/api/items", nested.toString()), 400).get("field").asText()).isEqualTo("guide.materials[0].copies");
    }

    /** Values that pass field checks but would not fit their column are named, never a 500. */
    @Test
    void oversizedListsAndNamesAreNamedNotA500() {
        ObjectNode tags = Fixtures.notice("标签太多");
        for (int i = 0; i < 100; i++) tags.withArray("tags").add(("标签" + i + "-").repeat(8));
        assertThat(expectError(admin.post("/api/items", tags.toString()), 400).get("field").asText()).isEqualTo("tags");

        ObjectNode days = Fixtures.notice("日期太多");
        for (int i = 0; i < 2100; i++) days.with("schedule").withArray("days").add(1 + i % 7);
        assertThat(expectError(admin.post("/api/items", days.toString()), 400).get("field").asText()).isEqualTo("schedule");

        String group = "{\"code\":\"long-name\",\"name\":\"长名称\",\"nameEn\":\"" + "x".repeat(201) + "\"}";
        assertThat(expectError(admin.post("/api/screen-groups", group), 400).get("field").asText()).isEqualTo("nameEn");
    }

    @Test
    void unknownAddressIs404AndWrongMethodIs405AsJson() {
        expectError(admin.get("/api/no-such-thing"), 404);
        expectError(admin.method("PATCH", "/api/items/1", "{}"), 405);
    }

    @Test
    void unknownCategoryDepartmentAndGroupAreRejected() {
        ObjectNode cat = Fixtures.notice("未知目录");
        cat.put("category", "no-such-category");
        JsonNode body = expectError(admin.post("/api/items", cat.toString()), 400);
        assertThat(body.get("field").asText()).isEqualTo("category");
        assertThat(body.get("error").asText()).contains("no-such-category");

        ObjectNode dept = Fixtures.notice("未知部门");
        dept.put("department", "nowhere");
        assertThat(expectError(admin.post("/api/items", dept.toString()), 400).get("field").asText()).isEqualTo("department");

        ObjectNode group = Fixtures.notice("未知屏组");
        group.putArray("targetGroups").add("moon");
        assertThat(expectError(admin.post("/api/items", group.toString()), 400).get("field").asText()).isEqualTo("targetGroups[0]");

        ObjectNode url = Fixtures.notice("坏链接");
        url.put("sourceUrl", "javascript:alert(1)");
        assertThat(expectError(admin.post("/api/items", url.toString()), 400).get("field").asText()).isEqualTo("sourceUrl");
    }

    /** Like every other error, the text itself names the field, for clients that show only the text. */
    @Test
    void aMalformedAddressOrTimeNamesTheFieldInTheErrorText() {
        ObjectNode url = Fixtures.notice("畸形链接");
        url.put("sourceUrl", "http://exa mple.org/a b");
        JsonNode body = expectError(admin.post("/api/items", url.toString()), 400);
        assertThat(body.get("field").asText()).isEqualTo("sourceUrl");
        assertThat(body.get("error").asText()).isEqualTo("sourceUrl is not a valid address");

        ObjectNode time = Fixtures.notice("不存在的时刻");
        time.putObject("schedule").putArray("hours").addObject().put("from", "25:99").put("to", "26:00");
        JsonNode timeError = expectError(admin.post("/api/items", time.toString()), 400);
        assertThat(timeError.get("field").asText()).isEqualTo("schedule.hours[0].from");
        assertThat(timeError.get("error").asText()).isEqualTo("schedule.hours[0].from must be a time HH:mm");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"title\":\"" + "长".repeat(600_000) + "\"}";
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_048_576);
        expectError(admin.post("/api/items", huge), 413);
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
    }

    @Test
    void scriptInTitleIsStoredAsTextAndServedEscaped() {
        String title = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        JsonNode created = Fixtures.create(admin, Fixtures.notice(title));
        Http.Response r = server.anonymous().get("/api/items/" + created.get("id").asLong());
        assertThat(r.json().get("title").asText()).isEqualTo(title);
        assertThat(r.body()).doesNotContain("<script>").doesNotContain("<img").contains("\\u003Cscript\\u003E");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void htmlBodiesAreSanitized() {
        ObjectNode item = Fixtures.notice("HTML正文");
        item.put("bodyFormat", "html").put("body", "<p onclick=\"x()\">第一段<script>alert(1)</script></p><ul><li>一</li><li><a href=\"javascript:x\">二</a></li></ul><iframe src=x></iframe>");
        JsonNode created = Fixtures.create(admin, item);
        String body = created.get("body").asText();
        assertThat(body).doesNotContain("script").doesNotContain("onclick").doesNotContain("iframe").doesNotContain("javascript");
        assertThat(created.get("blocks").get(0).get("text").asText()).isEqualTo("第一段");
        assertThat(created.get("blocks").get(1).get("items").get(1).asText()).isEqualTo("二");
    }

    @Test
    void writesNeedALoginAndTheCsrfToken() {
        Http anon = server.anonymous();
        expectError(anon.post("/api/items", Fixtures.notice("匿名").toString()), 401);
        expectError(anon.put("/api/items/1", Fixtures.notice("匿名").toString()), 401);
        expectError(anon.delete("/api/items/1"), 401);
        expectError(anon.post("/api/screens/pair", "{}"), 401);
        expectError(anon.get("/api/screens"), 401);

        expectError(anon.login("admin", "wrong-password"), 401);
        expectError(anon.login("nobody", "wrong-password"), 401);

        Http noCsrf = server.admin().withoutCsrf();
        JsonNode e = expectError(noCsrf.post("/api/items", Fixtures.notice("无CSRF").toString()), 403);
        assertThat(e.get("error").asText()).contains("X-CSRF-Token");
    }

    @Test
    void sessionCookieIsHttpOnlyAndApiTokensWork() {
        Http http = new Http(server.base);
        Http.Response login = http.login("admin", TestServer.ADMIN_PASSWORD);
        assertThat(login.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(login.body()).doesNotContain(TestServer.ADMIN_PASSWORD);

        String token = admin.post("/api/tokens", "{\"name\":\"发布系统对接\"}").json().get("token").asText();
        Http bearer = new Http(server.base).withBearer(token);
        assertThat(bearer.post("/api/items", Fixtures.notice("令牌提交").put("status", "submitted").toString()).status()).isEqualTo(201);
        expectError(new Http(server.base).withBearer("gk_wrong").post("/api/items", "{}"), 401);
    }

    @Test
    void unknownRoutesAndBadParametersAreJson() {
        expectError(server.anonymous().get("/api/nothing-here"), 404);
        expectError(server.anonymous().get("/api/items/abc"), 400);
        expectError(server.anonymous().get("/api/items?kind=poster"), 400);
        expectError(server.anonymous().get("/api/items/999999"), 404);
    }
}
