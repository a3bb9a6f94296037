package org.gongkai.web;

import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HEAD answers what GET would, without the body (RFC 9110 9.3.2): link checkers, uptime monitors and proxies ask
 * for the headers of the pages only.
 */
class HeadRequestTest extends ServerTest {
    static final List<String> HEADERS = List.of("Content-Type", "Content-Length", "Cache-Control",
            "Content-Security-Policy", "X-Frame-Options");

    @Test
    void headOfEveryPageAnswersTheHeadersOfItsGetWithoutABody() {
        long id = Fixtures.create(admin, Fixtures.notice("HEAD 也要对")).get("id").asLong();
        Http anyone = server.anonymous();
        for (String path : List.of("/plaza", "/touch", "/admin", "/m/items/" + id, "/plaza-sw.js")) {
            Http.Response get = anyone.get(path);
            Http.Response head = anyone.method("HEAD", path, "");
            assertThat(get.status()).as(path).isEqualTo(200);
            assertThat(head.status()).as("HEAD " + path).isEqualTo(200);
            assertThat(get.bytes().length).as(path).isPositive();
            assertThat(head.bytes()).as("HEAD " + path + " has no body").isEmpty();
            for (String header : HEADERS) {
                assertThat(head.header(header)).as("HEAD " + path + ": " + header).isEqualTo(get.header(header));
            }
            assertThat(Long.parseLong(head.header("Content-Length"))).as("HEAD " + path).isEqualTo(get.bytes().length);
        }
        assertThat(anyone.get("/plaza").header("Content-Type")).startsWith("text/html");
    }

    @Test
    void headOfAnAddressThatLeadsNowhereIsA404LikeItsGet() {
        Http anyone = server.anonymous();
        assertThat(anyone.method("HEAD", "/m/items/abc", "").status()).isEqualTo(anyone.get("/m/items/abc").status()).isEqualTo(404);
    }
}
