package org.gongkai.applications;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications hold applicants' names and phone numbers: only the handling department's staff (editors and reviewers
 * of it), admins and the disclosure office (role disclosure, 公开办) read them, and every read is in the audit log.
 */
class ApplicationAccessTest extends ServerTest {
    static Http hrssEditor;
    static Http civilEditor;
    static Http viewer;
    static Http reviewerWithoutDepartment;
    static Http hrssReviewer;
    static Http office;

    @BeforeAll
    static void staff() {
        assertThat(admin.post("/api/departments", "{\"code\":\"civil-affairs\",\"name\":\"县民政局\"}").status()).isEqualTo(201);
        hrssEditor = server.user("pa-hrss-editor", "editor", "hrss");
        civilEditor = server.user("pa-civil-editor", "editor", "civil-affairs");
        viewer = server.user("pa-viewer", "viewer", null);
        reviewerWithoutDepartment = server.user("pa-reviewer", "reviewer", null);
        hrssReviewer = server.user("pa-hrss-reviewer", "reviewer", "hrss");
        Http.Response created = admin.post("/api/users", "{\"username\":\"pa-office\",\"displayName\":\"公开办 王\","
                + "\"password\":\"office-password\",\"role\":\"disclosure\"}");
        assertThat(created.status()).as("the disclosure office is a role: " + created.body()).isEqualTo(201);
        office = server.anonymous();
        assertThat(office.login("pa-office", "office-password").status()).isEqualTo(200);
    }

    static String register(Http who, String department, String applicant) {
        String dept = department == null ? "" : ",\"department\":\"" + department + "\"";
        Http.Response r = who.post("/api/applications", "{\"channel\":\"letter\",\"subject\":\"低保审批材料\",\"applicant\":\""
                + applicant + "\",\"contact\":\"13900000000\"" + dept + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asText();
    }

    static List<String> numbers(Http who) {
        Http.Response r = who.get("/api/applications?limit=1000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(a -> out.add(a.get("number").asText()));
        return out;
    }

    static long id(String number) {
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }

    /** The audit entries of one actor, newest first, as "action status target". */
    static List<String> audited(String actor) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : admin.get("/api/audit?limit=5000&q=" + actor).json()) {
            if (e.get("actor").asText().equals(actor)) out.add(e.get("action").asText() + " " + e.get("status").asInt() + " " + e.get("target").asText());
        }
        return out;
    }

