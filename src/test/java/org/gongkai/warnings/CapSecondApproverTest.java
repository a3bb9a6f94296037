package org.gongkai.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.Config;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With security.alertSecondApprover on, even a red warning waits; the reviewer's click is the second approval. */
class CapSecondApproverTest {
    @Test
    void everyWarningWaitsAndTheReviewersClickIssuesIt() {
        try (TestServer server = TestServer.start(false, c -> c.withSecurity(new Config.Security(c.security().sessionHours(), true)),
                TestServer.clockFrom("2026-08-01T01:30:00Z"))) {
            Http admin = server.admin();
            Fixtures.basics(admin);
            assertThat(admin.post("/api/departments", "{\"code\":\"meteorology\",\"name\":\"县气象局\"}").status()).isEqualTo(201);
            Http reviewer = server.user("cap-second", "reviewer", null);
            Http cap = new Http(server.base).withBearer(reviewer.post("/api/tokens", "{\"name\":\"t\"}").json().get("token").asText())
                    .withHeader("Content-Type", "application/cap+xml");
            JsonNode r = cap.post("/api/cap", CapMappingUnitTest.fixture("typhoon-orange.xml")).json();
            assertThat(r.get("outcome").asText()).isEqualTo("pending");
            assertThat(r.get("reason").asText()).contains("alertSecondApprover");
            Http.Response issued = reviewer.post("/api/cap/messages/" + r.get("messageId").asLong() + "/issue", "");
            assertThat(issued.status()).as(issued.body()).isEqualTo(200);
            long id = issued.json().get("itemId").asLong();
            assertThat(admin.get("/api/items/" + id).json().get("status").asText()).isEqualTo("published");
            JsonNode update = cap.post("/api/cap", CapMappingUnitTest.fixture("typhoon-red-update.xml")).json();
            assertThat(update.get("outcome").asText()).isEqualTo("pending");
            Http.Response upgraded = reviewer.post("/api/cap/messages/" + update.get("messageId").asLong() + "/issue", "");
            assertThat(upgraded.json().get("outcome").asText()).as(upgraded.body()).isEqualTo("updated");
            assertThat(upgraded.json().get("itemId").asLong()).isEqualTo(id);
        }
    }
}
