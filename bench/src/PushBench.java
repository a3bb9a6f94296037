import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publish-to-screen benchmark. Connects N screens over real WebSockets to a Gongkai server on 127.0.0.1, pairs them
 * into one group, then alternates two kinds of round:
 * - publish: a notice for the group is submitted (not timed), then a second person approves it
 *   (POST /api/items/{id}/approve, as the review workflow demands): time until each screen has received the change;
 * - floor: POST /api/bench/broadcast with the exact bytes a screen received in the previous publish round, i.e. the
 *   same message to the same sockets with no content work in between.
 * Then alert rounds: an emergency alert for all screens, issued at once by the admin; time until the last screen has it.
 * With "storm": the server is restarted (SERVER_PID stopped, BENCH_SERVER_START run) while every screen is connected;
 * screens reconnect as the player does (spread over 5 s, with their lastVersion), an alert is issued as soon as the
 * server answers, and the time until every screen is back with it is measured, with the server's peak heap meanwhile.
 * Every time is taken in this JVM (send of the POST to arrival of the message), so all kinds are measured alike.
 *
 * Usage: java PushBench BASE_URL ADMIN_PASSWORD SCREENS ROUNDS GROUP [storm]
 */
public final class PushBench {
    private static final Pattern SCREEN_ID = Pattern.compile("\"screenId\":\"([^\"]+)\"");
    private static final Pattern PAIRING = Pattern.compile("\"pairingCode\":\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final Pattern HEAP_USED = Pattern.compile("\"heapUsedBytes\":(\\d+)");
    private static final Pattern LAST_BROADCAST = Pattern.compile("\"lastBroadcast\":(\\{[^}]*\\})");
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern VERSION = Pattern.compile("^\\{\"type\":\"(?:snapshot|change)\",\"version\":(\\d+)");
    private static final int ALERT_ROUNDS = 3;
    private static final java.util.concurrent.ScheduledExecutorService RECONNECTS =
            java.util.concurrent.Executors.newScheduledThreadPool(2);
    private static final long ROUND_TIMEOUT_MS = 30_000;

    private final String base;
    private final String group;
    private String secondBase; // "nodes" mode: half the screens connect here, every change is made on base
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<HttpClient> wsClients = new ArrayList<>();
    private String token;
    private String reviewerToken;
    private volatile long lastRequestNanos;

