package org.gongkai.intake;

import org.gongkai.support.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fetch every intake uses, against a local web server that misbehaves on purpose. */
class FetcherTest {
    private static final FixtureServer WEB = new FixtureServer();
    private final Fetcher fetcher = new Fetcher(64 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2));

    @AfterAll
    static void stop() {
        WEB.close();
    }

    @Test
    void readsABodyAndItsCharset() throws FetchException {
        WEB.put("/feed.xml", 200, "application/rss+xml; charset=GBK", new byte[]{'<', 'a', '/', '>'});
        Fetcher.Fetched f = fetcher.get(WEB.url("/feed.xml"));
        assertThat(new String(f.body())).isEqualTo("<a/>");
        assertThat(f.charset()).contains("GBK");
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws FetchException {
        WEB.put("/exact", 200, "text/plain", new byte[64 * 1024]);
        assertThat(fetcher.get(WEB.url("/exact")).body()).hasSize(64 * 1024);
    }

    @Test
    void aHugeAnswerStopsAtTheLimit() {
        WEB.putEndless("/huge", "application/rss+xml", 100L * 1024 * 1024);
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.get(WEB.url("/huge"))).isInstanceOf(FetchException.class)
                .hasMessageContaining("too large").hasMessageContaining("65536 bytes")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it did not read 100 MB").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        WEB.putSilent("/silent", 6000);
        assertThatThrownBy(() -> fetcher.get(WEB.url("/silent"))).isInstanceOf(FetchException.class)
                .hasMessageStartingWith("timeout")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TIMEOUT);
    }

    @Test
    void httpErrorsAreNamed() {
        assertThatThrownBy(() -> fetcher.get(WEB.url("/missing"))).hasMessageStartingWith("HTTP 404")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.HTTP_STATUS);
    }

    @Test
    void anUnknownHostIsADnsError() {
        assertThatThrownBy(() -> fetcher.get("http://no-such-host.invalid/feed")).hasMessageStartingWith("DNS")
                .hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void aClosedPortIsARefusedConnection() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        int closed = port;
        assertThatThrownBy(() -> fetcher.get("http://127.0.0.1:" + closed + "/")).hasMessageStartingWith("connection refused");
    }

    @Test
    void onlyHttpAddressesAreFetched() {
        for (String url : new String[]{"file:///etc/passwd", "ftp://127.0.0.1/x", "jar:file:/x!/y", "", "http://", "not a url"}) {
            assertThatThrownBy(() -> fetcher.get(url)).as(url).isInstanceOf(FetchException.class)
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.BAD_URL);
        }
    }
}
