package org.gongkai.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.web.Csv;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write and every login attempt is in a hash-chained log that shows when a row was changed behind its back. */
class AuditTest extends ServerTest {
    static List<String> actions() {
        List<String> out = new ArrayList<>();
        admin.get("/api/audit?limit=1000").json().forEach(e -> out.add(e.get("actor").asText() + " " + e.get("action").asText()
                + " " + e.get("status").asInt()));
        return out;
    }

    @Test
    void loginsChangesAndRefusalsAreRecordedAndTheChainVerifies() {
        assertThat(server.anonymous().login("admin", "wrong password").status()).isEqualTo(401);
        long id = Fixtures.create(admin, Fixtures.notice("审计测试通知")).get("id").asLong();
        admin.post("/api/items/" + id + "/withdraw", "");
        server.anonymous().post("/api/items", "{}");
        assertThat(actions()).contains("admin login 200", "admin login failed 401", "admin POST /api/items 201",
                "admin POST /api/items/" + id + "/withdraw 200", "(anonymous) POST /api/items 401");
        JsonNode entry = admin.get("/api/audit?q=withdraw").json().get(0);
        assertThat(entry.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(entry.get("hash").asText()).hasSize(64);
        assertThat(admin.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
        assertThat(server.anonymous().get("/api/audit").status()).isEqualTo(401);
    }

    /** Behind a reverse proxy (server.trustProxy) the client's address is the forwarded one; otherwise the header is ignored. */
    @Test
    void theForwardedAddressIsRecordedOnlyWhenTheProxyIsTrusted() throws Exception {
        assertThat(failedLoginAddress(server)).as("not trusted: a forged header is ignored").isEqualTo("127.0.0.1");
        try (TestServer proxied = TestServer.start(false, c -> c.withServer(new org.gongkai.config.Config.Server(
                "127.0.0.1", 0, c.server().publicBaseUrl(), c.server().maxBodyBytes(), false, true)))) {
            assertThat(failedLoginAddress(proxied)).isEqualTo("203.0.113.7");
        }
    }

    private static String failedLoginAddress(TestServer target) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(target.base + "/api/login")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.7")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"proxied\",\"password\":\"wrong-one\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        return target.admin().get("/api/audit?q=proxied").json().get(0).get("address").asText();
    }

    /** On a server of its own: the change made here would break the other test's chain. */
    @Test
    void aRowChangedInTheDatabaseBreaksTheChainAndCsvIsSafeForSpreadsheets() throws Exception {
        try (TestServer own = TestServer.start()) {
            Http ownAdmin = own.admin();
            Fixtures.basics(ownAdmin);
            Http.Response csv = ownAdmin.get("/api/audit?format=csv");
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.body()).startsWith("\uFEFFid,at,actor,action,target,status,address,hash").contains("\"POST /api/departments\"");
            assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");

            assertThat(ownAdmin.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
            try (Connection c = own.dataSource.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE audit_log SET actor = 'someone else' WHERE id = 2");
            }
            JsonNode after = ownAdmin.get("/api/audit/verify").json();
            assertThat(after.get("ok").asBoolean()).isFalse();
            assertThat(after.get("firstBadId").asLong()).isEqualTo(2);
        }
    }
}
