package org.gongkai.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen is a reader: whatever it sends cannot create or change items, and nothing that is not published (drafts,
 * submitted or returned items, changes waiting for review, their titles) ever reaches it or leaks through it.
 */
class ScreenIsolationTest extends ServerTest {
    private static final String SECRET = "未审核机密";

    /** The next message of the type; every message on the way is kept for the final check. */
    private static JsonNode next(ScreenClient screen, String type, List<JsonNode> received) {
        for (int i = 0; i < 50; i++) {
            JsonNode m = screen.await(x -> true, 5000, type);
            received.add(m);
            if (type.equals(m.path("type").asText())) return m;
        }
        throw new AssertionError("no " + type + " among 50 messages");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aScreenCannotWriteAndNeverSeesUnpublishedContent() {
        PairedScreen paired = PairedScreen.pair(server, admin, "plaza");
        List<JsonNode> received = new ArrayList<>();
        try (ScreenClient screen = paired.client()) {
            Http editor = server.user("iso-editor", "editor", "hrss");
            ObjectNode draft = Fixtures.notice(SECRET + "草稿");
            draft.put("status", "draft");
            long draftId = Fixtures.create(editor, draft).get("id").asLong();
            ObjectNode submitted = Fixtures.notice(SECRET + "待审");
            submitted.put("status", "submitted");
            long submittedId = editor.post("/api/items", submitted.toString()).json().get("id").asLong();
            ObjectNode returned = Fixtures.notice(SECRET + "退回");
            returned.put("status", "submitted");
            long returnedId = editor.post("/api/items", returned.toString()).json().get("id").asLong();
            assertThat(admin.post("/api/items/" + returnedId + "/return", "{\"reason\":\"改\"}").status()).isEqualTo(200);
            JsonNode policy = Fixtures.create(admin, FuzzTest.policy());
            long policyId = policy.get("id").asLong();
            next(screen, "change", received);
            ObjectNode interpretation = FuzzTest.interpretation(policyId);
            interpretation.put("title", SECRET + "解读草稿");
            Fixtures.create(editor, interpretation);
            ObjectNode pending = FuzzTest.policy();
            pending.put("title", SECRET + "待审修改").put("status", "submitted").put("version", policy.get("version").asInt());
            Http.Response revise = editor.put("/api/items/" + policyId, pending.toString());
            assertThat(revise.status()).as(revise.body()).isEqualTo(200);

            long before = admin.get("/api/items?size=1").json().get("total").asLong();
            String[] attempts = {
                    "{\"type\":\"create\",\"item\":{\"kind\":\"notice\",\"title\":\"屏幕写入\"}}",
                    "{\"type\":\"item\",\"kind\":\"notice\",\"title\":\"屏幕写入\",\"status\":\"published\"}",
                    "{\"type\":\"change\",\"version\":999,\"items\":[{\"id\":" + draftId + ",\"status\":\"published\"}]}",
                    "{\"type\":\"approve\",\"id\":" + submittedId + "}",
                    "{\"type\":\"publish\",\"id\":" + draftId + "}",
                    "{\"type\":\"withdraw\",\"id\":" + policyId + "}",
                    "{\"type\":\"snapshot\",\"items\":[],\"alerts\":[]}",
                    "{\"type\":\"hello\",\"kind\":\"plaza\",\"screenId\":\"" + paired.id() + "\",\"secret\":\"" + paired.secret()
                            + "\",\"lastVersion\":0,\"status\":\"published\",\"items\":[{\"title\":\"屏幕写入\"}],\"group\":\"hall\"}",
                    "{\"type\":\"ack\",\"version\":1,\"itemId\":" + draftId + ",\"itemVersion\":1}",
                    "{\"type\":\"played\",\"batch\":\"b\",\"plays\":[{\"itemId\":" + draftId + ",\"itemVersion\":1,\"start\":\""
                            + java.time.OffsetDateTime.now() + "\",\"durationMs\":1000}]}",
            };
            for (String attempt : attempts) screen.send(attempt);
            // the hello in the list asked for a fresh snapshot: it holds only published items of the screen's own group
            JsonNode snapshot = next(screen, "snapshot", received);
            assertThat(snapshot.path("group").path("code").asText()).isEqualTo("plaza");
            Fixtures.create(admin, Fixtures.notice("公开通知"));
            next(screen, "change", received);

            assertThat(admin.get("/api/items?size=1").json().get("total").asLong()).as("no item was created but the one staff published")
                    .isEqualTo(before + 1);
            for (long id : new long[]{draftId, submittedId, returnedId}) {
                assertThat(admin.get("/api/items/" + id).json().get("status").asText()).isNotEqualTo("published");
            }
            JsonNode policyNow = admin.get("/api/items/" + policyId).json();
            assertThat(policyNow.get("title").asText()).doesNotContain(SECRET);
            assertThat(policyNow.get("version").asInt()).isEqualTo(policy.get("version").asInt());
            assertThat(admin.get("/api/screens/" + paired.id()).json().get("group").asText()).isEqualTo("plaza");

            // The screen's own report of what it shows (acks are stored once a second) must not turn into a way to
            // read a draft's title.
            long deadline = System.currentTimeMillis() + 20_000;
            while (admin.get("/api/screens/" + paired.id()).json().path("currentItemId").asLong() != draftId) {
                assertThat(System.currentTimeMillis()).as("the ack was stored").isLessThan(deadline);
                sleep(100);
            }
            Http otherEditor = server.user("iso-weather", "editor", "weather");
            for (Http reader : List.of(otherEditor, server.user("iso-viewer", "viewer", null))) {
                assertThat(reader.get("/api/screens").body()).doesNotContain(SECRET);
                assertThat(reader.get("/api/screens/" + paired.id()).body()).doesNotContain(SECRET);
            }
            while (true) {
                try {
                    received.add(screen.await(m -> true, 300, "anything"));
                } catch (AssertionError drained) {
                    break;
                }
            }
        }
        for (JsonNode m : received) {
            assertThat(m.toString()).as("a message to the screen").doesNotContain(SECRET).doesNotContain("屏幕写入")
                    .doesNotContain("\"review\"").doesNotContain("createdBy");
        }
        ScreenClient fresh = new ScreenClient(server.wsUrl());
        try (fresh) {
            fresh.hello(paired.id(), paired.secret(), 0L);
            JsonNode snapshot = fresh.await("snapshot", 5000);
            assertThat(snapshot.toString()).doesNotContain(SECRET);
            for (JsonNode item : snapshot.get("items")) assertThat(item.get("status").asText()).isEqualTo("published");
        }
    }
}