    private PushBench(String base, String group) {
        this.base = base;
        this.group = group;
        for (int i = 0; i < 2; i++) {
            // Deliver on the selector thread: no hand-off per message, so the driver steals less CPU from the server.
            wsClients.add(HttpClient.newBuilder().executor(Runnable::run).connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    public static void main(String[] args) throws Exception {
        boolean nodes = args.length == 7 && args[5].equals("nodes");
        if (args.length != 5 && !nodes && !(args.length == 6 && (args[5].equals("storm") || args[5].equals("cap")))) {
            System.err.println("usage: java PushBench BASE_URL ADMIN_PASSWORD SCREENS ROUNDS GROUP [storm|cap|nodes SECOND_NODE_URL]");
            System.exit(2);
        }
        for (String url : nodes ? new String[] {args[0], args[6]} : new String[] {args[0]}) {
            if (!"127.0.0.1".equals(URI.create(url).getHost())) {
                System.err.println("PushBench: only 127.0.0.1 may be targeted, not " + URI.create(url).getHost());
                System.exit(2);
            }
        }
        PushBench bench = new PushBench(args[0], args[4]);
        if (nodes) bench.secondBase = args[6];
        String mode = args.length >= 6 ? args[5] : "";
        bench.run(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), mode.equals("storm"), mode.equals("cap"));
        System.exit(0);
    }

    /** @param capOnly only the CAP rounds (POST /api/cap to the last screen), after connecting and pairing */
    private void run(String password, int n, int rounds, boolean storm, boolean capOnly) throws Exception {
        token = login("admin", password);
        String reviewer = "bench-reviewer-" + System.nanoTime() % 1_000_000;
        String reviewerPassword = "bench-reviewer-" + System.nanoTime();
        post("/api/users", "{\"username\":\"" + reviewer + "\",\"displayName\":\"基准审核员\","
                + "\"password\":\"" + reviewerPassword + "\",\"role\":\"reviewer\"}");
        reviewerToken = login(reviewer, reviewerPassword);
        long heapBefore = heapAfterGc();
        long t = System.nanoTime();
        List<Screen> screens = connect(n);
        System.out.printf(Locale.ROOT, "connected %d screens in %.1f s%n", screens.size(), (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        pair(screens);
        awaitSnapshots(screens);
        System.out.printf(Locale.ROOT, "paired %d screens into group %s and all have their snapshot in %.1f s%n",
                screens.size(), group, (System.nanoTime() - t) / 1e9);
        long heapConnected = heapAfterGc();
        int onServer = secondBase == null ? n : (n + 1) / 2; // "nodes": the heap read is the first node's
        System.out.printf(Locale.ROOT, "server heap after GC: %.1f MB before screens, %.1f MB with %d screens (%.1f KB per screen)%n",
                heapBefore / 1e6, heapConnected / 1e6, onServer, (heapConnected - heapBefore) / 1024.0 / onServer);

        if (capOnly) {
            caps(screens, rounds);
            for (Screen s : screens) s.close();
            return;
        }
        if (secondBase != null) {
            acrossNodes(screens, rounds);
            for (Screen s : screens) s.close();
            return;
        }
        List<long[]> publish = new ArrayList<>();
        List<long[]> floor = new ArrayList<>();
        long peakHeap = 0;
        for (int r = 0; r <= rounds; r++) {
            boolean warmup = r == 0;
            String marker = "BENCH-" + System.nanoTime();
            String submitted = post("/api/items", itemJson(marker));
            Matcher id = ID.matcher(submitted);
            if (!id.find()) throw new IllegalStateException("no id in " + submitted);
            long[] p = round(screens, marker, () -> post(reviewerToken, "/api/items/" + id.group(1) + "/approve", ""));
            long publishRequest = lastRequestNanos;
            String serverSide = lastBroadcast();
            String sameBytes = screens.get(0).lastMatching;
            long[] f = round(screens, marker, () -> post("/api/bench/broadcast", sameBytes));
            peakHeap = Math.max(peakHeap, heapNow());
            if (warmup) {
                System.out.printf(Locale.ROOT, "warm-up round: publish p99 %s, floor p99 %s (not counted)%n", ms(pct(p, 99)), ms(pct(f, 99)));
                continue;
            }
            publish.add(p);
            floor.add(f);
            System.out.printf(Locale.ROOT, "round %d: publish p50 %s p99 %s max %s | floor p50 %s p99 %s max %s | message %d bytes%n",
                    r, ms(pct(p, 50)), ms(pct(p, 99)), ms(max(p)), ms(pct(f, 50)), ms(pct(f, 99)), ms(max(f)),
                    sameBytes.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            System.out.println("  publish request answered after " + ms(publishRequest) + "; server: " + serverSide);
        }
        long[] allP = concat(publish);
        long[] allF = concat(floor);
        System.out.println();
        System.out.printf(Locale.ROOT, "RESULT screens=%d rounds=%d%n", n, rounds);
        System.out.printf(Locale.ROOT, "publish-to-screen: p50 %s  p99 %s  max %s%n", ms(pct(allP, 50)), ms(pct(allP, 99)), ms(max(allP)));
        System.out.printf(Locale.ROOT, "bare broadcast:    p50 %s  p99 %s  max %s%n", ms(pct(allF, 50)), ms(pct(allF, 99)), ms(max(allF)));
        System.out.printf(Locale.ROOT, "publish p99 / floor p99 = %.2f%n", pct(allP, 99) / (double) pct(allF, 99));
        long medianP = medianOfP99(publish);
        long medianF = medianOfP99(floor);
        System.out.printf(Locale.ROOT, "median of the rounds' p99: publish %s, floor %s (ratio %.2f)%n", ms(medianP), ms(medianF),
                medianP / (double) medianF);
        System.out.printf(Locale.ROOT, "server heap: %.1f MB after GC with screens connected, %.1f MB highest seen between rounds%n",
                heapConnected / 1e6, peakHeap / 1e6);
        alerts(screens);
        caps(screens, ALERT_ROUNDS);
        if (storm) storm(screens);
        for (Screen s : screens) s.close();
    }

    /**
     * Two nodes, half the screens on each: approvals and alerts made on the first node, timed to the screens of each
     * node apart. What the second node's screens take beyond the first's is the cross-node path (commit, NOTIFY,
     * the second node's read of content_changes).
     */
    private void acrossNodes(List<Screen> screens, int rounds) throws Exception {
        List<long[]> onA = new ArrayList<>();
        List<long[]> onB = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
            String marker = "BENCH-" + System.nanoTime();
            Matcher id = ID.matcher(post("/api/items", itemJson(marker)));
            if (!id.find()) throw new IllegalStateException("no id for " + marker);
            long[] all = round(screens, marker, () -> post(reviewerToken, "/api/items/" + id.group(1) + "/approve", ""));
            long[] a = byNode(screens, 0);
            long[] b = byNode(screens, 1);
            if (r == 0) continue;
            onA.add(a);
            onB.add(b);
            System.out.printf(Locale.ROOT, "round %d: approval on A to A's screens p50 %s p99 %s max %s | to B's p50 %s p99 %s max %s (request %s)%n",
                    r, ms(pct(a, 50)), ms(pct(a, 99)), ms(max(a)), ms(pct(b, 50)), ms(pct(b, 99)), ms(max(b)),
                    ms(lastRequestNanos));
            if (all.length != a.length + b.length) throw new IllegalStateException("screens lost");
        }
        long[] a = concat(onA);
        long[] b = concat(onB);
        System.out.println();
        System.out.printf(Locale.ROOT, "RESULT nodes=2 screens=%d (%d on A, %d on B) rounds=%d%n", screens.size(), a.length / onA.size(),
                b.length / onB.size(), rounds);
        System.out.printf(Locale.ROOT, "approval on A to A's screens: p50 %s  p99 %s  max %s%n", ms(pct(a, 50)), ms(pct(a, 99)), ms(max(a)));
        System.out.printf(Locale.ROOT, "approval on A to B's screens: p50 %s  p99 %s  max %s%n", ms(pct(b, 50)), ms(pct(b, 99)), ms(max(b)));
        System.out.printf(Locale.ROOT, "cross-node extra: p50 %s  p99 %s%n", ms(pct(b, 50) - pct(a, 50)), ms(pct(b, 99) - pct(a, 99)));
        List<long[]> alertsOnB = new ArrayList<>();
        for (int r = 0; r <= ALERT_ROUNDS; r++) {
            String marker = "ALERT-" + System.nanoTime();
            round(screens, marker, () -> post("/api/items", alertJson(marker)));
            long[] alertB = byNode(screens, 1);
            if (r == 0) continue;
            alertsOnB.add(alertB);
            System.out.printf(Locale.ROOT, "alert round %d: issued on A, B's screens p50 %s p99 %s last %s%n", r,
                    ms(pct(alertB, 50)), ms(pct(alertB, 99)), ms(max(alertB)));
        }
        System.out.printf(Locale.ROOT, "RESULT alert issued on A to the last of B's screens (worst of %d rounds): %s%n",
                alertsOnB.size(), ms(alertsOnB.stream().mapToLong(PushBench::max).max().orElse(0)));
    }

    /** The last round's delays of the screens connected to node 0 (A) or 1 (B), sorted. */
    private static long[] byNode(List<Screen> screens, int node) {
        return screens.stream().filter(s -> s.node == node).mapToLong(s -> s.arrived - s.start).sorted().toArray();
    }

    /** An alert to every screen, issued at once: time until the last screen has it. */
    private void alerts(List<Screen> screens) throws Exception {
        List<long[]> all = new ArrayList<>();
        for (int r = 0; r <= ALERT_ROUNDS; r++) {
            String marker = "ALERT-" + System.nanoTime();
            long[] a = round(screens, marker, () -> post("/api/items", alertJson(marker)));
            if (r == 0) continue; // warm-up
            all.add(a);
            System.out.printf(Locale.ROOT, "alert round %d: p50 %s p99 %s last screen %s%n", r, ms(pct(a, 50)), ms(pct(a, 99)), ms(max(a)));
        }
        long[] merged = concat(all);
        long worst = all.stream().mapToLong(PushBench::max).max().orElse(0);
        System.out.printf(Locale.ROOT, "RESULT alert to all %d screens: p50 %s  p99 %s  last screen (worst of %d rounds) %s%n",
                screens.size(), ms(pct(merged, 50)), ms(pct(merged, 99)), all.size(), ms(worst));
    }

    /**
     * CAP warnings pushed to POST /api/cap (an Extreme message for 示范县, issued at once under the default policy):
     * time from sending the message to the last screen having the alert.
     */
    private void caps(List<Screen> screens, int rounds) throws Exception {
        List<long[]> all = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
            String marker = "CAP-" + System.nanoTime();
            long[] a = round(screens, marker, () -> {
                String answer = postXml("/api/cap", capXml(marker));
                if (!answer.contains("\"outcome\":\"issued\"")) throw new IllegalStateException("CAP not issued: " + answer);
            });
            if (r == 0) continue; // warm-up
            all.add(a);
            System.out.printf(Locale.ROOT, "cap round %d: p50 %s p99 %s last screen %s (request answered after %s)%n", r,
                    ms(pct(a, 50)), ms(pct(a, 99)), ms(max(a)), ms(lastRequestNanos));
        }
        long[] merged = concat(all);
        long worst = all.stream().mapToLong(PushBench::max).max().orElse(0);
        System.out.printf(Locale.ROOT, "RESULT cap to all %d screens: p50 %s  p99 %s  last screen (worst of %d rounds) %s%n",
                screens.size(), ms(pct(merged, 50)), ms(pct(merged, 99)), all.size(), ms(worst));
    }

    private static String capXml(String marker) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                + "<identifier>" + marker + "</identifier><sender>bench@example.gov.cn</sender><sent>" + now + "</sent>"
                + "<status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><language>zh-CN</language>"
                + "<category>Met</category><event>台风红色预警</event><urgency>Immediate</urgency><severity>Extreme</severity>"
                + "<certainty>Observed</certainty><effective>" + now.minusMinutes(1) + "</effective><expires>" + now.plusMinutes(10)
                + "</expires><senderName>示范县气象台</senderName><headline>基准测试台风红色预警 " + marker + "</headline>"
                + "<description>基准测试。</description><instruction>停止室外集体活动。</instruction>"
                + "<area><areaDesc>示范县</areaDesc><geocode><valueName>行政区划代码</valueName><value>990101</value></geocode></area>"
                + "</info></alert>";
    }

    private String postXml(String path, String xml) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/cap+xml").header("Authorization", "Bearer " + reviewerToken)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /** Restarts the server with every screen connected; all must come back and get the alert issued meanwhile. */
    private void storm(List<Screen> screens) throws Exception {
        String pid = System.getenv("SERVER_PID");
        String start = System.getenv("BENCH_SERVER_START");
        if (pid == null || start == null) throw new IllegalStateException("storm needs SERVER_PID and BENCH_SERVER_START");
        String marker = "STORM-" + System.nanoTime();
        CountDownLatch done = new CountDownLatch(screens.size());
        for (Screen s : screens) {
            s.arm(marker, done);
            s.reconnectTo = URI.create(base.replaceFirst("^http", "ws") + "/ws/screen");
            s.client = wsClients.get(0);
        }
        long t0 = System.nanoTime();
        for (Screen s : screens) s.start = t0;
        new ProcessBuilder("kill", pid).inheritIO().start().waitFor();
        waitForExit(pid);
        long stopped = System.nanoTime();
        Process started = new ProcessBuilder("bash", start).inheritIO().start();
        started.waitFor(60, TimeUnit.SECONDS);
        long up = awaitHealth();
        String password = System.getenv("BENCH_ADMIN_PASSWORD");
        token = login("admin", password);
        post("/api/items", alertJson(marker));
        long published = System.nanoTime();
        long peakHeap = 0;
        while (!done.await(250, TimeUnit.MILLISECONDS)) {
            peakHeap = Math.max(peakHeap, heapNow());
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(180)) {
                throw new IllegalStateException(done.getCount() + " screens were not back with the alert 180 s after the restart");
            }
        }
        long allBack = System.nanoTime();
        peakHeap = Math.max(peakHeap, heapNow());
        long reconnects = screens.stream().mapToLong(s -> s.reconnects).sum();
        long snapshots = screens.stream().filter(s -> s.lastWasSnapshot).count();
        System.out.printf(Locale.ROOT, "storm: server stopped after %s, answering again after %s, alert issued at %s%n",
                ms(stopped - t0), ms(up - t0), ms(published - t0));
        System.out.printf(Locale.ROOT, "RESULT reconnect storm, %d screens: all back with the alert issued during the storm %.1f s after "
                        + "the restart began (%.1f s after the server answered); %d reconnects; %d screens caught up by snapshot, "
                        + "%d by changes since their lastVersion; server peak heap %.1f MB%n",
                screens.size(), (allBack - t0) / 1e9, (allBack - up) / 1e9, reconnects, snapshots, screens.size() - snapshots,
                peakHeap / 1e6);
    }

    private static void waitForExit(String pid) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (new ProcessBuilder("kill", "-0", pid).start().waitFor() != 0) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("server " + pid + " did not stop within 60 s");
    }