    @Test
    void theHandlingDepartmentReadsItsOwnAndNoOneElsesApplications() {
        String hrss = register(admin, "hrss", "张三");
        String civil = register(office, "civil-affairs", "李四");

        assertThat(numbers(hrssEditor)).contains(hrss).doesNotContain(civil);
        assertThat(numbers(hrssReviewer)).contains(hrss).doesNotContain(civil);
        assertThat(numbers(civilEditor)).contains(civil).doesNotContain(hrss);
        JsonNode own = hrssEditor.get("/api/applications/" + hrss).json();
        assertThat(own.get("applicant").asText()).isEqualTo("张三");
        assertThat(own.get("department").asText()).isEqualTo("hrss");

        Http.Response other = hrssEditor.get("/api/applications/" + civil);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("李四").contains("civil-affairs");
        assertThat(hrssEditor.post("/api/applications/" + civil + "/status", "{\"status\":\"handling\"}").status()).isEqualTo(403);

        for (Http nobodysBusiness : List.of(viewer, reviewerWithoutDepartment)) {
            Http.Response list = nobodysBusiness.get("/api/applications");
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.body()).doesNotContain("张三").contains("personal data");
            assertThat(nobodysBusiness.get("/api/applications/" + hrss).status()).isEqualTo(403);
        }
        assertThat(numbers(office)).contains(hrss, civil);
        assertThat(numbers(admin)).contains(hrss, civil);
    }

    @Test
    void anEditorRegistersForTheirOwnDepartmentAndTheOfficeRoutesApplications() {
        String mine = register(hrssEditor, null, "王五");
        assertThat(admin.get("/api/applications/" + mine).json().get("department").asText()).isEqualTo("hrss");
        Http.Response foreign = hrssEditor.post("/api/applications", "{\"channel\":\"letter\",\"subject\":\"x\",\"applicant\":\"赵六\",\"department\":\"civil-affairs\"}");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(viewer.post("/api/applications", "{\"channel\":\"letter\",\"subject\":\"x\",\"applicant\":\"赵六\"}").status()).isEqualTo(403);
        assertThat(office.post("/api/applications", "{\"channel\":\"letter\",\"subject\":\"x\",\"applicant\":\"赵六\",\"department\":\"nope\"}")
                .json().get("field").asText()).isEqualTo("department");

        String unassigned = register(office, null, "钱七");
        assertThat(numbers(hrssEditor)).doesNotContain(unassigned);
        assertThat(hrssEditor.put("/api/applications/" + unassigned + "/department", "{\"department\":\"hrss\"}").status())
                .as("only the office and admins route applications").isEqualTo(403);
        Http.Response routed = office.put("/api/applications/" + unassigned + "/department", "{\"department\":\"hrss\"}");
        assertThat(routed.status()).as(routed.body()).isEqualTo(200);
        assertThat(routed.json().get("department").asText()).isEqualTo("hrss");
        assertThat(numbers(hrssEditor)).contains(unassigned);
        assertThat(hrssEditor.post("/api/applications/" + unassigned + "/status", "{\"status\":\"handling\"}").status()).isEqualTo(200);
        assertThat(office.put("/api/applications/" + unassigned + "/department", "{\"department\":\"nope\"}")
                .json().get("field").asText()).isEqualTo("department");
    }

    @Test
    void everyReadOfPersonalDataIsAuditedWithTheIdsRead() {
        String hrss = register(admin, "hrss", "孙八");
        String civil = register(admin, "civil-affairs", "周九");
        Http auditedEditor = server.user("pa-audited", "editor", "hrss");

        assertThat(auditedEditor.get("/api/applications?limit=1000").status()).isEqualTo(200);
        List<String> afterList = audited("pa-audited");
        assertThat(afterList).hasSize(2).last().asString().startsWith("login 200");
        String listEntry = afterList.get(0);
        assertThat(listEntry).startsWith("GET /api/applications 200 applications ");
        assertThat(ids(listEntry)).contains(id(hrss)).doesNotContain(id(civil));

        assertThat(auditedEditor.get("/api/applications/" + hrss).status()).isEqualTo(200);
        assertThat(audited("pa-audited").get(0)).isEqualTo("GET /api/applications/" + hrss + " 200 application " + id(hrss) + " " + hrss);

        assertThat(auditedEditor.get("/api/applications/" + civil).status()).isEqualTo(403);
        assertThat(audited("pa-audited").get(0)).as("a refused read is recorded too")
                .isEqualTo("GET /api/applications/" + civil + " 403 /api/applications/" + civil);

        assertThat(server.anonymous().get("/api/applications/lookup?number=" + hrss + "&code=WRONG123").status()).isEqualTo(404);
        assertThat(audited("(anonymous)")).as("the citizen's lookup shows no personal data and is not an audited read")
                .noneMatch(e -> e.contains("lookup"));
        assertThat(admin.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    /** "applications 3-5,9" → [3, 4, 5, 9] */
    static List<Long> ids(String entry) {
        List<Long> out = new ArrayList<>();
        String ranges = entry.substring(entry.lastIndexOf(' ') + 1);
        for (String part : ranges.split(",")) {
            if (part.isEmpty() || part.equals("(none)")) continue;
            String[] ends = part.split("-");
            long from = Long.parseLong(ends[0]);
            long to = ends.length > 1 ? Long.parseLong(ends[1]) : from;
            for (long i = from; i <= to; i++) out.add(i);
        }
        return out;
    }
}
