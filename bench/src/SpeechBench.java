import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 朗读 from the server: the delay a resident waits after tapping 朗读 on a guide of about 500 characters the server
 * has never spoken (the parts list, then the first part's audio in full), the same once it is kept, and whether each
 * next part is made faster than the one before it plays (so there is no pause). Each round publishes a new guide
 * (a staff editor writes it, a reviewer approves it) so that nothing is kept from an earlier round.
 *
 * Usage: java -cp CLASSES SpeechBench BASE ADMIN_PASSWORD ROUNDS
 */
public final class SpeechBench {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final String SENTENCE = "申请人可通过政务服务网或者到县政务服务中心窗口提交申请，材料齐全的当场受理。";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[2]);
        Client admin = Client.login(base, "admin", args[1]);
        admin.send("POST", "/api/departments", "{\"code\":\"bench\",\"name\":\"县测试局\"}");
        admin.send("POST", "/api/users", "{\"username\":\"bench.reviewer\",\"displayName\":\"审核员\",\"password\":\"bench-reviewer-pw\",\"role\":\"reviewer\"}");
        Client reviewer = Client.login(base, "bench.reviewer", "bench-reviewer-pw");
        Client citizen = new Client(base);
        List<Double> firstNew = new ArrayList<>();
        List<Double> firstKept = new ArrayList<>();
        int late = 0;
        int chars = 0;
        int parts = 0;
        double audioSeconds = 0;
        double makeSeconds = 0;
        for (int r = 0; r < rounds; r++) {
            String body = (SENTENCE + "第" + (r + 1) + "轮测试。").repeat(11);
            String created = admin.send("POST", "/api/items", "{\"kind\":\"guide\",\"title\":\"城乡居民养老保险参保登记（第" + (r + 1)
                    + "轮）\",\"summary\":\"为本县城乡居民办理参保登记。\",\"body\":\"" + body + "\",\"department\":\"bench\","
                    + "\"category\":\"notices\",\"status\":\"submitted\",\"guide\":{\"implementingBody\":\"县社会保险事业服务中心\",\"phone\":\"0000-5551234\",\"hours\":\"工作日 9:00-17:00\"}}");
            String id = first(ID, created);
            reviewer.send("POST", "/api/items/" + id + "/approve", "");

            long t0 = System.nanoTime();
            String list = citizen.send("GET", "/api/items/" + id + "/speech", null);
            String version = first(VERSION, list);
            String spoken = list.substring(list.indexOf("\"parts\":[\"") + 10, list.lastIndexOf("\"]"));
            String[] texts = spoken.split("\",\"", -1); // the parts are Chinese text: no ASCII "," inside
            int n = texts.length;
            byte[] wav = citizen.bytes("/api/items/" + id + "/speech/0?version=" + version);
            firstNew.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            citizen.send("GET", "/api/items/" + id + "/speech", null);
            citizen.bytes("/api/items/" + id + "/speech/0?version=" + version);
            firstKept.add((System.nanoTime() - t1) / 1e6);

            // the page asks for part k+1 as part k begins to play: it must be ready before part k ends
            double playing = seconds(wav);
            audioSeconds += playing;
            for (int k = 1; k < n; k++) {
                long tk = System.nanoTime();
                byte[] next = citizen.bytes("/api/items/" + id + "/speech/" + k + "?version=" + version);
                double made = (System.nanoTime() - tk) / 1e9;
                makeSeconds += made;
                if (made > playing) late++;
                playing = seconds(next);
                audioSeconds += playing;
            }
            chars = String.join("", texts).length();
            parts = n;
        }
        System.out.printf(Locale.ROOT, "guide: %d characters of speech text in %d parts (last round)%n", chars, parts);
        System.out.printf(Locale.ROOT, "first audio, never spoken before: p50 %.0f ms, max %.0f ms (%d rounds)%n",
                pct(firstNew, 50), pct(firstNew, 100), rounds);
        System.out.printf(Locale.ROOT, "first audio, kept:                p50 %.1f ms, max %.1f ms%n", pct(firstKept, 50), pct(firstKept, 100));
        System.out.printf(Locale.ROOT, "audio %.0f s in all; the parts after the first took %.2f s to fetch (each asked for as the one"
                + " before starts); parts not ready before the one before ended: %d%n", audioSeconds, makeSeconds, late);
    }

    /** Length of 16-bit PCM WAV audio: data bytes / byte rate (header fields at 28 and 40). */
    static double seconds(byte[] wav) {
        int byteRate = (wav[28] & 0xff) | (wav[29] & 0xff) << 8 | (wav[30] & 0xff) << 16 | (wav[31] & 0xff) << 24;
        return (wav.length - 44) / (double) byteRate;
    }

    static double pct(List<Double> values, int p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
    }

    static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) throw new IllegalStateException("no " + p + " in " + text);
        return m.group(1);
    }

    static final class Client {
        final String base;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String csrf = "";

        Client(String base) {
            this.base = base;
        }

        static Client login(String base, String user, String password) throws Exception {
            Client c = new Client(base);
            c.csrf = first(CSRF, c.send("POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"));
            return c;
        }

        String send(String method, String path, String json) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-CSRF-Token", csrf);
            b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400 && !(r.statusCode() == 409 && path.startsWith("/api/departments"))) {
                throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        byte[] bytes(String path) throws Exception {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(path + " → " + r.statusCode() + " " + new String(r.body()));
            return r.body();
        }
    }
}
