package org.gongkai.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client with its own cookie jar; after login it sends the CSRF token like the admin page does. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client;
    private String csrf;
    private String bearer;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return base;
    }

    public record Response(int status, String body, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public byte[] bytes() {
            return raw.body();
        }
    }

    public Response login(String username, String password) {
        Response r = post("/api/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.status() == 200) csrf = r.json().path("csrfToken").asText();
        return r;
    }

    public Http withoutCsrf() {
        csrf = null;
        return this;
    }

    public Http withBearer(String token) {
        bearer = token;
        return this;
    }

    /** Sends this header with every later request (Accept, X-Forwarded-For behind a trusted proxy, ...). */
    public Http withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, String json) {
        return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, byte[] body) {
        return send(builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, String json) {
        return send(builder(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response method(String method, String path, String json) {
        return send(builder(path).method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request with its own Content-Type (XML bodies such as CAP messages). */
    public Response method(String method, String path, byte[] body, String contentType) {
        return send(builder(path).setHeader("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URI.create(path.startsWith("http") ? path : base + path).toASCIIString()))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        headers.forEach(b::setHeader);
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new RequestFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** No answer: the connection was refused, reset or timed out (a test failure unless the server was meant to go). */
    public static final class RequestFailed extends AssertionError {
        RequestFailed(IOException cause) {
            super("request failed: " + cause, cause);
        }
    }
}
