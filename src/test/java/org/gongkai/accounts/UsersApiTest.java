package org.gongkai.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins manage staff accounts; anyone logged in changes their own password; sessions end when they should. */
class UsersApiTest extends ServerTest {
    static final String PASSWORD = "a-good-password";

    static long create(String username, String role, String department) {
        String dept = department == null ? "null" : "\"" + department + "\"";
        Http.Response r = admin.post("/api/users", "{\"username\":\"" + username + "\",\"displayName\":\"张三\",\"password\":\""
                + PASSWORD + "\",\"role\":\"" + role + "\",\"department\":" + dept + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Http login(String username, String password) {
        Http http = server.anonymous();
        assertThat(http.login(username, password).status()).isEqualTo(200);
        return http;
    }

    static void assertBad(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().path("field").asText()).isEqualTo(field);
        assertThat(r.json().path("error").asText()).isNotBlank();
    }

    @Test
    void adminCreatesAndListsUsersWithoutHashes() {
        long id = create("li.si", "editor", "hrss");
        Http.Response list = admin.get("/api/users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("password", "$2a$");
        JsonNode user = null;
        for (JsonNode u : list.json()) if (u.get("id").asLong() == id) user = u;
        assertThat(user).isNotNull();
        assertThat(user.get("username").asText()).isEqualTo("li.si");
        assertThat(user.get("displayName").asText()).isEqualTo("张三");
        assertThat(user.get("role").asText()).isEqualTo("editor");
        assertThat(user.get("department").asText()).isEqualTo("hrss");
        assertThat(user.get("disabled").asBoolean()).isFalse();
        assertThat(user.get("createdAt").asText()).isNotBlank();
        login("li.si", PASSWORD);
    }

    @Test
    void badNewUsersNameTheirField() {
        String ok = "\"displayName\":\"王五\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"";
        assertBad(admin.post("/api/users", "{\"username\":\"ab\"," + ok + "}"), 400, "username");
        assertBad(admin.post("/api/users", "{\"username\":\"has space\"," + ok + "}"), 400, "username");
        assertBad(admin.post("/api/users", "{\"username\":\"" + "x".repeat(65) + "\"," + ok + "}"), 400, "username");
        assertBad(admin.post("/api/users", "{\"username\":\"wang5\",\"displayName\":\"王五\",\"password\":\"short\",\"role\":\"viewer\"}"), 400, "password");
        assertBad(admin.post("/api/users", "{\"username\":\"wang5\",\"displayName\":\"王五\",\"password\":\"" + "长".repeat(30)
                + "\",\"role\":\"viewer\"}"), 400, "password");
        assertBad(admin.post("/api/users", "{\"username\":\"wang5\",\"displayName\":\"王五\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"boss\"}"), 400, "role");
        assertBad(admin.post("/api/users", "{\"username\":\"wang5\",\"displayName\":\"王五\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"editor\"}"), 400, "department");
        assertBad(admin.post("/api/users", "{\"username\":\"wang5\",\"displayName\":\"王五\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"editor\",\"department\":\"nope\"}"), 400, "department");
        assertBad(admin.post("/api/users", "{\"username\":\"wang5\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}"), 400, "displayName");
        assertBad(admin.post("/api/users", "{\"username\":\"wang5\"," + ok + ",\"passwordHash\":\"x\"}"), 400, "passwordHash");
        assertBad(admin.post("/api/users", "{\"username\":\"admin\"," + ok + "}"), 409, "username");
        assertBad(admin.put("/api/users/abc", "{}"), 400, "id");
        assertThat(admin.put("/api/users/999999", "{\"role\":\"viewer\"}").status()).isEqualTo(404);
        assertBad(admin.post("/api/users/1/password", "{}"), 400, "password");
    }

    @Test
    void onlyAdminsManageUsers() {
        create("viewer1", "viewer", null);
        create("reviewer1", "reviewer", null);
        Http viewer = login("viewer1", PASSWORD);
        Http reviewer = login("reviewer1", PASSWORD);
        assertThat(viewer.get("/api/users").status()).isEqualTo(403);
        assertThat(reviewer.post("/api/users", "{\"username\":\"sneaky\",\"displayName\":\"x\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"admin\"}").status()).isEqualTo(403);
        assertThat(server.anonymous().get("/api/users").status()).isEqualTo(401);
        assertThat(server.admin().withoutCsrf().post("/api/users", "{}").status()).isEqualTo(403);
    }

    @Test
    void disablingOrChangingTheRoleEndsTheUsersSessions() {
        long id = create("zhao6", "reviewer", "hrss");
        Http zhao = login("zhao6", PASSWORD);
        Http.Response edit = admin.put("/api/users/" + id, "{\"displayName\":\"赵六\"}");
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(edit.json().get("displayName").asText()).isEqualTo("赵六");
        assertThat(zhao.get("/api/me").status()).as("a name change keeps the session").isEqualTo(200);

        assertThat(admin.put("/api/users/" + id, "{\"role\":\"viewer\"}").json().get("role").asText()).isEqualTo("viewer");
        assertThat(zhao.get("/api/me").status()).isEqualTo(401);

        zhao = login("zhao6", PASSWORD);
        assertThat(admin.put("/api/users/" + id, "{\"disabled\":true}").json().get("disabled").asBoolean()).isTrue();
        assertThat(zhao.get("/api/me").status()).isEqualTo(401);
        assertThat(server.anonymous().login("zhao6", PASSWORD).status()).isEqualTo(401);

        admin.put("/api/users/" + id, "{\"disabled\":false}");
        login("zhao6", PASSWORD);
        assertBad(admin.put("/api/users/" + id, "{\"role\":\"editor\",\"department\":\"\"}"), 400, "department");
        assertBad(admin.put("/api/users/" + id, "{\"role\":\"root\"}"), 400, "role");
        assertBad(admin.put("/api/users/" + id, "{\"disabled\":\"yes\"}"), 400, "disabled");
    }

    @Test
    void anAdminCannotDisableOrDemoteThemselves() {
        long me = admin.get("/api/me").json().get("id").asLong();
        assertBad(admin.put("/api/users/" + me, "{\"disabled\":true}"), 409, "disabled");
        assertBad(admin.put("/api/users/" + me, "{\"role\":\"editor\",\"department\":\"hrss\"}"), 409, "role");
        assertThat(admin.get("/api/me").json().get("role").asText()).isEqualTo("admin");

        long other = create("admin2", "admin", null);
        Http admin2 = login("admin2", PASSWORD);
        assertThat(admin2.put("/api/users/" + me, "{\"role\":\"viewer\"}").status()).isEqualTo(200);
        assertThat(admin.get("/api/me").status()).isEqualTo(401);
        assertThat(admin2.put("/api/users/" + me, "{\"role\":\"admin\"}").status()).isEqualTo(200);
        admin = server.admin();
        assertThat(admin.put("/api/users/" + other, "{\"disabled\":true}").status()).isEqualTo(200);
    }

    @Test
    void anAdminResetsAPasswordAndTheUsersSessionsEnd() {
        long id = create("qian7", "editor", "weather");
        Http qian = login("qian7", PASSWORD);
        assertThat(admin.post("/api/users/" + id + "/password", "{\"password\":\"new-password-1\"}").status()).isEqualTo(204);
        assertThat(qian.get("/api/me").status()).isEqualTo(401);
        assertThat(server.anonymous().login("qian7", PASSWORD).status()).isEqualTo(401);
        login("qian7", "new-password-1");
        assertThat(admin.post("/api/users/999999/password", "{\"password\":\"new-password-1\"}").status()).isEqualTo(404);
    }

    @Test
    void staffChangeTheirOwnPasswordAndKeepOnlyTheCurrentSession() {
        create("sun8", "viewer", null);
        Http here = login("sun8", PASSWORD);
        Http elsewhere = login("sun8", PASSWORD);
        assertBad(here.post("/api/me/password", "{\"currentPassword\":\"wrong-password\",\"newPassword\":\"another-pass-2\"}"),
                400, "currentPassword");
        assertBad(here.post("/api/me/password", "{\"currentPassword\":\"" + "x".repeat(100) + "\",\"newPassword\":\"another-pass-2\"}"),
                400, "currentPassword");
        assertBad(here.post("/api/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}"), 400, "newPassword");
        assertBad(here.post("/api/me/password", "{\"newPassword\":\"another-pass-2\"}"), 400, "currentPassword");
        Http.Response ok = here.post("/api/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another-pass-2\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        assertThat(here.get("/api/me").status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/me").status()).isEqualTo(401);
        login("sun8", "another-pass-2");
        assertThat(server.anonymous().post("/api/me/password", "{}").status()).isEqualTo(401);
        assertThat(server.anonymous().login("sun8", "长".repeat(60)).status()).as("over bcrypt's 72 bytes").isEqualTo(401);
    }

    @Test
    void anExpiredSessionIsRefused() throws Exception {
        create("zhou9", "viewer", null);
        Http zhou = login("zhou9", PASSWORD);
        assertThat(zhou.get("/api/me").status()).isEqualTo(200);
        try (Connection c = server.dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE username = 'zhou9')")) {
            st.setObject(1, OffsetDateTime.now().minusSeconds(1));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        Http.Response r = zhou.get("/api/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("login required");
        assertThat(zhou.post("/api/me/password", "{}").status()).isEqualTo(401);
    }

    @Test
    void userChangesAreAuditedWithoutPasswords() {
        long id = create("wu10", "viewer", null);
        admin.put("/api/users/" + id, "{\"role\":\"reviewer\"}");
        admin.post("/api/users/" + id + "/password", "{\"password\":\"secret-reset-pw\"}");
        Http wu = login("wu10", "secret-reset-pw");
        wu.post("/api/me/password", "{\"currentPassword\":\"secret-reset-pw\",\"newPassword\":\"secret-own-pw\"}");
        String log = admin.get("/api/audit?limit=1000").body();
        JsonNode entries = admin.get("/api/audit?q=/api/users&limit=1000").json();
        assertThat(entries.findValuesAsText("action")).contains("POST /api/users", "PUT /api/users/" + id,
                "POST /api/users/" + id + "/password");
        assertThat(entries.findValuesAsText("target")).contains("/api/users/" + id);
        JsonNode own = admin.get("/api/audit?q=/api/me/password").json().get(0);
        assertThat(own.get("actor").asText()).isEqualTo("wu10");
        assertThat(own.get("status").asInt()).isEqualTo(204);
        assertThat(log).doesNotContain(PASSWORD, "secret-reset-pw", "secret-own-pw");
        String csv = admin.get("/api/audit?format=csv&limit=1000").body();
        assertThat(csv).doesNotContain(PASSWORD, "secret-reset-pw", "secret-own-pw");
    }
}
