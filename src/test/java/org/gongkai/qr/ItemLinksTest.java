package org.gongkai.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside addresses in a published item get a short link and a QR code of their own, so that a kiosk can hand
 * them to a phone instead of opening them; nothing else does (no open redirect, no QR for any address one sends).
 */
class ItemLinksTest extends ServerTest {
    static final String ONLINE = "https://zwfw.example.gov.cn/item/jzz-bl?from=kiosk&x=1";
    static final String IN_BODY = "https://xxgk.example.gov.cn/gkml/2026/fj1.pdf";
    static final String SOURCE = "https://xxgk.example.gov.cn/tzgg/2026-300.html";

    static JsonNode guideWithLinks(String title) {
        ObjectNode n = Fixtures.notice(title);
        n.put("kind", "guide");
        n.put("sourceUrl", SOURCE);
        n.put("body", "附件下载：" + IN_BODY + "。填好后交到窗口（也可网上提交：" + ONLINE + "）。");
        n.putObject("guide").put("implementingBody", "示范县公安局").put("onlineUrl", ONLINE);
        return Fixtures.create(admin, n);
    }

    @Test
    void eachAddressOfAPublishedItemHasAShortLinkAndAQrCodeThatLeadThere() throws Exception {
        JsonNode item = guideWithLinks("居住证办理");
        long id = item.get("id").asLong();
        String code = item.get("shortCode").asText();
        Http anon = server.anonymous();
        Http.Response r = anon.get("/api/items/" + id + "/links");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        for (JsonNode l : r.json().get("links")) urls.add(l.get("url").asText());
        // in the order they appear, each once; the Chinese full stop and bracket after an address are not part of it
        assertThat(urls).containsExactly(SOURCE, IN_BODY, ONLINE);

        for (JsonNode l : r.json().get("links")) {
            String shortUrl = l.get("shortUrl").asText();
            assertThat(shortUrl).matches("http://localhost:7070/s/" + code + "/[0-9A-Z]{4}");
            String path = shortUrl.substring("http://localhost:7070".length());
            Http.Response go = anon.get(path);
            assertThat(go.status()).isEqualTo(302);
            assertThat(go.header("Location")).isEqualTo(l.get("url").asText());
            assertThat(anon.get(path.toLowerCase().replace("/s/", "/S/")).header("Location")).as("case-insensitive")
                    .isEqualTo(l.get("url").asText());

            Http.Response png = anon.get(l.get("qrPng").asText() + "?size=300");
            assertThat(png.status()).isEqualTo(200);
            String decoded = ShortLinkTest.decode(ImageIO.read(new ByteArrayInputStream(png.bytes()))).getText();
            assertThat(decoded.toLowerCase()).isEqualTo(shortUrl.toLowerCase());
            Http.Response svg = anon.get(l.get("qrSvg").asText());
            assertThat(svg.status()).isEqualTo(200);
            assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        }
    }

    @Test
    void noShortLinkOrQrForAddressesThatNoPublishedItemHolds() {
        JsonNode item = guideWithLinks("撤回后的办事指南");
        long id = item.get("id").asLong();
        String code = item.get("shortCode").asText();
        Http anon = server.anonymous();
        String key = anon.get("/api/items/" + id + "/links").json().get("links").get(0).get("shortUrl").asText();
        key = key.substring(key.lastIndexOf('/') + 1);
        // a key this item does not have, even with an address attached, leads nowhere and draws nothing
        String unknown = key.equals("ZZZZ") ? "ZZZY" : "ZZZZ";
        Http.Response open = anon.get("/s/" + code + "/" + unknown + "?url=" + URLEncoder.encode("https://evil.example", StandardCharsets.UTF_8));
        assertThat(open.status()).isEqualTo(404);
        assertThat(open.header("Location")).isNull();
        assertThat(anon.get("/qr/" + code + "/" + unknown + ".svg").status()).isEqualTo(404);
        assertThat(anon.get("/qr/" + code + "/" + unknown + ".svg?url=https://evil.example").status()).isEqualTo(404);
        assertThat(anon.get("/s/nothere/ABCD").status()).isEqualTo(404);
        Http.Response bad = anon.get("/api/items/x/links");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("id");

        // a draft has no public links
        ObjectNode draft = Fixtures.notice("草稿");
        draft.put("body", "见 " + IN_BODY).put("status", "draft");
        long draftId = Fixtures.create(admin, draft).get("id").asLong();
        assertThat(anon.get("/api/items/" + draftId + "/links").status()).isEqualTo(404);

        // withdrawn: its links stop leading anywhere
        assertThat(admin.post("/api/items/" + id + "/withdraw", "").status()).isEqualTo(200);
        assertThat(anon.get("/api/items/" + id + "/links").status()).isEqualTo(404);
        assertThat(anon.get("/s/" + code + "/" + key).status()).isEqualTo(404);
        assertThat(anon.get("/qr/" + code + "/" + key + ".png").status()).isEqualTo(404);
    }

    @Test
    void anItemWithoutOutsideAddressesHasNoLinks() {
        JsonNode item = Fixtures.create(admin, Fixtures.notice("没有链接的通知"));
        Http.Response r = server.anonymous().get("/api/items/" + item.get("id").asLong() + "/links");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("links").size()).isZero();
    }

    @Test
    void keysAreStableAndTellAddressesApart() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 2000; i++) urls.add("https://example.org/a/" + i);
        var keyed = ItemLinks.keyed(urls);
        assertThat(keyed).hasSize(2000);
        assertThat(keyed.keySet()).allMatch(k -> k.matches("[0-9A-Z]{4,8}"));
        assertThat(ItemLinks.keyed(List.of(urls.get(7))).keySet()).containsExactly(ItemLinks.key(urls.get(7), 4));
        assertThat(ItemLinks.found(List.of("见 http://a.example/x。和(https://b.example/y?q=1)，再见 http://a.example/x.")))
                .containsExactly("http://a.example/x", "https://b.example/y?q=1");
    }
}
