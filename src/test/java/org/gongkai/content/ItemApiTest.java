package org.gongkai.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ItemApiTest extends ServerTest {
    @Test
    void noticeRoundTripsWithBodyBlocksShortLinkAndHistory() {
        JsonNode created = Fixtures.create(admin, Fixtures.notice("关于城乡居民养老保险缴费的通告"));
        long id = created.get("id").asLong();
        assertThat(created.get("version").asInt()).as("created submitted, then approved").isEqualTo(2);
        assertThat(created.get("shortCode").asText()).matches("[0-9A-Z]{6}");
        assertThat(created.get("shortUrl").asText()).isEqualTo("http://localhost:7070/s/" + created.get("shortCode").asText());
        assertThat(created.get("departmentName").asText()).isEqualTo("县人力资源和社会保障局");
        assertThat(created.get("blocks").get(0).get("text").asText()).isEqualTo("第一段。");
        assertThat(created.get("blocks").get(1).get("type").asText()).isEqualTo("ul");
        assertThat(created.get("blocks").get(1).get("items")).hasSize(2);

        JsonNode fetched = server.anonymous().get("/api/items/" + id).json();
        assertThat(fetched.get("title").asText()).isEqualTo("关于城乡居民养老保险缴费的通告");

        ObjectNode edit = Fixtures.notice("关于城乡居民养老保险缴费的通告（更正）");
        edit.put("status", "submitted").put("version", 2);
        Http.Response updated = admin.put("/api/items/" + id, edit.toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Fixtures.approve(admin, id);
        JsonNode corrected = server.anonymous().get("/api/items/" + id).json();
        assertThat(corrected.get("version").asInt()).isEqualTo(3);
        assertThat(corrected.get("title").asText()).endsWith("（更正）");
        assertThat(corrected.get("shortCode").asText()).as("short link survives edits").isEqualTo(created.get("shortCode").asText());

        Http.Response stale = admin.put("/api/items/" + id, edit.toString());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("field").asText()).isEqualTo("version");

        JsonNode history = admin.get("/api/items/" + id + "/history").json();
        assertThat(history).extracting(h -> h.get("action").asText()).containsExactly("create", "approve", "revise", "approve");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("reviewer");
    }

    @Test
    void guideKeepsAllStructuredFields() {
        ObjectNode guide = Fixtures.notice("城乡居民基本养老保险参保登记");
        guide.put("kind", "guide").put("category", "office-guides");
        ObjectNode g = guide.putObject("guide");
        g.put("implementingBody", "县人力资源和社会保障局").put("applicants", "年满16周岁的城乡居民")
                .put("statutoryDays", 20).put("promisedDays", 5).put("visits", 1).put("hours", "周一至周五 9:00-17:00")
                .put("phone", "0000-1234567").put("complaintsPhone", "12345");
        g.putArray("conditions").add("具有本县户籍");
        g.putArray("materials").addObject().put("name", "居民身份证").put("form", "original").put("originals", 1).put("copies", 1).put("format", "paper");
        g.putArray("steps").addObject().put("name", "申请").put("description", "到窗口提交材料");
        g.putArray("fees");
        g.putObject("place").put("hall", "县政务服务中心").put("floor", "二楼").put("window", "12号窗口");
        g.putArray("legalBasis").add("《中华人民共和国社会保险法》");
        JsonNode created = Fixtures.create(admin, guide);
        JsonNode fetched = admin.get("/api/items/" + created.get("id").asLong()).json().get("guide");
        assertThat(fetched.get("materials").get(0).get("copies").asInt()).isEqualTo(1);
        assertThat(fetched.get("place").get("window").asText()).isEqualTo("12号窗口");
        assertThat(fetched.get("promisedDays").asInt()).isEqualTo(5);
        assertThat(fetched.get("legalBasis").get(0).asText()).contains("社会保险法");
    }

    @Test
    void policyAndInterpretationAreLinkedBothWays() {
        ObjectNode policy = Fixtures.notice("关于进一步做好稳就业工作的若干措施");
        policy.put("kind", "policy").put("category", "policy-documents");
        policy.putObject("policy").put("issuingBody", "示范县人民政府办公室").put("documentNumber", "示政办发〔2026〕12号")
                .put("writtenDate", "2026-10-20").put("publishedDate", "2026-10-23");
        long policyId = Fixtures.create(admin, policy).get("id").asLong();

        ObjectNode interp = Fixtures.notice("一图读懂稳就业若干措施");
        interp.put("kind", "interpretation").put("category", "interpretations");
        interp.putObject("interpretation").put("policyId", policyId).put("form", "graphic");
        long interpId = Fixtures.create(admin, interp).get("id").asLong();

        JsonNode p = server.anonymous().get("/api/items/" + policyId).json();
        assertThat(p.get("related").get(0).get("id").asLong()).isEqualTo(interpId);
        assertThat(p.get("related").get(0).get("form").asText()).isEqualTo("graphic");
        JsonNode i = server.anonymous().get("/api/items/" + interpId).json();
        assertThat(i.get("related").get(0).get("id").asLong()).isEqualTo(policyId);

        ObjectNode orphan = interp.deepCopy();
        ((ObjectNode) orphan.get("interpretation")).put("policyId", interpId);
        Http.Response bad = admin.post("/api/items", orphan.toString());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("interpretation.policyId");
    }

    @Test
    void draftsAreHiddenFromThePublicAndListsFilter() {
        ObjectNode draft = Fixtures.notice("内部草稿 不公开");
        draft.put("status", "draft");
        long draftId = Fixtures.create(admin, draft).get("id").asLong();
        Fixtures.create(admin, Fixtures.notice("公开通知 停水"));

        Http anon = server.anonymous();
        assertThat(anon.get("/api/items/" + draftId).status()).isEqualTo(404);
        assertThat(anon.get("/api/items?status=draft").status()).isEqualTo(401);
        Http.Response publicResponse = anon.get("/api/items?q=草稿");
        assertThat(publicResponse.status()).as(publicResponse.body()).isEqualTo(200);
        JsonNode publicList = publicResponse.json();
        assertThat(publicList.get("total").asLong()).isZero();
        JsonNode staffList = admin.get("/api/items?q=草稿&status=draft").json();
        assertThat(staffList.get("total").asLong()).isEqualTo(1);
        JsonNode byQuery = anon.get("/api/items?q=停水&kind=notice&department=hrss&size=5").json();
        assertThat(byQuery.get("items").get(0).get("title").asText()).isEqualTo("公开通知 停水");
        assertThat(byQuery.get("size").asInt()).isEqualTo(5);
        assertThat(anon.get("/api/items?q=100%25_").json().get("total").asLong()).as("LIKE metacharacters are literal").isZero();
        assertThat(anon.get("/api/items?size=1000").status()).isEqualTo(400);
    }

    @Test
    void futureItemsStayPrivateUntilTheyStartAndPublicViewsNameNoStaff() {
        ObjectNode future = Fixtures.notice("下周生效的通知");
        future.put("publishStart", java.time.OffsetDateTime.now().plusDays(7).toString());
        JsonNode created = Fixtures.create(admin, future);
        Http anon = server.anonymous();
        assertThat(anon.get("/api/items/" + created.get("id").asLong()).status()).isEqualTo(404);
        assertThat(anon.get("/s/" + created.get("shortCode").asText()).status()).isEqualTo(404);
        assertThat(admin.get("/api/items/" + created.get("id").asLong()).json().get("createdBy").asText()).isEqualTo("admin");

        long now = Fixtures.create(admin, Fixtures.notice("已生效的通知")).get("id").asLong();
        JsonNode publicView = anon.get("/api/items/" + now).json();
        assertThat(publicView.get("title").asText()).isEqualTo("已生效的通知");
        assertThat(publicView.has("createdBy")).isFalse();
        assertThat(publicView.has("updatedBy")).isFalse();
    }

    @Test
    void publishedItemsAreWithdrawnNotDeletedAndDraftsCanBeDeleted() {
        long published = Fixtures.create(admin, Fixtures.notice("将被撤回的通知")).get("id").asLong();
        assertThat(admin.delete("/api/items/" + published).status()).isEqualTo(409);
        Http.Response withdrawn = admin.post("/api/items/" + published + "/withdraw", "");
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("withdrawn");
        assertThat(server.anonymous().get("/api/items/" + published).status()).isEqualTo(404);

        ObjectNode draft = Fixtures.notice("可删除的草稿");
        draft.put("status", "draft");
        long draftId = Fixtures.create(admin, draft).get("id").asLong();
        assertThat(admin.delete("/api/items/" + draftId).status()).isEqualTo(204);
        assertThat(admin.get("/api/items/" + draftId).status()).isEqualTo(404);
    }

    @Test
    void catalogueDepartmentsAndGroupsAreReadable() {
        Http anon = server.anonymous();
        JsonNode catalogue = anon.get("/api/categories").json();
        assertThat(catalogue.get("categories").findValuesAsText("name")).contains("公示公告", "办事指南", "政策解读");
        assertThat(catalogue.get("lifeEvents").findValuesAsText("name")).contains("出生", "养老", "身后");
        assertThat(catalogue.get("enterpriseStages").findValuesAsText("name")).contains("准入准营", "注销退出");
        assertThat(anon.get("/api/departments").json().findValuesAsText("code")).contains("hrss");
        assertThat(anon.get("/api/screen-groups").json().findValuesAsText("code")).contains("plaza", "hall");
        assertThat(admin.post("/api/departments", "{\"code\":\"hrss\",\"name\":\"重复\"}").status()).isEqualTo(409);
    }

    @Test
    void alertNeedsAnExpiry() {
        ObjectNode alert = Fixtures.alert("red");
        alert.remove("publishEnd");
        Http.Response r = admin.post("/api/items", alert.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("publishEnd");
        ObjectNode window = Fixtures.notice("窗口颠倒");
        window.put("publishEnd", OffsetDateTime.now().minusDays(3).toString());
        assertThat(admin.post("/api/items", window.toString()).json().get("field").asText()).isEqualTo("publishEnd");
    }
}