    /** @return when /health first answered */
    private long awaitHealth() throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return System.nanoTime();
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the restarted server did not answer within 60 s");
    }

    // ------------------------------------------------------------------ rounds

    private interface Trigger {
        void fire() throws Exception;
    }

    /** Arms every screen for the marker, fires, and returns each screen's delay in nanoseconds. */
    private long[] round(List<Screen> screens, String marker, Trigger trigger) throws Exception {
        CountDownLatch done = new CountDownLatch(screens.size());
        for (Screen s : screens) s.arm(marker, done);
        Thread.sleep(200);
        long start = System.nanoTime();
        for (Screen s : screens) s.start = start;
        trigger.fire();
        lastRequestNanos = System.nanoTime() - start;
        if (!done.await(ROUND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(done.getCount() + " screens did not receive " + marker + " within "
                    + ROUND_TIMEOUT_MS + " ms");
        }
        long[] delays = new long[screens.size()];
        for (int i = 0; i < delays.length; i++) delays[i] = screens.get(i).arrived - start;
        Arrays.sort(delays);
        Thread.sleep(500);
        return delays;
    }

    private String itemJson(String marker) {
        return "{\"kind\":\"notice\",\"title\":\"基准测试通知 " + marker + "\","
                + "\"summary\":\"推送基准测试：这条通知发布后，测量每块屏幕收到它所需的时间。\","
                + "\"body\":\"这是基准测试自动发布的通知。\\n\\n- 第一条\\n- 第二条\","
                + "\"department\":\"gov-office\",\"category\":\"notices\",\"status\":\"submitted\","
                + "\"targetGroups\":[\"" + group + "\"]}";
    }

    private static String alertJson(String marker) {
        Instant now = Instant.now();
        return "{\"kind\":\"alert\",\"title\":\"基准测试暴雨红色预警 " + marker + "\","
                + "\"summary\":\"预计将出现强降雨，请避免前往低洼地带。\",\"department\":\"gov-office\",\"category\":\"emergency\","
                + "\"status\":\"published\",\"publishStart\":\"" + now.minusSeconds(60) + "\",\"publishEnd\":\""
                + now.plusSeconds(600) + "\",\"alert\":{\"level\":\"red\",\"hazard\":\"rainstorm\",\"area\":\"全县\",\"issuer\":\"县气象台\"}}";
    }

    // ------------------------------------------------------------------ screens

    private List<Screen> connect(int n) throws Exception {
        List<Screen> screens = new ArrayList<>(n);
        Semaphore inFlight = new Semaphore(200);
        List<CompletableFuture<Void>> pending = new ArrayList<>(n);
        URI ws = URI.create(base.replaceFirst("^http", "ws") + "/ws/screen");
        URI second = secondBase == null ? ws : URI.create(secondBase.replaceFirst("^http", "ws") + "/ws/screen");
        for (int i = 0; i < n; i++) {
            Screen s = new Screen();
            s.node = i % 2 == 0 || secondBase == null ? 0 : 1;
            screens.add(s);
            inFlight.acquire();
            CompletableFuture<Void> f = wsClients.get(i % wsClients.size()).newWebSocketBuilder()
                    .buildAsync(s.node == 0 ? ws : second, s)
                    .thenCompose(socket -> socket.sendText("{\"type\":\"hello\",\"kind\":\"plaza\",\"width\":1920,\"height\":1080}", true))
                    .thenCompose(socket -> s.welcomed)
                    .thenAccept(x -> inFlight.release());
            f.exceptionally(e -> {
                inFlight.release();
                return null;
            });
            pending.add(f);
        }
        CompletableFuture.allOf(pending.toArray(new CompletableFuture[0])).get(10, TimeUnit.MINUTES);
        return screens;
    }

    private void pair(List<Screen> screens) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < screens.size(); i = next.getAndIncrement()) {
                    Screen s = screens.get(i);
                    try {
                        post("/api/screens/pair", "{\"code\":\"" + s.pairingCode + "\",\"name\":\"bench " + i + "\",\"group\":\"" + group + "\"}");
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) th.join(TimeUnit.MINUTES.toMillis(10));
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " screens could not be paired");
    }

    private void awaitSnapshots(List<Screen> screens) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        for (Screen s : screens) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !s.snapshot.await(left, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("a screen got no snapshot within 5 minutes of pairing");
            }
        }
    }

    /**
     * A screen: records when the armed marker arrives; reassembles fragmented text frames; keeps its identity and
     * content version and, once given somewhere to reconnect to, comes back as the player does when its connection ends.
     */
    private static final class Screen implements WebSocket.Listener {
        final CompletableFuture<Void> welcomed = new CompletableFuture<>();
        final CountDownLatch snapshot = new CountDownLatch(1);
        volatile WebSocket ws;
        volatile String pairingCode;
        volatile String screenId;
        volatile String secret;
        volatile long version;
        volatile boolean lastWasSnapshot;
        volatile String marker;
        volatile CountDownLatch done;
        volatile long start;
        volatile long arrived;
        volatile String lastMatching;
        volatile URI reconnectTo;
        volatile HttpClient client;
        volatile int reconnects;
        volatile boolean closing;
        int node; // 0: the first node, 1: the second ("nodes" mode)
        private final StringBuilder partial = new StringBuilder();

        void arm(String marker, CountDownLatch done) {
            this.arrived = 0;
            this.done = done;
            this.marker = marker;
        }

        void close() {
            closing = true;
            if (ws != null) ws.abort();
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                received(message);
            }
            webSocket.request(1);
            return null;
        }

        private void received(String message) {
            long now = System.nanoTime();
            Matcher v = VERSION.matcher(message);
            if (v.find()) {
                version = Long.parseLong(v.group(1));
                lastWasSnapshot = message.startsWith("{\"type\":\"snapshot\"");
            }
            String m = marker;
            if (m != null && arrived == 0 && message.contains(m)) {
                arrived = now;
                lastMatching = message;
                done.countDown();
            } else if (message.startsWith("{\"type\":\"welcome\"")) {
                Matcher code = PAIRING.matcher(message);
                if (code.find()) pairingCode = code.group(1);
                Matcher id = SCREEN_ID.matcher(message);
                Matcher key = SECRET.matcher(message);
                if (key.find()) secret = key.group(1);
                if (id.find()) {
                    screenId = id.group(1);
                    welcomed.complete(null);
                }
            } else if (message.startsWith("{\"type\":\"snapshot\"")) {
                snapshot.countDown();
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            reconnectLater();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            welcomed.completeExceptionally(error);
            reconnectLater();
        }

        /** Like kiosk-web/common/screen-link.js: a first delay spread over 0.5 to 5 s, then backing off. */
        private void reconnectLater() {
            if (closing || reconnectTo == null) return;
            long delay = 500 + java.util.concurrent.ThreadLocalRandom.current().nextLong(4500) + Math.min(reconnects, 5) * 1000L;
            reconnects++;
            RECONNECTS.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
        }

        private void reconnect() {
            partial.setLength(0);
            String hello = "{\"type\":\"hello\",\"kind\":\"plaza\",\"screenId\":\"" + screenId + "\",\"secret\":\"" + secret
                    + "\",\"width\":1920,\"height\":1080,\"lastVersion\":" + version + "}";
            client.newWebSocketBuilder().buildAsync(reconnectTo, this)
                    .thenCompose(socket -> socket.sendText(hello, true))
                    .exceptionally(e -> {
                        reconnectLater();
                        return null;
                    });
        }
    }

    // ------------------------------------------------------------------ HTTP

    /** Logs in and makes an API token for the rest of the run. */
    private String login(String username, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = CSRF.matcher(r.body());
        if (!csrf.find()) throw new IllegalStateException("no csrfToken in " + r.body());
        HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf.group(1))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"push benchmark " + Instant.now() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher tm = TOKEN.matcher(t.body());
        if (t.statusCode() != 201 || !tm.find()) throw new IllegalStateException("token failed: " + t.statusCode() + " " + t.body());
        return tm.group(1);
    }

    private String post(String path, String json) throws Exception {
        return post(token, path, json);
    }

    private String post(String bearer, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }

    private long heapNow() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = HEAP_USED.matcher(r.body());
        if (!m.find()) throw new IllegalStateException("no heapUsedBytes in /health: " + r.body());
        return Long.parseLong(m.group(1));
    }

    private String lastBroadcast() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = LAST_BROADCAST.matcher(body);
        return m.find() ? m.group(1) : "(no lastBroadcast in /health)";
    }

    /** The script passes the server's pid in SERVER_PID so that heap is read after a full GC, not mid-cycle. */
    private long heapAfterGc() throws Exception {
        String pid = System.getenv("SERVER_PID");
        if (pid != null) {
            Process p = new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        return heapNow();
    }

    // ------------------------------------------------------------------ statistics

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long medianOfP99(List<long[]> rounds) {
        long[] p99s = rounds.stream().mapToLong(r -> pct(r, 99)).sorted().toArray();
        return pct(p99s, 50);
    }

    private static long max(long[] sorted) {
        return sorted[sorted.length - 1];
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
