package org.gongkai.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShortLinkTest extends ServerTest {
    @Test
    void qrPngDecodesToTheShortLinkWhichRedirectsToTheMobilePageAndCounts() throws Exception {
        JsonNode item = Fixtures.create(admin, Fixtures.notice("扫码阅读全文"));
        String code = item.get("shortCode").asText();
        Http anon = server.anonymous();
        Http.Response png = anon.get("/qr/" + code + ".png?size=300");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertThat(image.getWidth()).isEqualTo(300);

        String decoded = decode(image).getText();
        assertThat(decoded.toLowerCase()).isEqualTo("http://localhost:7070/s/" + code.toLowerCase());

        String path = decoded.substring(decoded.indexOf("/S/"));
        Http.Response redirect = anon.get(path);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo("/m/items/" + item.get("id").asLong());
        Http.Response lower = anon.get("/s/" + code.toLowerCase());
        assertThat(lower.status()).isEqualTo(302);

        Http.Response page = anon.get(redirect.header("Location"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void shortLinkGoesToTheSourcePageWhenThereIsOne() {
        ObjectNode n = Fixtures.notice("有原文链接的通知");
        n.put("sourceUrl", "https://www.example.org/xxgk/2026/1122.html");
        JsonNode item = Fixtures.create(admin, n);
        Http.Response r = server.anonymous().get("/s/" + item.get("shortCode").asText());
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("https://www.example.org/xxgk/2026/1122.html");
    }

    @Test
    void defaultShortLinkIsQrVersionThreeOrLowerAtLevelM() {
        ShortLinks links = new ShortLinks("http://localhost:7070");
        String text = links.qrText(ShortCodes.random());
        assertThat(QrCodes.version(text)).isLessThanOrEqualTo(3);
        // the same URL in lower case would need byte mode and a larger code
        assertThat(QrCodes.version(text.toLowerCase())).isGreaterThanOrEqualTo(QrCodes.version(text));
    }

    @Test
    void svgHasAQuietZoneAndTheRequestedSize() {
        JsonNode item = Fixtures.create(admin, Fixtures.notice("矢量二维码"));
        Http.Response svg = server.anonymous().get("/qr/" + item.get("shortCode").asText() + ".svg?size=512");
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("width=\"512\"");
        int version = QrCodes.version(new ShortLinks("http://localhost:7070").qrText(item.get("shortCode").asText()));
        int modules = 17 + 4 * version + 2 * QrCodes.QUIET_ZONE;
        assertThat(svg.body()).contains("viewBox=\"0 0 " + modules + " " + modules + "\"");
    }

    @Test
    void unknownCodesAndBadSizesAreClearErrors() {
        Http anon = server.anonymous();
        assertThat(anon.get("/s/ZZZZZZ").status()).isEqualTo(404);
        assertThat(anon.get("/s/../../etc/passwd").status()).isIn(400, 404);
        assertThat(anon.get("/qr/ZZZZZZ.png").status()).isEqualTo(404);
        JsonNode item = Fixtures.create(admin, Fixtures.notice("尺寸"));
        assertThat(anon.get("/qr/" + item.get("shortCode").asText() + ".png?size=99999").status()).isEqualTo(400);
    }

    static Result decode(BufferedImage image) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE));
    }

}
