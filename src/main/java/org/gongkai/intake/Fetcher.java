package org.gongkai.intake;

import org.gongkai.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches a document from outside (a portal feed, a CAP index or message) with timeouts and a size limit, and
 * turns every way it can fail into a {@link FetchException} whose message says in plain words what went wrong.
 * Redirects are followed (normal, not to a lower-security scheme); the body is read to maxBytes and no further.
 */
public final class Fetcher {
    /** What came back: the bytes and the Content-Type header ("" when absent). */
    public record Fetched(byte[] body, String contentType, URI uri) {
        /** The charset the Content-Type names, if any (e.g. "GBK"). */
        public Optional<String> charset() {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) return Optional.of(p.substring(8).replace("\"", "").trim());
            }
            return Optional.empty();
        }
    }

    private final HttpClient client;
    private final long maxBytes;
    private final Duration timeout;

    public Fetcher(Config.Intake intake) {
        this(intake.maxBytes(), Duration.ofSeconds(intake.connectTimeoutSeconds()), Duration.ofSeconds(intake.timeoutSeconds()));
    }

    public Fetcher(long maxBytes, Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Fetched get(String url) throws FetchException {
        URI uri = checkedUri(url);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "Gongkai/0.1 (government information display)")
                .header("Accept", "application/rss+xml, application/atom+xml, application/cap+xml, application/xml, "
                        + "application/json, text/xml;q=0.9, */*;q=0.5")
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(FetchException.Reason.TIMEOUT, "timeout: " + uri.getHost() + " did not accept the connection in time");
        } catch (HttpTimeoutException e) {
            throw new FetchException(FetchException.Reason.TIMEOUT, "timeout: " + uri.getHost() + " did not answer within "
                    + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) throw dns(uri);
            throw new FetchException(FetchException.Reason.CONNECTION, "connection refused: nothing answers at "
                    + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        } catch (IOException e) {
            if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) throw dns(uri);
            throw new FetchException(FetchException.Reason.CONNECTION, "connection failed: " + uri.getHost() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.CONNECTION, "interrupted while fetching " + uri);
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                throw new FetchException(FetchException.Reason.HTTP_STATUS, "HTTP " + status + " from " + uri);
            }
            byte[] body = readAtMost(in, uri);
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Fetched(body, type, response.uri());
        } catch (HttpTimeoutException e) {
            throw new FetchException(FetchException.Reason.TIMEOUT, "timeout: " + uri.getHost() + " did not send its whole answer within "
                    + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new FetchException(FetchException.Reason.CONNECTION, "the connection broke while reading " + uri + ": " + e.getMessage());
        }
    }

    private byte[] readAtMost(InputStream in, URI uri) throws IOException, FetchException {
        // one byte more than allowed tells a body of exactly maxBytes from a longer one
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw new FetchException(FetchException.Reason.TOO_LARGE, "too large: " + uri + " sent more than "
                    + maxBytes + " bytes (intake.maxBytes); reading stopped there");
        }
        return body;
    }

    public static URI checkedUri(String url) throws FetchException {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new FetchException(FetchException.Reason.BAD_URL, "not an http:// or https:// address: " + url);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new FetchException(FetchException.Reason.BAD_URL, "not a valid address: " + url);
        }
    }

    private static FetchException dns(URI uri) {
        return new FetchException(FetchException.Reason.DNS, "DNS: the host name " + uri.getHost() + " is not known");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }
}
