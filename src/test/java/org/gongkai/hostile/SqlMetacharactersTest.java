package org.gongkai.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL metacharacters in every query filter: each answer is a 2xx or a 4xx, never a 5xx, and a filter that matches
 * text returns only rows that hold the text literally (a % or _ is not a wildcard, a quote ends nothing).
 */
class SqlMetacharactersTest extends ServerTest {
    static final List<String> PAYLOADS = List.of("'", "\"", ";", "--", "%", "_", "\\", "' OR 1=1 --", "' OR '1'='1",
            "\" OR \"\"=\"", "1; DROP TABLE items; --", "%' --", "_%", "!", "!%", "') OR ('a'='a", "*", "?", "~", "[a]",
            "\\'", "AND", "NOT", "title:x", "\u0000", "%00", "１=１", "' UNION SELECT username, password_hash FROM users --");

    @BeforeAll
    static void content() {
        Fixtures.create(admin, Fixtures.notice("普通通知"));
        Fixtures.create(admin, Fixtures.notice("折扣 50%_off 路径 C:\\temp 的\"引号\"与'单引号'"));
        Fixtures.create(admin, Fixtures.notice("养老保险 O'Brien -- 注释"));
        Http.Response app = admin.post("/api/applications", "{\"channel\":\"letter\",\"subject\":\"50% 的_资金\",\"applicant\":\"O'Brien\",\"contact\":\"--\"}");
        assertThat(app.status()).as(app.body()).isEqualTo(201);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void itemFiltersReturnOnlyLiteralMatches() {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String p : PAYLOADS) {
            for (Http who : List.of(admin, server.anonymous())) {
                Http.Response r = who.get("/api/items?size=100&q=" + enc(p));
                requests++;
                if (p.indexOf('\u0000') >= 0) { // text cannot hold it in PostgreSQL: refused, naming the parameter
                    if (r.status() != 400 || !"q".equals(r.json().path("field").asText())) failures.add("q=NUL: " + r.status() + " " + r.body());
                    continue;
                }
                if (r.status() != 200) {
                    failures.add("q=" + p + ": " + r.status() + " " + r.body());
                    continue;
                }
                for (JsonNode item : r.json().get("items")) {
                    String text = (item.path("title").asText() + "\n" + item.path("summary").asText() + "\n" + item.path("body").asText()).toLowerCase(Locale.ROOT);
                    if (!text.contains(p.strip().toLowerCase(Locale.ROOT))) failures.add("q=" + p + " returned item " + item.get("title"));
                }
                for (String filter : List.of("category", "department", "kind", "status", "lifeEvent", "enterpriseStage")) {
                    Http.Response f = who.get("/api/items?" + filter + "=" + enc(p));
                    requests++;
                    if (f.status() >= 500) failures.add(filter + "=" + p + ": " + f.status() + " " + f.body());
                    else if (f.status() == 200 && f.json().get("total").asLong() != 0) failures.add(filter + "=" + p + " returned " + f.json().get("total") + " rows");
                }
            }
        }
        System.out.println("SqlMetacharactersTest items: " + requests + " requests");
        assertThat(failures).isEmpty();
        assertThat(admin.get("/api/items?q=" + enc("%_off")).json().get("total").asLong()).as("a literal % and _ still match").isEqualTo(1);
        assertThat(admin.get("/api/items?q=" + enc("O'Brien --")).json().get("total").asLong()).as("a quote and -- still match").isEqualTo(1);
    }

    @Test
    void searchAuditApplicationsAndReportsNeverFail() {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String p : PAYLOADS) {
            String e = enc(p);
            for (String path : List.of("/api/search?q=" + e, "/api/search?q=" + e + "&kind=" + e, "/api/audit?q=" + e,
                    "/api/audit?q=" + e + "&format=csv", "/api/audit?from=" + e, "/api/audit?to=" + e,
                    "/api/applications?limit=" + e, "/api/applications/" + e, "/api/applications/lookup?number=" + e + "&code=" + e,
                    "/api/reports/freshness?date=" + e, "/api/reports/freshness?date=2026-11-25&format=" + e,
                    "/api/screen-groups/plaza/timeline?date=" + e, "/api/screen-groups/" + e + "/timeline",
                    "/api/screens?status=" + e, "/api/screens?offline=" + e, "/api/screens/" + e, "/api/screens/" + e + "/plays",
                    "/api/ratings/summary?itemId=" + e, "/api/ratings/summary?from=" + e, "/api/users/" + e,
                    "/api/items/" + e, "/api/items/" + e + "/history", "/s/" + e, "/qr/" + e + ".png", "/qr/" + e + ".svg?size=" + e)) {
                Http.Response r = admin.get(path);
                requests++;
                if (r.status() >= 500 || r.status() < 200) failures.add(path + ": " + r.status() + " " + r.body());
                else if (path.startsWith("/api/search") && r.status() == 200 && r.json().get("total").asLong() > 0
                        && !p.isBlank() && !r.json().toString().contains(p.strip()) && p.chars().noneMatch(Character::isLetterOrDigit)) {
                    failures.add(path + " found " + r.json().get("total") + " items for punctuation alone");
                } else if (path.startsWith("/api/audit?q=") && !path.contains("format") && r.status() == 200) {
                    for (JsonNode entry : r.json()) {
                        String text = (entry.path("actor").asText() + "\n" + entry.path("action").asText() + "\n" + entry.path("target").asText()).toLowerCase(Locale.ROOT);
                        if (!text.contains(p.strip().toLowerCase(Locale.ROOT))) failures.add(path + " returned entry " + entry);
                    }
                }
            }
        }
        System.out.println("SqlMetacharactersTest other filters: " + requests + " requests");
        assertThat(failures).isEmpty();
        assertThat(admin.get("/api/items?size=1").json().get("total").asLong()).as("nothing was dropped").isGreaterThanOrEqualTo(3);
        assertThat(admin.get("/api/applications").json()).hasSize(1);
    }
}
