package org.gongkai.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.config.Config;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewWorkflowTest extends ServerTest {
    private static Http editor(String name, String department) {
        return server.user(name, "editor", department);
    }

    private static Http reviewer(String name) {
        return server.user(name, "reviewer", null);
    }

    private static ObjectNode draft(String title) {
        return Fixtures.notice(title).put("status", "draft");
    }

    private static long id(Http.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json().get("id").asLong();
    }

    @Test
    void draftIsSubmittedApprovedByAnotherPersonAndPublished() {
        Http editor = editor("hrss-editor", "hrss");
        long id = id(editor.post("/api/items", draft("社保待遇资格认证的通知").toString()));
        Http anon = server.anonymous();
        assertThat(anon.get("/api/items/" + id).status()).isEqualTo(404);

        Http reviewer = reviewer("office-reviewer");
        assertThat(reviewer.post("/api/items/" + id + "/approve", "").status()).as("a draft is not approved").isEqualTo(409);
        assertThat(editor.post("/api/items/" + id + "/submit", "").json().get("status").asText()).isEqualTo("submitted");
        assertThat(editor.post("/api/items/" + id + "/approve", "").status()).as("editors do not approve").isEqualTo(403);
        assertThat(reviewer.get("/api/reviews").json().findValuesAsText("title")).contains("社保待遇资格认证的通知");

        JsonNode approved = reviewer.post("/api/items/" + id + "/approve", "{\"version\":2}").json();
        assertThat(approved.get("status").asText()).isEqualTo("published");
        assertThat(approved.get("review").get("approvedBy").asText()).isEqualTo("office-reviewer");
        assertThat(anon.get("/api/items/" + id).json().get("title").asText()).isEqualTo("社保待遇资格认证的通知");
        assertThat(anon.get("/api/items/" + id).json().has("review")).as("public views carry no review data").isFalse();
        JsonNode history = admin.get("/api/items/" + id + "/history").json();
        assertThat(history).extracting(h -> h.get("action").asText() + " " + h.get("actor").asText())
                .containsExactly("create hrss-editor", "submit hrss-editor", "approve office-reviewer");
    }

    @Test
    void reviewerCannotApproveTheirOwnChange() {
        Http author = reviewer("author-reviewer");
        long id = id(author.post("/api/items", Fixtures.notice("自己写的通知").put("status", "submitted").toString()));
        Http.Response own = author.post("/api/items/" + id + "/approve", "");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("error").asText()).contains("author-reviewer");
        assertThat(admin.post("/api/items/" + id + "/approve", "").json().get("status").asText()).isEqualTo("published");
    }

    @Test
    void reviewerWhoEditedAPublishedItemCannotApproveThatEdit() {
        JsonNode published = Fixtures.create(admin, Fixtures.notice("供暖时间通知"));
        long id = published.get("id").asLong();
        Http editingReviewer = reviewer("editing-reviewer");
        ObjectNode change = Fixtures.notice("供暖时间通知（延长）").put("status", "submitted")
                .put("version", published.get("version").asInt());
        assertThat(editingReviewer.put("/api/items/" + id, change.toString()).status()).isEqualTo(200);

        Http.Response own = editingReviewer.post("/api/items/" + id + "/approve", "");
        assertThat(own.status()).as("the reviewer wrote this change (revise)").isEqualTo(403);
        assertThat(own.json().get("error").asText()).contains("editing-reviewer");
        assertThat(server.anonymous().get("/api/items/" + id).json().get("title").asText()).isEqualTo("供暖时间通知");
        assertThat(reviewer("other-reviewer").post("/api/items/" + id + "/approve", "").json().get("title").asText())
                .isEqualTo("供暖时间通知（延长）");
    }

    @Test
    void reviewerWhoEditedAChangeCannotApproveItWhenSomeoneElseSubmitsIt() {
        JsonNode published = Fixtures.create(admin, Fixtures.notice("办事大厅搬迁通知"));
        long id = published.get("id").asLong();
        Http editingReviewer = reviewer("editing-reviewer2");
        ObjectNode change = Fixtures.notice("办事大厅搬迁通知（新地址）").put("status", "draft")
                .put("version", published.get("version").asInt());
        assertThat(editingReviewer.put("/api/items/" + id, change.toString()).status()).isEqualTo(200);
        Http editor = editor("hrss-submitter", "hrss");
        assertThat(editor.post("/api/items/" + id + "/submit", "").status()).isEqualTo(200);

        Http.Response own = editingReviewer.post("/api/items/" + id + "/approve", "");
        assertThat(own.status()).as("submitted by someone else, but written by this reviewer").isEqualTo(403);
        assertThat(own.json().get("error").asText()).contains("editing-reviewer2").contains("hrss-submitter");
        assertThat(reviewer("other-reviewer2").post("/api/items/" + id + "/approve", "").status()).isEqualTo(200);
    }

    @Test
    void reviewerWhoChangedADraftCannotApproveItAfterItsCreatorSubmits() {
        Http editor = editor("hrss-creator", "hrss");
        JsonNode draft = editor.post("/api/items", draft("招聘公告").toString()).json();
        long id = draft.get("id").asLong();
        Http editingReviewer = reviewer("editing-reviewer3");
        ObjectNode edit = draft("招聘公告（更正）").put("version", draft.get("version").asInt());
        assertThat(editingReviewer.put("/api/items/" + id, edit.toString()).status()).isEqualTo(200);
        assertThat(editor.post("/api/items/" + id + "/submit", "").status()).isEqualTo(200);

        assertThat(editingReviewer.post("/api/items/" + id + "/approve", "").status())
                .as("the reviewer changed the draft (update)").isEqualTo(403);
        assertThat(reviewer("other-reviewer3").post("/api/items/" + id + "/approve", "").json().get("status").asText())
                .isEqualTo("published");
    }

    @Test
    void anApprovalEndsAuthorshipSoTheNextChangeHasNewAuthors() {
        Http editor = editor("hrss-author5", "hrss");
        long id = id(editor.post("/api/items", Fixtures.notice("医保缴费通知").put("status", "submitted").toString()));
        Http first = reviewer("first-reviewer5");
        JsonNode approved = first.post("/api/items/" + id + "/approve", "").json();
        Http secondReviewer = reviewer("second-reviewer5");
        ObjectNode change = Fixtures.notice("医保缴费通知（截止日期）").put("status", "submitted")
                .put("version", approved.get("version").asInt());
        assertThat(secondReviewer.put("/api/items/" + id + "", change.toString()).status()).isEqualTo(200);
        assertThat(editor.post("/api/items/" + id + "/approve", "").status()).as("editors never approve").isEqualTo(403);
        assertThat(first.post("/api/items/" + id + "/approve", "").status())
                .as("the first reviewer did not write this change").isEqualTo(200);
    }

    @Test
    void returnedWithAReasonThenFixedAndResubmitted() {
        Http editor = editor("hrss-editor2", "hrss");
        long id = id(editor.post("/api/items", Fixtures.notice("有错别字的通知").put("status", "submitted").toString()));
        Http reviewer = reviewer("office-reviewer2");
        Http.Response noReason = reviewer.post("/api/items/" + id + "/return", "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
        JsonNode returned = reviewer.post("/api/items/" + id + "/return", "{\"reason\":\"第二段电话号码有误\"}").json();
        assertThat(returned.get("status").asText()).isEqualTo("returned");
        assertThat(returned.get("review").get("returnReason").asText()).isEqualTo("第二段电话号码有误");

        ObjectNode fixed = Fixtures.notice("已改正的通知").put("status", "submitted").put("version", returned.get("version").asInt());
        assertThat(editor.put("/api/items/" + id, fixed.toString()).json().get("status").asText()).isEqualTo("submitted");
        assertThat(reviewer.post("/api/items/" + id + "/approve", "").json().get("title").asText()).isEqualTo("已改正的通知");
        JsonNode history = admin.get("/api/items/" + id + "/history").json();
        assertThat(history.get(1).get("action").asText()).isEqualTo("return");
        assertThat(history.get(1).get("note").asText()).isEqualTo("第二段电话号码有误");
    }

    @Test
    void changeToAPublishedItemWaitsForReviewWhileTheOldVersionStaysPublic() {
        JsonNode published = Fixtures.create(admin, Fixtures.notice("停水通知"));
        long id = published.get("id").asLong();
        Http editor = editor("hrss-editor3", "hrss");
        ObjectNode change = Fixtures.notice("停水通知（时间调整）").put("status", "draft").put("version", published.get("version").asInt());
        change.put("body", "第一段。\n\n- 要点一\n- 要点三");
        JsonNode saved = editor.put("/api/items/" + id, change.toString()).json();
        assertThat(saved.get("title").asText()).isEqualTo("停水通知");
        assertThat(saved.get("review").get("pending").get("status").asText()).isEqualTo("draft");
        assertThat(saved.get("review").get("pending").get("content").get("title").asText()).isEqualTo("停水通知（时间调整）");
        assertThat(server.anonymous().get("/api/items/" + id).json().get("title").asText()).isEqualTo("停水通知");

        Http reviewer = reviewer("office-reviewer3");
        assertThat(reviewer.post("/api/items/" + id + "/approve", "").status()).as("not submitted yet").isEqualTo(409);
        editor.post("/api/items/" + id + "/submit", "");
        JsonNode approved = reviewer.post("/api/items/" + id + "/approve", "").json();
        assertThat(approved.get("title").asText()).isEqualTo("停水通知（时间调整）");
        assertThat(approved.get("review").has("pending")).isFalse();
        assertThat(server.anonymous().get("/api/items/" + id).json().get("title").asText()).isEqualTo("停水通知（时间调整）");

        JsonNode history = admin.get("/api/items/" + id + "/history").json();
        JsonNode revise = history.get(2);
        assertThat(revise.get("action").asText()).isEqualTo("revise");
        assertThat(revise.get("changes").toString()).contains("\"field\":\"title\"")
                .contains("{\"op\":\"-\",\"text\":\"停水通知\"}").contains("{\"op\":\"+\",\"text\":\"停水通知（时间调整）\"}")
                .contains("{\"op\":\"-\",\"text\":\"- 要点二\"}").contains("{\"op\":\"+\",\"text\":\"- 要点三\"}");
    }

    @Test
    void editorsNeverSeeOrChangeAnotherDepartmentsDrafts() {
        Http hrss = editor("hrss-editor4", "hrss");
        Http weather = editor("weather-editor", "weather");
        long id = id(hrss.post("/api/items", draft("人社局内部草稿").toString()));
        id(hrss.post("/api/items", Fixtures.notice("人社局待审核的通知").put("status", "submitted").toString()));
        assertThat(weather.get("/api/items/" + id).status()).isEqualTo(403);
        assertThat(weather.get("/api/items/" + id + "/history").status()).isEqualTo(403);
        assertThat(weather.put("/api/items/" + id, draft("改别人的").toString()).status()).isEqualTo(403);
        assertThat(weather.post("/api/items/" + id + "/submit", "").status()).isEqualTo(403);
        assertThat(weather.delete("/api/items/" + id).status()).isEqualTo(403);
        assertThat(weather.post("/api/items", draft("冒名人社局").toString()).status()).isEqualTo(403);
        assertThat(weather.get("/api/items?status=draft").json().findValuesAsText("title")).doesNotContain("人社局内部草稿");
        Http.Response queue = weather.get("/api/reviews");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().findValuesAsText("title")).doesNotContain("人社局内部草稿", "人社局待审核的通知");
        assertThat(hrss.get("/api/reviews").json().findValuesAsText("title")).contains("人社局待审核的通知");
        assertThat(hrss.get("/api/items?status=draft").json().findValuesAsText("title")).contains("人社局内部草稿");
        long published = Fixtures.create(admin, Fixtures.notice("人社局已发布的通知")).get("id").asLong();
        assertThat(weather.get("/api/items/" + published).status()).as("published items are public anyway").isEqualTo(200);
        assertThat(weather.get("/api/items/" + published + "/history").status()).as("history holds drafts").isEqualTo(403);
        assertThat(server.user("viewer", "viewer", null).post("/api/items", draft("只读").toString()).status()).isEqualTo(403);
    }

    @Test
    void nothingIsPublishedWithoutReviewExceptAlertsIssuedByAReviewer() {
        Http.Response direct = admin.post("/api/items", Fixtures.notice("直接发布").toString());
        assertThat(direct.status()).isEqualTo(409);
        assertThat(direct.json().get("field").asText()).isEqualTo("status");
        assertThat(editor("weather-editor2", "weather").post("/api/items", Fixtures.alert("red").toString()).status())
                .isEqualTo(403);

        JsonNode alert = reviewer("duty-reviewer").post("/api/items", Fixtures.alert("orange").toString()).json();
        assertThat(alert.get("status").asText()).isEqualTo("published");
        assertThat(alert.get("review").get("approvedBy").asText()).isEqualTo("duty-reviewer");
        long id = alert.get("id").asLong();
        assertThat(admin.post("/api/items/" + Fixtures.create(admin, Fixtures.notice("非预警")).get("id").asLong() + "/clear", "")
                .status()).isEqualTo(409);
        assertThat(admin.post("/api/items/" + id + "/clear", "").json().get("status").asText()).isEqualTo("withdrawn");
        assertThat(admin.get("/api/items/" + id + "/history").json().findValuesAsText("action")).containsExactly("issue", "clear");
        assertThat(admin.get("/api/alerts/policy").json().get("secondApprover").asBoolean()).isFalse();
    }

    @Test
    void aSecondApproverCanBeRequiredForAlerts() {
        try (TestServer strict = TestServer.start(false, c -> c.withSecurity(new Config.Security(12, true)))) {
            Http admin = strict.admin();
            Fixtures.basics(admin);
            Http.Response direct = admin.post("/api/items", Fixtures.alert("red").toString());
            assertThat(direct.status()).isEqualTo(409);
            assertThat(direct.json().get("error").asText()).contains("second approver");
            long id = admin.post("/api/items", Fixtures.alert("red").put("status", "submitted").toString()).json().get("id").asLong();
            assertThat(Fixtures.approve(admin, id).get("status").asText()).isEqualTo("published");
        }
    }
}
