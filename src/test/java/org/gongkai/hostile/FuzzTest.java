package org.gongkai.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to every write endpoint and to the screen WebSocket: valid bodies mutated at random (fields dropped,
 * duplicated, renamed, given the wrong type, null, huge, deeply nested, out of range, invalid UTF-8), and bodies
 * that are not JSON at all. The server must answer each with a 4xx (a mutation that stays valid may succeed), never
 * a 5xx, never hang, and stay healthy. Each run uses the fixed seed and a fresh one, both printed; -Dfuzz.seed=N
 * replays one seed alone.
 */
class FuzzTest extends ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIXED_SEED = 20261125L;
    private static final Long REPLAY_SEED = Long.getLong("fuzz.seed");
    private static final long FRESH_SEED = new java.security.SecureRandom().nextLong();
    /** The screen socket's stated limit (App: setMaxTextMessageSize; docs/API.md). */
    private static final int WS_MAX_MESSAGE_BYTES = 256 * 1024;
    private static final long MAX_BODY_BYTES = org.gongkai.config.ConfigLoader.defaults().server().maxBodyBytes();
    private static final int MUTATIONS_PER_ENDPOINT = Integer.getInteger("fuzz.mutations", 40);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static String token;
    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>(); // "METHOD path" -> valid body

    @BeforeAll
    static void validBodies() {
        seeds().forEach(seed -> System.out.println("FuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")"));
        token = admin.post("/api/tokens", "{\"name\":\"fuzz\"}").json().get("token").asText();
        Http editor = server.user("fuzz-editor", "editor", "hrss");
        ObjectNode draft = Fixtures.notice("草稿");
        draft.put("status", "submitted");
        long submitted = editor.post("/api/items", draft.toString()).json().get("id").asLong();
        long policy = Fixtures.create(admin, policy()).get("id").asLong();
        long user = admin.post("/api/users", "{\"username\":\"fuzz.target\",\"displayName\":\"靶子\",\"password\":\"fuzz-password\",\"role\":\"viewer\"}")
                .json().get("id").asLong();
        String application = admin.post("/api/applications", application()).json().get("number").asText();
        String screen = PairedScreen.pair(server, admin, "hall").id();
        long published = Fixtures.create(admin, Fixtures.notice("评价对象")).get("id").asLong();

        ENDPOINTS.put("POST /api/login", "{\"username\":\"nobody\",\"password\":\"wrong-password\"}");
        ENDPOINTS.put("POST /api/tokens", "{\"name\":\"CMS sync\"}");
        ENDPOINTS.put("POST /api/users", "{\"username\":\"li.na\",\"displayName\":\"李娜\",\"password\":\"li-na-password\",\"role\":\"editor\",\"department\":\"hrss\"}");
        ENDPOINTS.put("PUT /api/users/" + user, "{\"displayName\":\"靶子\",\"role\":\"viewer\",\"department\":\"\",\"disabled\":false}");
        ENDPOINTS.put("POST /api/users/" + user + "/password", "{\"password\":\"a-new-password\"}");
        ENDPOINTS.put("POST /api/me/password", "{\"currentPassword\":\"not-the-password\",\"newPassword\":\"change-me-later\"}");
        ENDPOINTS.put("POST /api/items notice", Fixtures.notice("通知").put("status", "draft").toString());
        ENDPOINTS.put("POST /api/items guide", guide().toString());
        ENDPOINTS.put("POST /api/items policy", policy().toString());
        ENDPOINTS.put("POST /api/items interpretation", interpretation(policy).toString());
        ENDPOINTS.put("POST /api/items alert", Fixtures.alert("yellow").toString());
        ENDPOINTS.put("PUT /api/items/" + submitted, guide().put("version", 1).toString());
        ENDPOINTS.put("POST /api/items/preview", guide().toString());
        ENDPOINTS.put("POST /api/items/" + submitted + "/approve", "{\"version\":1}");
        ENDPOINTS.put("POST /api/items/" + submitted + "/return", "{\"reason\":\"电话号码有误\"}");
        ENDPOINTS.put("POST /api/ratings", "{\"level\":4,\"reasons\":[\"clear\",\"easy\"],\"context\":\"item\",\"itemId\":" + published + ",\"screenId\":\"" + screen + "\"}");
        ENDPOINTS.put("POST /api/usage/views", "{\"itemId\":" + published + ",\"screenId\":\"" + screen + "\"}");
        ENDPOINTS.put("POST /api/applications", application());
        ENDPOINTS.put("POST /api/applications/" + application + "/status", "{\"status\":\"answered\",\"replyType\":\"disclosed\",\"on\":\"" + LocalDate.now() + "\"}");
        ENDPOINTS.put("POST /api/departments", "{\"code\":\"public-security\",\"name\":\"示范县公安局\",\"nameEn\":\"Public Security Bureau\",\"phone\":\"0000-5550111\"}");
        ENDPOINTS.put("PUT /api/departments/weather", "{\"name\":\"县气象局\",\"nameEn\":\"Weather\",\"phone\":\"0000-5550110\"}");
        ENDPOINTS.put("POST /api/screen-groups", "{\"code\":\"lobby\",\"name\":\"办公楼大堂屏\",\"nameEn\":\"Office lobby\",\"defaultDurationSeconds\":20,\"viewingDistanceMeters\":6,\"screenHeightMeters\":1.2,\"nightStart\":\"22:00\",\"nightEnd\":\"07:00\"}");
        ENDPOINTS.put("PUT /api/screen-groups/hall", "{\"name\":\"大厅屏\",\"nameEn\":\"Hall\",\"defaultDurationSeconds\":15,\"viewingDistanceMeters\":5}");
        ENDPOINTS.put("POST /api/screens/pair", "{\"code\":\"433421\",\"name\":\"广场东侧LED\",\"group\":\"plaza\"}");
        ENDPOINTS.put("PUT /api/screens/" + screen, "{\"name\":\"一楼查询机A\",\"group\":\"hall\",\"status\":\"active\"}");
        ENDPOINTS.put("POST /api/items/" + submitted + "/submit", "");
        ENDPOINTS.put("POST /api/logout", "");
    }

    static ObjectNode guide() {
        ObjectNode g = Fixtures.notice("居民身份证换领").put("kind", "guide").put("category", "office-guides").put("status", "draft");
        g.putArray("tags").add("身份证");
        g.putArray("targetGroups").add("hall");
        g.putObject("schedule").putArray("days").add(1).add(2);
        ((ObjectNode) g.get("schedule")).putArray("hours").addObject().put("from", "08:30").put("to", "17:30");
        ObjectNode guide = g.putObject("guide").put("implementingBody", "示范县公安局").put("statutoryDays", 60).put("promisedDays", 20).put("visits", 1);
        guide.putArray("conditions").add("有效期满前三个月内");
        guide.putArray("materials").addObject().put("name", "原居民身份证").put("form", "original").put("originals", 1).put("copies", 0).put("format", "paper");
        guide.putArray("steps").addObject().put("name", "申请").put("description", "本人到窗口");
        guide.putArray("fees").addObject().put("item", "工本费").put("standard", "20元").put("waivable", false);
        guide.putObject("place").put("hall", "政务服务中心").put("floor", "一楼").put("window", "3号");
        guide.putArray("faq").addObject().put("q", "可以异地换领吗？").put("a", "可以。");
        guide.put("onlineUrl", "https://zwfw.example.gov.cn/item/sfz-hl");
        return g;
    }

    static ObjectNode policy() {
        ObjectNode p = Fixtures.notice("临时救助办法").put("kind", "policy").put("category", "policy-documents");
        p.putObject("policy").put("indexNumber", "000000000/2026-00230").put("issuingBody", "示范县人民政府")
                .put("documentNumber", "示政发〔2026〕9号").put("writtenDate", "2026-11-20").put("publishedDate", "2026-11-23").put("subject", "社会保障");
        return p;
    }

    static ObjectNode interpretation(long policy) {
        ObjectNode i = Fixtures.notice("《临时救助办法》问答").put("kind", "interpretation").put("category", "interpretations").put("status", "draft");
        i.putObject("interpretation").put("policyId", policy).put("form", "qa").put("interpreter", "示范县民政局");
        return i;
    }

    static String application() {
        return "{\"channel\":\"in_person\",\"subject\":\"道路建设资金\",\"applicant\":\"张三\",\"contact\":\"13800000000\",\"receivedOn\":\"" + LocalDate.now().minusDays(1) + "\"}";
    }

    record Answer(int status, String body) {}

    static Answer send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(-1, "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (java.io.IOException e) {
            // The server may close the connection on a body it refuses before reading it all (413): not a hang.
            return new Answer(-2, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The fixed seed and a fresh one each run; only the one asked for when replaying. */
    static java.util.stream.Stream<Long> seeds() {
        return REPLAY_SEED != null ? java.util.stream.Stream.of(REPLAY_SEED) : java.util.stream.Stream.of(FIXED_SEED, FRESH_SEED);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void everyWriteEndpointAnswersHostileBodiesWithA4xx(long seed) {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        long started = System.nanoTime();
        for (var e : ENDPOINTS.entrySet()) {
            String[] parts = e.getKey().split(" ");
            String method = parts[0];
            String path = parts[1];
            // approve takes an optional body; submit and logout take none and ignore whatever comes
            boolean bodyRequired = !e.getValue().isEmpty() && !path.endsWith("/approve");
            List<Mutant> mutants = new ArrayList<>(fixedHostileBodies(e.getValue(), bodyRequired, seed));
            JsonNode valid = e.getValue().isEmpty() ? JSON.createObjectNode() : read(e.getValue());
            for (int i = 0; i < MUTATIONS_PER_ENDPOINT; i++) mutants.add(mutate(valid, random));
            for (Mutant m : mutants) {
                Answer a = send(method, path, m.body(), m.contentType());
                requests++;
                String what = e.getKey() + " with " + m.what() + " (seed " + seed + "): " + a.status() + " " + abbreviate(a.body())
                        + " | body " + abbreviate(new String(m.body(), StandardCharsets.UTF_8));
                // A server may answer 413 before it has read a body over its stated limit (server.maxBodyBytes) and
                // close the connection; the client, still uploading, then loses the answer. Only there is that allowed.
                if (a.status() == -2 && m.body().length > MAX_BODY_BYTES) continue;
                if (a.status() < 200 || a.status() >= 500) failures.add(what);
                else if (m.mustFail() && !e.getValue().isEmpty() && a.status() < 400) failures.add("accepted " + what);
                else if (a.status() >= 400 && !a.body().contains("\"error\"")) failures.add("no JSON error: " + what);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("FuzzTest HTTP: %d requests to %d endpoints in %.1f s%n", requests, ENDPOINTS.size(), seconds);
        assertThat(failures).as("seed " + seed).isEmpty();
        assertHealthy();
    }

    /**
     * POST /api/cap takes XML, not JSON: hostile XML (entities reading a file or calling a local URL, an entity bomb,
     * broken, truncated, GBK labelled but not, huge) and random mutations of a real CAP message answer 2xx or a 4xx
     * with a JSON error, never a 5xx or a hang.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void capAnswersHostileXmlWithA4xx(long seed) throws java.io.IOException {
        String valid;
        try (var in = FuzzTest.class.getResourceAsStream("/cap/typhoon-orange.xml")) {
            valid = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String ns = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">";
        List<Mutant> mutants = new ArrayList<>();
        mutants.add(new Mutant("XXE reading /etc/passwd", ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + ns + "<identifier>&x;</identifier></alert>").getBytes(StandardCharsets.UTF_8), "application/cap+xml", true));
        mutants.add(new Mutant("XXE calling a local URL", ("<?xml version=\"1.0\"?><!DOCTYPE a SYSTEM \"http://127.0.0.1:" + server.app.port()
                + "/health\">" + ns + "</alert>").getBytes(StandardCharsets.UTF_8), "application/cap+xml", true));
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        mutants.add(new Mutant("billion laughs", (bomb + "]>" + ns + "&lol9;</alert>").getBytes(StandardCharsets.UTF_8), "application/cap+xml", true));
        mutants.add(new Mutant("broken XML", "<alert><identifier>".getBytes(StandardCharsets.UTF_8), "application/cap+xml", true));
        mutants.add(new Mutant("truncated CAP", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8), "application/cap+xml", true));
        mutants.add(new Mutant("UTF-8 labelled GBK", valid.replace("UTF-8", "GBK").getBytes(StandardCharsets.UTF_8), "application/xml", false));
        mutants.add(new Mutant("an empty body", new byte[0], "application/cap+xml", true));
        mutants.add(new Mutant("JSON", "{}".getBytes(StandardCharsets.UTF_8), "application/json", true));
        mutants.add(new Mutant("an Atom feed", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(StandardCharsets.UTF_8), "application/xml", true));
        mutants.add(new Mutant("no identifier", (ns + "</alert>").getBytes(StandardCharsets.UTF_8), "application/cap+xml", true));
        mutants.add(new Mutant("a bad date", valid.replaceFirst("<sent>[^<]*", "<sent>昨天").getBytes(StandardCharsets.UTF_8), "application/cap+xml", true));
        mutants.add(new Mutant("a NUL character reference", valid.replaceFirst("<headline>", "<headline>&#0;").getBytes(StandardCharsets.UTF_8), "application/cap+xml", true));
        byte[] big = new byte[(int) MAX_BODY_BYTES + 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        mutants.add(new Mutant("a body over server.maxBodyBytes", big, "application/cap+xml", true));
        Random random = new Random(seed);
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < MUTATIONS_PER_ENDPOINT; i++) {
            byte[] m = bytes.clone();
            for (int j = 0; j < 1 + random.nextInt(8); j++) m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            String text = new String(m, StandardCharsets.UTF_8).replace("42000041600000_20260801080000", "fuzz-" + seed + "-" + i);
            mutants.add(new Mutant("random bytes changed (" + i + ")", text.getBytes(StandardCharsets.UTF_8), "application/cap+xml", false));
        }
        List<String> failures = new ArrayList<>();
        for (Mutant m : mutants) {
            Answer a = send("POST", "/api/cap", m.body(), m.contentType());
            String what = "POST /api/cap with " + m.what() + " (seed " + seed + "): " + a.status() + " " + abbreviate(a.body());
            if (a.status() == -2 && m.body().length > MAX_BODY_BYTES) continue;
            if (a.status() < 200 || a.status() >= 500) failures.add(what);
            else if (m.mustFail() && a.status() < 400) failures.add("accepted " + what);
            else if (a.status() >= 400 && !a.body().contains("\"error\"")) failures.add("no JSON error: " + what);
            else if (a.body().contains("root:x:0")) failures.add("leaked /etc/passwd: " + what);
        }
        assertThat(failures).as("seed " + seed).isEmpty();
        assertHealthy();
    }

    record Mutant(String what, byte[] body, String contentType, boolean mustFail) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        static Mutant of(String what, String body, boolean mustFail) {
            return new Mutant(what, body.getBytes(StandardCharsets.UTF_8), "application/json", mustFail);
        }
    }

    /** The same hostile shapes for every endpoint. */
    static List<Mutant> fixedHostileBodies(String valid, boolean bodyRequired, long seed) {
        List<Mutant> out = new ArrayList<>();
        boolean hasBody = !valid.isEmpty();
        out.add(Mutant.of("an empty body", "", bodyRequired));
        out.add(Mutant.of("non-JSON", "this is not json", true));
        out.add(Mutant.of("XML", "<item><title>x</title></item>", true));
        out.add(Mutant.of("form data", "title=x&kind=notice", true));
        out.add(Mutant.of("a JSON array", "[1,2,3]", true));
        out.add(Mutant.of("JSON null", "null", true));
        out.add(Mutant.of("a JSON string", "\"x\"", true));
        out.add(Mutant.of("a truncated object", hasBody ? valid.substring(0, valid.length() / 2) : "{\"a\":", true));
        out.add(Mutant.of("trailing data", (hasBody ? valid : "{}") + "{}", true));
        out.add(Mutant.of("10 000 levels of arrays", "[".repeat(10_000) + "]".repeat(10_000), true));
        out.add(Mutant.of("10 000 levels of objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), true));
        StringBuilder fields = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) fields.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        out.add(Mutant.of("5 000 unknown fields", fields.append('}').toString(), true));
        out.add(Mutant.of("a 1 MB string", "{\"title\":\"" + "长".repeat(350_000) + "\"}", true));
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        out.add(new Mutant("a 10 MB body", big, "application/json", true));
        byte[] utf8 = ("{\"title\":\"xx\",\"name\":\"yy\"}").getBytes(StandardCharsets.UTF_8);
        utf8[11] = (byte) 0xC3;
        utf8[12] = (byte) 0x28;
        utf8[22] = (byte) 0xFF;
        out.add(new Mutant("invalid UTF-8", utf8, "application/json", true));
        byte[] binary = new byte[4096];
        new Random(seed).nextBytes(binary);
        out.add(new Mutant("random bytes", binary, "application/octet-stream", true));
        if (hasBody) {
            String invalidInValue = valid.replaceFirst("\":\"", "\":\"\u0000\\\\ud800");
            out.add(Mutant.of("a NUL and a lone surrogate escape in a value", invalidInValue, false));
            out.add(new Mutant("no Content-Type", valid.getBytes(StandardCharsets.UTF_8), null, false));
            out.add(new Mutant("text/plain", valid.getBytes(StandardCharsets.UTF_8), "text/plain", false));
        }
        return out;
    }

    /** One random mutation of a valid body: its description says what was done, for the failure message. */
    static Mutant mutate(JsonNode valid, Random random) {
        JsonNode copy = valid.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(copy, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String field = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        int op = random.nextInt(12);
        String what;
        switch (op) {
            case 0 -> { target.remove(field); what = "'" + field + "' dropped"; }
            case 1 -> {
                String text = copy.toString();
                String dup = text.replaceFirst("\\{", "{\"" + field + "\":" + hostileValue(random) + ",");
                return Mutant.of("'" + field + "' duplicated", dup, false);
            }
            case 2 -> {
                JsonNode v = target.remove(field);
                String renamed = randomName(random);
                target.set(renamed, v == null ? JsonNodeFactory.instance.nullNode() : v);
                what = "'" + field + "' renamed to '" + renamed + "'";
            }
            case 3 -> { target.putNull(field); what = "'" + field + "' null"; }
            case 4 -> { target.put(field, "长".repeat(100_000 + random.nextInt(200_000))); what = "'" + field + "' a huge string"; }
            case 5 -> {
                String raw = copy.toString().replaceFirst("\"" + java.util.regex.Pattern.quote(field) + "\":", "\"" + field + "\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"zz\":");
                return Mutant.of("'" + field + "' nested 10 000 deep", raw, true);
            }
            case 6 -> {
                for (int i = 0; i < 2000 + random.nextInt(3000); i++) target.put(randomName(random) + i, i);
                what = "thousands of fields beside '" + field + "'";
            }
            case 7 -> {
                String number = List.of("1e400", "-1e400", "99999999999999999999999999999999999999", "2147483648", "-2147483649",
                        "9223372036854775808", "-0", "1.5", "0.0000000001", "-1", "1E2", "123456789012345678901234567890123456789012345678").get(random.nextInt(12));
                String raw = copy.toString();
                ObjectNode marker = target;
                marker.put(field, "\u0001NUMBER\u0001");
                raw = copy.toString().replace("\"\\u0001NUMBER\\u0001\"", number);
                return Mutant.of("'" + field + "' = " + number, raw, false);
            }
            case 8 -> {
                String raw = copy.toString();
                byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
                int at = raw.indexOf("\":\"");
                if (at < 0) return mutate(valid, random);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, raw.substring(0, at + 3).getBytes(StandardCharsets.UTF_8).length);
                byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
                byte[] b = bad[random.nextInt(bad.length)];
                out.write(b, 0, b.length);
                int prefix = raw.substring(0, at + 3).getBytes(StandardCharsets.UTF_8).length;
                out.write(bytes, prefix, bytes.length - prefix);
                return new Mutant("invalid UTF-8 in a string", out.toByteArray(), "application/json", true);
            }
            case 9 -> {
                ArrayNode list = target.putArray(field);
                for (int i = 0; i < 1000 + random.nextInt(4000); i++) list.add(random.nextBoolean() ? "x" + i : String.valueOf(i));
                what = "'" + field + "' a list of thousands";
            }
            case 10 -> {
                String s = List.of("", " ", "\u0000", "\t\n", "'; DROP TABLE items; --", "<script>alert(1)</script>", "../../etc/passwd",
                        "\ud83d\ude00", "\u202e", "a".repeat(65), "2026-02-30", "25:99", "-1", "NaN", "-999999999-01-01",
                        "+999999999-12-31", "0001-01-01", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00+18:00")
                        .get(random.nextInt(19));
                target.put(field, s);
                what = "'" + field + "' = '" + s + "'";
            }
            default -> {
                JsonNode v = read(hostileValue(random));
                target.set(field, v);
                what = "'" + field + "' = " + v;
            }
        }
        return Mutant.of(what, copy.toString(), false);
    }

    static String hostileValue(Random random) {
        return List.of("true", "false", "0", "-5", "3.14", "\"\"", "\"x\"", "[]", "{}", "[null]", "{\"a\":{}}", "[1,\"a\",{}]", "null",
                "\"2026-11-23T08:00:00+08:00\"", "[[[[]]]]").get(random.nextInt(15));
    }

    static String randomName(Random random) {
        String[] names = {"", " ", "__proto__", "constructor", "$where", "tItle", "kind ", "名字", "a.b", "a[0]", "\u0000", "x".repeat(300)};
        return names[random.nextInt(names.length)];
    }

    static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) out.add(o);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) collectObjects(it.next(), out);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }

    /** /health answers 200 and a normal publish still reaches a screen. */
    static void assertHealthy() {
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
        PairedScreen observer = PairedScreen.pair(server, admin, "plaza");
        try (ScreenClient screen = observer.client()) {
            long id = Fixtures.create(admin, Fixtures.notice("模糊测试之后的通知 " + System.nanoTime())).get("id").asLong();
            screen.await(m -> "change".equals(m.path("type").asText()) && m.path("items").toString().contains("\"id\":" + id), 5000, "change with the new item");
        }
    }

    /**
     * Found by seed 424242: {"receivedOn": -2147483649} was read as a day six million years ago, and counting the
     * working days left from it held a server thread for good. Dates far away, as text or as numbers, are a 400.
     */
    @Test
    void farAwayDatesAreRefusedAtOnce() {
        String number = admin.post("/api/applications", application()).json().get("number").asText();
        for (String date : List.of("-2147483649", "0", "1e9", "\"-999999999-01-01\"", "\"0001-01-01\"", "\"+999999999-12-31\"")) {
            String create = application().replaceFirst("\"receivedOn\":\"[^\"]*\"", "\"receivedOn\":" + date);
            Answer created = send("POST", "/api/applications", create.getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(created.status()).as(date + ": " + created.body()).isEqualTo(400);
            assertThat(read(created.body()).get("field").asText()).isEqualTo("receivedOn");
            Answer moved = send("POST", "/api/applications/" + number + "/status",
                    ("{\"status\":\"handling\",\"on\":" + date + "}").getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(moved.status()).as(date + ": " + moved.body()).isEqualTo(400);
            assertThat(read(moved.body()).get("field").asText()).isEqualTo("on");
        }
        ObjectNode item = Fixtures.notice("很久以后").put("status", "draft").put("publishStart", 1_000_000_000);
        Answer numeric = send("POST", "/api/items", item.toString().getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(numeric.status()).as(numeric.body()).isEqualTo(400);
        assertThat(read(numeric.body()).get("field").asText()).isEqualTo("publishStart");
    }

    /** Dates at the ends of their types in every body field that takes one: years outside 1900-9999 are a 400. */
    @Test
    void extremeDatesInBodiesAreA4xx() {
        List<String> dateTimes = List.of("+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00",
                "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "1900-01-01T00:00:00+08:00");
        List<String> dates = List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "+10000-01-01");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String kind : new String[]{"alert", "policy"}) {
            for (String field : new String[]{"publishStart", "publishEnd"}) {
                for (String v : dateTimes) {
                    ObjectNode item = kind.equals("alert") ? Fixtures.alert("blue") : policy().put("status", "draft");
                    item.put(field, v);
                    Answer a = send("POST", "/api/items", item.toString().getBytes(StandardCharsets.UTF_8), "application/json");
                    requests++;
                    boolean sane = v.startsWith("1900");
                    if (a.status() < 200 || a.status() >= 500 || !sane && a.status() != 400) failures.add(kind + "." + field + "=" + v + ": " + a.status() + " " + abbreviate(a.body()));
                }
            }
        }
        for (String field : new String[]{"writtenDate", "publishedDate"}) {
            for (String v : dates) {
                ObjectNode item = policy().put("status", "draft");
                ((ObjectNode) item.get("policy")).put(field, v);
                Answer a = send("POST", "/api/items", item.toString().getBytes(StandardCharsets.UTF_8), "application/json");
                requests++;
                if (a.status() != 400) failures.add("policy." + field + "=" + v + ": " + a.status() + " " + abbreviate(a.body()));
            }
        }
        System.out.println("FuzzTest extreme dates in bodies: " + requests + " requests");
        assertThat(failures).isEmpty();
        assertHealthy();
    }

    /** Dates and numbers at the ends of their types in every query parameter that takes one. */
    @Test
    void extremeQueryValuesAreAnsweredQuickly() {
        String screen = admin.get("/api/screens").json().get(0).get("id").asText();
        List<String> values = List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "9999-12-31", "1970-01-01",
                "+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00", "2026-11-25T08:00:00+08:00",
                "9223372036854775807", "-9223372036854775808", "2147483647", "-1", "0", "1e400", "NaN", "");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String v : values) {
            String e = java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
            for (String path : List.of("/api/reports/freshness?date=" + e, "/api/reports/freshness?format=csv&date=" + e,
                    "/api/screen-groups/plaza/timeline?date=" + e, "/api/screens/" + screen + "/playlist?at=" + e,
                    "/api/screens/" + screen + "/plays?limit=" + e, "/api/audit?from=" + e, "/api/audit?to=" + e,
                    "/api/audit?limit=" + e, "/api/ratings/summary?from=" + e, "/api/ratings/summary?itemId=" + e,
                    "/api/usage/popular?screen=" + screen + "&limit=" + e, "/api/usage/popular?screen=" + e,
                    "/api/items?page=" + e, "/api/items?size=" + e, "/api/items/" + e, "/api/search?q=x&page=" + e,
                    "/api/applications?limit=" + e, "/qr/ZZZZZZ.png?size=" + e)) {
                Answer a = send("GET", path, null, null);
                requests++;
                if (a.status() < 200 || a.status() >= 500) failures.add(path + ": " + a.status() + " " + abbreviate(a.body()));
            }
        }
        System.out.println("FuzzTest extreme query values: " + requests + " requests");
        assertThat(failures).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void theScreenSocketAnswersHostileFramesAndSurvives(long seed) {
        Random random = new Random(seed + 1);
        PairedScreen bystander = PairedScreen.pair(server, admin, "plaza");
        List<String> messages = new ArrayList<>();
        for (String type : new String[]{"hello", "ack", "ping", "played", "bye", "", "HELLO"}) {
            for (int i = 0; i < 12; i++) messages.add(screenMessage(type, bystander, random));
        }
        for (int i = 0; i < 30; i++) messages.add(mutate(read(screenMessage("hello", bystander, random)), random).bodyText());
        messages.add("not json");
        messages.add("[1,2]");
        messages.add("null");
        messages.add("");
        messages.add("[".repeat(10_000) + "]".repeat(10_000));
        messages.add("{\"type\":\"hello\",\"kind\":\"plaza\",\"junk\":\"" + "x".repeat(200_000) + "\"}");
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<byte[]> oversized = new ArrayList<>();
        int sent = 0;
        try (RawSocket raw = new RawSocket(server.app.port())) {
            List<String> expected = new ArrayList<>();
            for (String m : messages) {
                byte[] bytes = m.getBytes(StandardCharsets.UTF_8);
                if (bytes.length > WS_MAX_MESSAGE_BYTES) { // tried below, on a connection of its own
                    oversized.add(bytes);
                    continue;
                }
                raw.text(bytes);
                sent++;
                String answer = expectedAnswer(m);
                if (answer != null) expected.add(answer);
            }
            failures.addAll(raw.awaitAnswers(expected, 10_000));
            assertThat(raw.closeCode()).as("the server kept the connection open through frames within its limit").isNull();
        }
        // frames no well-behaved client sends: the server closes with the code that says why
        record Refused(String what, int code, java.util.function.Consumer<RawSocket> send) {}
        List<Refused> refused = new ArrayList<>(List.of(
                new Refused("invalid UTF-8 in a text frame", 1007, r -> r.text(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF})),
                new Refused("a text frame over the 256 KiB limit", 1009, r -> r.text(new byte[300 * 1024])),
                new Refused("an 8 EiB frame announced", 1009, r -> r.headerOnly(0x1, Long.MAX_VALUE)),
                new Refused("a 100 kB binary frame", 1009, r -> r.binary(new byte[100_000])),
                new Refused("a reserved opcode", 1002, r -> r.frame(0x3, new byte[]{1}))));
        oversized.forEach(m -> refused.add(new Refused("a " + m.length + "-byte message", 1009, r -> r.text(m))));
        try (RawSocket raw = new RawSocket(server.app.port())) { // binary frames are ignored, the socket stays usable
            raw.binary(new byte[]{1, 2, 3, 4});
            raw.text("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            sent += 2;
            failures.addAll(raw.awaitAnswers(List.of("pong"), 10_000));
        }
        for (Refused r : refused) {
            try (RawSocket raw = new RawSocket(server.app.port())) {
                r.send().accept(raw);
                sent++;
                Integer code = raw.awaitClose(10_000);
                if (code == null || code != r.code()) failures.add(r.what() + ": closed with " + code + ", expected " + r.code());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("FuzzTest WebSocket: %d frames in %.1f s (seed %d)%n", sent, seconds, seed + 1);
        assertThat(failures).as("seed " + seed).isEmpty();
        try (ScreenClient screen = bystander.client()) {
            long id = Fixtures.create(admin, Fixtures.notice("旁观屏仍收到 " + System.nanoTime())).get("id").asLong();
            screen.await(m -> "change".equals(m.path("type").asText()) && m.path("items").toString().contains("\"id\":" + id), 5000,
                    "change on the screen that watched the fuzzing");
        }
        assertHealthy();
    }

    /**
     * What the server must answer a text message with, as "type" or "error:words in the error": an error for
     * anything that is not a JSON object with a known type, pong for ping, welcome or an error naming the kind for
     * hello; null where no answer is promised (ack and played reply only to what they can use).
     */
    static String expectedAnswer(String message) {
        JsonNode m;
        try { // valid JSON as the server defines it (no trailing data, no duplicate keys, nesting and size limits)
            m = org.gongkai.web.Json.MAPPER.readTree(message);
        } catch (Exception e) {
            return "error:JSON";
        }
        if (m == null || !m.isObject() || !m.path("type").isTextual()) return "error:JSON object with a type";
        return switch (m.get("type").asText()) {
            case "ping" -> "pong";
            case "hello" -> m.path("kind").asText("").matches("plaza|touch") ? "welcome" : "error:plaza or touch";
            case "ack", "played" -> null;
            default -> "error:unknown message type";
        };
    }

    /** A message of the type with fields of the wrong kind. */
    static String screenMessage(String type, PairedScreen someone, Random random) {
        ObjectNode m = JSON.createObjectNode().put("type", type);
        String[] fields = switch (type) {
            case "hello" -> new String[]{"kind", "screenId", "secret", "width", "height", "lastVersion"};
            case "ack" -> new String[]{"version", "itemId", "itemVersion"};
            case "played" -> new String[]{"batch", "plays"};
            default -> new String[]{"x"};
        };
        for (String f : fields) {
            if (random.nextInt(4) == 0) continue;
            m.set(f, read(hostileValue(random)));
        }
        if (type.equals("hello") && random.nextBoolean()) m.put("kind", random.nextBoolean() ? "plaza" : "touch");
        if (type.equals("hello") && random.nextInt(3) == 0) m.put("screenId", someone.id()).put("secret", "wrong");
        if (type.equals("played") && random.nextBoolean()) {
            ArrayNode plays = m.putArray("plays");
            for (int i = 0; i < 1 + random.nextInt(600); i++) {
                ObjectNode p = plays.addObject();
                p.set("itemId", read(hostileValue(random)));
                p.set("itemVersion", read(hostileValue(random)));
                p.put("start", random.nextBoolean() ? OffsetDateTime.now().toString() : "9999-99-99");
                p.set("durationMs", read(random.nextBoolean() ? "1e300" : hostileValue(random)));
            }
        }
        return m.toString();
    }

    /**
     * A WebSocket client on a plain socket, so that it can send frames java.net.http would refuse to build; it reads
     * the server's frames: text messages and the close code.
     */
    static final class RawSocket implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final Thread reader;
        private final List<String> texts = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile Integer closeCode;

        RawSocket(int port) {
            try {
                socket = new java.net.Socket("127.0.0.1", port);
                socket.setSoTimeout(20_000);
                out = socket.getOutputStream();
                out.write(("GET /ws/screen HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) throw new IllegalStateException("closed during the handshake: " + head);
                    head.append((char) c);
                }
                assertThat(head.toString()).startsWith("HTTP/1.1 101");
                reader = new Thread(() -> readFrames(in), "fuzz-ws-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (java.io.IOException e) {
                throw new AssertionError("could not open a WebSocket: " + e, e);
            }
        }

        /** Reads the server's (unmasked) frames until it closes: text messages are kept, a close frame's code too. */
        private void readFrames(java.io.DataInputStream in) {
            java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
            try {
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    long len = b1 & 0x7f;
                    if (len == 126) len = in.readUnsignedShort();
                    else if (len == 127) len = in.readLong();
                    byte[] payload = new byte[(int) len];
                    in.readFully(payload);
                    int opcode = b0 & 0x0f;
                    if (opcode == 0x8) {
                        closeCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                        return;
                    }
                    if (opcode == 0x1 || opcode == 0x0) {
                        message.write(payload);
                        if ((b0 & 0x80) != 0) {
                            texts.add(message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                }
            } catch (java.io.IOException e) {
                if (closeCode == null) closeCode = 1006; // gone without a close frame
            }
        }

        /** Waits until every expected answer came (each answer used once); returns what is missing or malformed. */
        List<String> awaitAnswers(List<String> expected, long timeoutMillis) {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            List<String> missing;
            while (true) {
                List<String> answers;
                synchronized (texts) {
                    answers = new ArrayList<>(texts);
                }
                List<String> problems = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                for (String a : answers) {
                    JsonNode m = read(a);
                    String type = m.path("type").asText();
                    if (!type.matches("welcome|snapshot|change|pong|error|played")) problems.add("unknown answer " + abbreviate(a));
                    if (type.equals("error") && m.path("error").asText("").isBlank()) problems.add("error without words " + a);
                    kinds.add(type.equals("error") ? "error:" + m.path("error").asText() : type);
                }
                missing = new ArrayList<>();
                for (String want : expected) {
                    java.util.Optional<String> match = kinds.stream().filter(k -> want.startsWith("error:")
                            ? k.startsWith("error:") && k.contains(want.substring(6)) : k.equals(want)).findFirst();
                    if (match.isPresent()) kinds.remove(match.get());
                    else missing.add("no answer " + want);
                }
                if (!problems.isEmpty()) return problems;
                if (missing.isEmpty()) return missing;
                if (System.currentTimeMillis() > deadline || closeCode != null) {
                    missing.add("answers left unmatched: " + kinds);
                    return missing;
                }
                sleep(50);
            }
        }

        Integer closeCode() {
            return closeCode;
        }

        /** The code of the server's close frame (1006: dropped without one), or null if it stayed open. */
        Integer awaitClose(long timeoutMillis) {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (closeCode == null && System.currentTimeMillis() < deadline) sleep(20);
            return closeCode;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void text(byte[] payload) {
            frame(0x1, payload);
        }

        void binary(byte[] payload) {
            frame(0x2, payload);
        }

        void frame(int opcode, byte[] payload) {
            try {
                writeHeader(opcode, payload.length);
                byte[] masked = payload.clone(); // mask key 0: the payload goes as it is
                out.write(masked);
                out.flush();
            } catch (java.io.IOException e) {
                // the server closed the connection: its close code says why
            }
        }

        void headerOnly(int opcode, long length) {
            try {
                writeHeader(opcode, length);
                out.flush();
            } catch (java.io.IOException e) {
                // the server closed the connection: its close code says why
            }
        }

        private void writeHeader(int opcode, long length) throws java.io.IOException {
            out.write(0x80 | opcode);
            if (length < 126) {
                out.write(0x80 | (int) length);
            } else if (length < 65536) {
                out.write(0x80 | 126);
                out.write((int) (length >> 8));
                out.write((int) length);
            } else {
                out.write(0x80 | 127);
                for (int i = 7; i >= 0; i--) out.write((int) (length >> (8 * i)));
            }
            out.write(new byte[4]);
        }

        @Override
        public void close() {
            try {
                socket.close();
                reader.join(2000);
            } catch (Exception ignored) {
                // closing
            }
        }
    }
}
