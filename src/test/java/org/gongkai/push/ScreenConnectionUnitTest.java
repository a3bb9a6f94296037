package org.gongkai.push;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection's own send queue, on a stand-in for Jetty's session that keeps every send unfinished until the test
 * finishes it: the queue holds at most its limit, a send past it closes the connection with 1013, and a message
 * written or failed frees its place.
 */
class ScreenConnectionUnitTest {

    /** Records what the connection asks of its session; sends stay pending until completed. */
    static final class FakeSession {
        final List<String> texts = new ArrayList<>();
        final List<Callback> pending = new ArrayList<>();
        final List<String> closes = new ArrayList<>();
        int pings;
        boolean open = true;
        final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> open;
                    case "sendText" -> {
                        texts.add((String) args[0]);
                        pending.add((Callback) args[1]);
                        yield null;
                    }
                    case "sendPing" -> {
                        pings++;
                        yield null;
                    }
                    case "close" -> {
                        if (args != null && args.length == 3) closes.add(args[0] + " " + args[1]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private final FakeSession fake = new FakeSession();
    private final ScreenConnection conn = new ScreenConnection("s1", fake.session, "127.0.0.1", "ua", 3);

    @Test
    void sendsUpToTheLimitAndClosesWith1013Beyond() {
        assertThat(conn.send("a")).isTrue();
        assertThat(conn.send("b")).isTrue();
        assertThat(conn.send("c")).isTrue();
        assertThat(fake.closes).isEmpty();
        assertThat(conn.send("d")).as("a fourth message unwritten is one too many").isFalse();
        assertThat(fake.texts).containsExactly("a", "b", "c");
        assertThat(fake.closes).containsExactly("1013 too far behind; reconnect and resync");
    }

    @Test
    void aMessageWrittenOrFailedFreesItsPlace() {
        conn.send("a");
        conn.send("b");
        conn.send("c");
        fake.pending.get(0).succeed();
        assertThat(conn.send("d")).isTrue();
        fake.pending.get(1).fail(new java.io.IOException("reset"));
        assertThat(conn.send("e")).isTrue();
        assertThat(conn.send("f")).isFalse();
        assertThat(fake.texts).containsExactly("a", "b", "c", "d", "e");
        assertThat(fake.closes).hasSize(1);
    }

    @Test
    void aClosedConnectionSendsNothingAndIsNotClosedAgain() {
        fake.open = false;
        assertThat(conn.send("a")).isFalse();
        conn.ping();
        assertThat(fake.texts).isEmpty();
        assertThat(fake.pings).isZero();
        assertThat(fake.closes).isEmpty();
    }

    @Test
    void oneOutgoingMessageIsSharedNotCopied() {
        FakeSession other = new FakeSession();
        ScreenConnection second = new ScreenConnection("s2", other.session, "127.0.0.2", null, 3);
        ScreenConnection.Outgoing message = ScreenConnection.Outgoing.of("{\"type\":\"change\",\"title\":\"公告\"}");
        assertThat(conn.send(message)).isTrue();
        assertThat(second.send(message)).isTrue();
        assertThat(fake.texts.get(0)).isSameAs(other.texts.get(0)).isSameAs(message.text());
        assertThat(message.utf8().isReadOnly()).isTrue();
        assertThat(message.utf8().remaining()).isEqualTo(message.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void onlyAConnectionWithAGroupReceivesContent() {
        assertThat(conn.receivesContent()).isFalse();
        conn.group = "plaza";
        assertThat(conn.receivesContent()).isTrue();
        conn.ping();
        assertThat(fake.pings).isEqualTo(1);
        conn.close(1000, "screen retired");
        assertThat(fake.closes).containsExactly("1000 screen retired");
    }
}
