package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a screen sends, read as the protocol (docs/API.md, WebSocket) says, and the errors it gets otherwise. */
class ScreenRequestsUnitTest {

    static JsonNode parse(String text) {
        try {
            return ScreenRequests.parse(text);
        } catch (ScreenRequests.Refused e) {
            throw new AssertionError(e.getMessage());
        }
    }

    static ScreenRequests.Hello hello(String text) throws ScreenRequests.Refused {
        return ScreenRequests.hello(parse(text));
    }

    @Test
    void aMessageMustBeAJsonObjectWithATextType() {
        assertThatThrownBy(() -> ScreenRequests.parse("not json")).isInstanceOf(ScreenRequests.Refused.class)
                .hasMessage("message is not valid JSON");
        for (String bad : new String[] {"[1,2]", "{}", "{\"type\":5}", "{\"type\":null}", "\"hello\"", "", "null"}) {
            assertThatThrownBy(() -> ScreenRequests.parse(bad)).as(bad).isInstanceOf(ScreenRequests.Refused.class)
                    .hasMessage("message must be a JSON object with a type");
        }
        assertThat(ScreenRequests.type(parse("{\"type\":\"ping\"}"))).isEqualTo("ping");
    }

    @Test
    void anUnknownTypeIsNamedCutTo40Characters() {
        assertThat(ScreenRequests.unknownType(parse("{\"type\":\"bye\"}"))).isEqualTo("unknown message type 'bye'");
        assertThat(ScreenRequests.unknownType(parse("{\"type\":\"" + "x".repeat(100) + "\"}")))
                .isEqualTo("unknown message type '" + "x".repeat(40) + "'");
    }

    @Test
    void helloReadsEveryField() throws Exception {
        ScreenRequests.Hello h = hello("{\"type\":\"hello\",\"kind\":\"plaza\",\"screenId\":\"scr_1\",\"secret\":\"s\","
                + "\"width\":1920,\"height\":1080,\"lastVersion\":19,\"group\":\"plaza\"}");
        assertThat(h).isEqualTo(new ScreenRequests.Hello("plaza", 1920, 1080, "scr_1", "s", 19L, "plaza"));
        assertThat(hello("{\"type\":\"hello\",\"kind\":\"touch\"}"))
                .isEqualTo(new ScreenRequests.Hello("touch", null, null, null, null, null, null));
    }

    @Test
    void helloNeedsAKnownKind() {
        for (String kind : new String[] {"", ",\"kind\":\"tv\"", ",\"kind\":\"PLAZA\"", ",\"kind\":1"}) {
            assertThatThrownBy(() -> hello("{\"type\":\"hello\"" + kind + "}")).as(kind)
                    .isInstanceOf(ScreenRequests.Refused.class).hasMessage("hello.kind must be plaza or touch");
        }
    }

    @Test
    void sizesOutsideTheRangeAndFieldsOfTheWrongTypeCountAsAbsent() throws Exception {
        ScreenRequests.Hello h = hello("{\"type\":\"hello\",\"kind\":\"plaza\",\"width\":0,\"height\":100001,"
                + "\"screenId\":5,\"secret\":true,\"lastVersion\":\"19\",\"group\":[]}");
        assertThat(h).isEqualTo(new ScreenRequests.Hello("plaza", null, null, null, null, null, null));
        ScreenRequests.Hello edges = hello("{\"type\":\"hello\",\"kind\":\"plaza\",\"width\":1,\"height\":100000}");
        assertThat(edges.width()).isEqualTo(1);
        assertThat(edges.height()).isEqualTo(100_000);
        assertThat(hello("{\"type\":\"hello\",\"kind\":\"plaza\",\"width\":\"1920\",\"height\":-5}").width()).isNull();
    }

    @Test
    void ackNeedsANumericVersionAndMayNameWhatIsOnScreen() throws Exception {
        assertThat(ScreenRequests.ack(parse("{\"type\":\"ack\",\"version\":22,\"itemId\":27,\"itemVersion\":1}")))
                .isEqualTo(new ScreenAcks.Ack(22, 27L, 1));
        assertThat(ScreenRequests.ack(parse("{\"type\":\"ack\",\"version\":22,\"itemId\":\"27\",\"itemVersion\":\"x\"}")))
                .isEqualTo(new ScreenAcks.Ack(22, null, null));
        for (String bad : new String[] {"", ",\"version\":\"x\"", ",\"version\":null", ",\"version\":{}"}) {
            assertThatThrownBy(() -> ScreenRequests.ack(parse("{\"type\":\"ack\"" + bad + "}"))).as(bad)
                    .isInstanceOf(ScreenRequests.Refused.class).hasMessage("ack.version must be a number");
        }
    }

    @Test
    void truncateCutsOnlyWhatIsTooLong() {
        assertThat(ScreenRequests.truncate(null, 3)).isNull();
        assertThat(ScreenRequests.truncate("abc", 3)).isEqualTo("abc");
        assertThat(ScreenRequests.truncate("abcd", 3)).isEqualTo("abc");
    }
}
