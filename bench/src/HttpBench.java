import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load on a Gongkai server with its demo content on 127.0.0.1: CLIENTS concurrent clients, each sending its next
 * request as soon as the last one is answered (a closed loop), for the touchscreen's API calls (list, item, search),
 * the mobile page and the short-link redirect. Each scenario runs WARMUP seconds unmeasured, then SECONDS measured.
 *
 * Usage: java HttpBench BASE_URL CLIENTS SECONDS WARMUP
 */
public final class HttpBench {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+),\"kind\"");
    private static final Pattern CODE = Pattern.compile("\"shortCode\":\"([0-9A-Z]+)\"");
    private static final String[] QUERIES = {"社保", "shebao", "sb", "养老", "身份证", "营业执照", "医保", "yiliao"};
    private static final String[] CATEGORIES = {"notices", "office-guides", "policy-documents", "interpretations"};

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HttpBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java HttpBench BASE_URL CLIENTS SECONDS WARMUP");
            System.exit(2);
        }
        if (!"127.0.0.1".equals(URI.create(args[0]).getHost())) {
            System.err.println("HttpBench: only 127.0.0.1 may be targeted");
            System.exit(2);
        }
        new HttpBench(args[0]).run(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        System.exit(0);
    }

    private void run(int clients, int seconds, int warmup) throws Exception {
        String list = get("/api/items?size=100").body();
        List<String> ids = all(ID, list);
        List<String> codes = all(CODE, list);
        System.out.printf(Locale.ROOT, "%d published items, %d clients, %d s measured after %d s warm-up per scenario%n",
                ids.size(), clients, seconds, warmup);
        scenario("touch: list (GET /api/items?category=…&page=1&size=8)", clients, seconds, warmup,
                () -> "/api/items?category=" + pick(CATEGORIES) + "&page=1&size=8");
        scenario("touch: item (GET /api/items/{id})", clients, seconds, warmup, () -> "/api/items/" + pick(ids));
        scenario("touch: search (GET /api/search?q=…)", clients, seconds, warmup,
                () -> "/api/search?q=" + URLEncoder.encode(pick(QUERIES), StandardCharsets.UTF_8));
        scenario("mobile page (GET /m/items/{id})", clients, seconds, warmup, () -> "/m/items/" + pick(ids));
        scenario("short link (GET /s/{code} → 302)", clients, seconds, warmup, () -> "/s/" + pick(codes));
    }

    private void scenario(String name, int clients, int seconds, int warmup, Supplier<String> path) throws Exception {
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        long[][] times = new long[clients][];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int slot = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        long t0 = System.nanoTime();
                        int status = get(path.get()).statusCode();
                        long t1 = System.nanoTime();
                        if (status != 200 && status != 302) errors.incrementAndGet();
                        if (t0 >= measureFrom && n < mine.length) mine[n++] = t1 - t0;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    times[slot] = Arrays.copyOf(mine, n);
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        if (!done.await(warmup + seconds + 60, TimeUnit.SECONDS)) throw new IllegalStateException(name + ": clients did not finish");
        long[] all = Arrays.stream(times).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT %-55s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms  errors %d%n",
                name, all.length / (double) seconds, pct(all, 50) / 1e6, pct(all, 99) / 1e6,
                (all.length == 0 ? 0 : all[all.length - 1]) / 1e6, errors.get());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        if (out.isEmpty()) throw new IllegalStateException("nothing found for " + p + " in " + text);
        return out;
    }

    private static <T> T pick(T[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    private static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
