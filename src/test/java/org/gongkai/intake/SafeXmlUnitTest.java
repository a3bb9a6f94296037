package org.gongkai.intake;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** XML from outside: hostile documents fail harmlessly, honest ones in GBK or GB18030 read as written. */
class SafeXmlUnitTest {
    @Test
    void anExternalEntityThatReadsAFileIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
        assertThatThrownBy(() -> SafeXml.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FetchException.class).hasMessageContaining("DOCTYPE is not allowed")
                .hasMessageNotContaining("root:");
    }

    @Test
    void anExternalEntityThatCallsALocalUrlIsRefused() {
        String xxe = "<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %p;]><a/>";
        assertThatThrownBy(() -> SafeXml.parse(xxe.getBytes(StandardCharsets.UTF_8))).isInstanceOf(FetchException.class);
    }

    @Test
    void aBillionLaughsIsRefusedAtOnce() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><lolz>&lol9;</lolz>");
        long start = System.nanoTime();
        assertThatThrownBy(() -> SafeXml.parse(bomb.toString().getBytes(StandardCharsets.UTF_8))).isInstanceOf(FetchException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void invalidXmlNamesTheLine() {
        assertThatThrownBy(() -> SafeXml.parse("<a>\n<b></a>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("invalid XML at line 2")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.INVALID_XML);
        assertThatThrownBy(() -> SafeXml.parse(new byte[0])).isInstanceOf(FetchException.class);
    }

    @Test
    void gbkAndGb18030DocumentsReadAsWritten() throws FetchException {
        for (String charset : new String[]{"GBK", "GB18030"}) {
            String xml = "<?xml version=\"1.0\" encoding=\"" + charset + "\"?><title>关于做好2026年度城乡居民医保参保工作的通知</title>";
            Document doc = SafeXml.parse(xml.getBytes(Charset.forName(charset)));
            assertThat(doc.getDocumentElement().getTextContent()).as(charset).isEqualTo("关于做好2026年度城乡居民医保参保工作的通知");
        }
    }
}
