package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.CuttingProxy;
import org.gongkai.support.Fixtures;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen whose connection is cut in the middle of a large message (a TCP proxy between it and the server drops
 * the connection after N bytes) keeps the version of the last whole message it applied, reconnects with it, and
 * gets to the current version.
 */
class CutConnectionTest extends ServerTest {
    private static final String LONG_BODY = "本段为测试用的较长正文，模拟一份完整的公示内容。".repeat(250); // about 6,000 characters

    @Test
    void changeCutWhileCatchingUpIsRecoveredByReconnecting() throws Exception {
        publish("配对前发布 ", 1); // so that the screen holds a version above 0 and catches up with a change
        PairedScreen p = PairedScreen.pair(server, admin, "plaza");
        p.client().close();
        List<Long> missed = publish("离线期间发布 ", 10);
        try (CuttingProxy proxy = new CuttingProxy(server.app.port(), 8_000);
             ScreenClient cut = new ScreenClient(proxy.wsUrl())) {
            cut.hello(p.id(), p.secret(), p.version());
            cut.await("welcome", 5000);
            awaitCut(proxy);
            // what passed the wire is all the client can ever get: a welcome, and no whole change
            assertThat(proxy.wholeTextMessagesPassed()).as("whole messages through the cut connection")
                    .anyMatch(m -> m.contains("\"type\":\"welcome\""))
                    .noneMatch(m -> m.contains("\"type\":\"change\""));
            System.out.printf("catch-up change cut after %d bytes%n", proxy.forwarded());
        }
        // The screen applied nothing from the cut message, so it comes back with the version it had.
        assertRecovers(p, p.version(), missed);
    }

    @Test
    void liveChangeCutMidMessageIsRecoveredByReconnecting() throws Exception {
        publish("配对前发布 ", 1);
        PairedScreen p = PairedScreen.pair(server, admin, "plaza");
        p.client().close();
        long held;
        List<Long> expected = new ArrayList<>();
        try (CuttingProxy proxy = new CuttingProxy(server.app.port(), Long.MAX_VALUE);
             ScreenClient screen = new ScreenClient(proxy.wsUrl())) {
            screen.hello(p.id(), p.secret(), p.version());
            held = screen.await("change", 5000).get("version").asLong();
            assertThat(held).isEqualTo(server.contentVersion());
            proxy.cutAfter(proxy.forwarded() + 3_000);
            expected.addAll(publish("直播中被截断 ", 1));
            awaitCut(proxy);
            assertThat(proxy.wholeTextMessagesPassed()).as("whole messages through the cut connection")
                    .anyMatch(m -> m.contains("\"version\":" + held + ","))
                    .noneMatch(m -> m.contains("\"type\":\"change\"") && !m.contains("\"version\":" + held + ","));
        }
        expected.addAll(publish("断线期间发布 ", 2));
        assertRecovers(p, held, expected);
    }

    private void assertRecovers(PairedScreen p, long lastVersion, List<Long> expected) {
        long started = System.nanoTime();
        try (ScreenClient again = new ScreenClient(server.wsUrl())) {
            again.hello(p.id(), p.secret(), lastVersion);
            JsonNode change = again.await("change", 5000);
            System.out.printf("reconnected with lastVersion %d: at version %d after %d ms%n", lastVersion,
                    change.get("version").asLong(), (System.nanoTime() - started) / 1_000_000);
            assertThat(change.get("version").asLong()).isEqualTo(server.contentVersion());
            List<Long> ids = new ArrayList<>();
            change.get("items").forEach(i -> ids.add(i.get("id").asLong()));
            assertThat(ids).containsAll(expected);
            change.get("items").forEach(i -> assertThat(i.get("body").asText()).contains("本段为测试用的较长正文"));
        }
    }

    private static void awaitCut(CuttingProxy proxy) throws InterruptedException {
        for (int i = 0; i < 100 && !proxy.wasCut(); i++) Thread.sleep(50);
        assertThat(proxy.wasCut()).as("the proxy cut the connection (%d bytes passed)", proxy.forwarded()).isTrue();
    }

    private static List<Long> publish(String title, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Fixtures.create(admin, Fixtures.notice(title + i).put("body", LONG_BODY)).get("id").asLong());
        }
        return ids;
    }
}
