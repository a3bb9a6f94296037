package org.gongkai.warnings;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapMappingUnitTest {
    static byte[] fixture(String name) {
        try (var in = CapMappingUnitTest.class.getResourceAsStream("/cap/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void typhoonOrangeIsReadAndMapped() throws Exception {
        CapMessage m = CapParser.parse(fixture("typhoon-orange.xml"));
        assertThat(m.identifier()).isEqualTo("42000041600000_20260801080000");
        assertThat(m.msgType()).isEqualTo("Alert");
        assertThat(m.areaDescs()).containsExactly("示范县");
        assertThat(m.geocodes()).containsExactly("990101");
        assertThat(CapMapping.level(m)).isEqualTo("orange");
        assertThat(CapMapping.hazard(m)).isEqualTo("typhoon");
        assertThat(CapMapping.concerns(m, List.of("示范县"), List.of())).isTrue();
        assertThat(CapMapping.concerns(m, List.of(), List.of("990101"))).isTrue();
        var in = WarningService.input(m, "meteorology");
        assertThat(in.title()).isEqualTo("示范县气象台发布台风橙色预警信号");
        assertThat(in.summary()).startsWith("停止室外集体活动");
        assertThat(in.body()).contains("海燕");
        assertThat(in.publishEnd()).isEqualTo(m.expires());
    }

    @Test
    void updateReferencesTheEarlierIdentifier() throws Exception {
        CapMessage m = CapParser.parse(fixture("typhoon-red-update.xml"));
        assertThat(m.references()).containsExactly("42000041600000_20260801080000");
        assertThat(CapMapping.level(m)).isEqualTo("red");
    }

    @Test
    void colourWordsWinOverSeverityAndSeverityMapsWithoutThem() throws Exception {
        CapMessage fog = CapParser.parse(fixture("fog-moderate.xml"));
        assertThat(CapMapping.level(fog)).isEqualTo("yellow");
        assertThat(CapMapping.hazard(fog)).isEqualTo("fog");
        assertThat(CapMapping.severe(fog, "yellow")).isFalse();
        String blue = new String(fixture("typhoon-orange.xml"), StandardCharsets.UTF_8)
                .replace("台风橙色预警", "台风蓝色预警").replace("发布台风橙色", "发布台风蓝色");
        assertThat(CapMapping.level(CapParser.parse(blue.getBytes(StandardCharsets.UTF_8)))).isEqualTo("blue");
        String unknown = new String(fixture("fog-moderate.xml"), StandardCharsets.UTF_8).replace("Moderate", "Unknown");
        assertThat(CapMapping.level(CapParser.parse(unknown.getBytes(StandardCharsets.UTF_8)))).isNull();
        String other = new String(fixture("fog-moderate.xml"), StandardCharsets.UTF_8).replace("大雾预警</event>", "地质灾害预警</event>");
        assertThat(CapMapping.hazard(CapParser.parse(other.getBytes(StandardCharsets.UTF_8)))).isEqualTo("other");
    }

    @Test
    void noExpiryGetsTheDefaultWindow() throws Exception {
        String xml = new String(fixture("typhoon-orange.xml"), StandardCharsets.UTF_8)
                .replaceAll("<expires>[^<]*</expires>", "");
        CapMessage m = CapParser.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(WarningService.end(m)).isEqualTo(m.effective().plusHours(24));
    }

    @Test
    void gb18030AndCap11AreRead() throws Exception {
        String xml = new String(fixture("typhoon-orange.xml"), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"GB18030\"").replace(CapParser.CAP12, CapParser.CAP11);
        CapMessage m = CapParser.parse(xml.getBytes(Charset.forName("GB18030")));
        assertThat(m.areaDescs()).containsExactly("示范县");
        assertThat(CapMapping.level(m)).isEqualTo("orange");
    }

    @Test
    void hostileAndBrokenInputIsRefusedInPlainWords() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>";
        assertThatThrownBy(() -> CapParser.parse(xxe.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("DOCTYPE");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><alert>&lol2;</alert>";
        assertThatThrownBy(() -> CapParser.parse(laughs.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> CapParser.parse("<alert".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("invalid XML");
        assertThatThrownBy(() -> CapParser.parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a CAP message");
        assertThatThrownBy(() -> CapParser.parse("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("identifier is missing");
    }
}
