package org.gongkai.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.config.Config;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 朗读 from the server: a real espeak-ng (scripts/setup.sh installs it) speaks a guide in parts, each kept per item
 * version in DATA_DIR/speech; whoever may not read an item may not hear it; without the engine there is no speech.
 */
class SpeechTest {
    private static TestServer server;
    private static Http admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(false, c -> c);
        admin = server.admin();
        Fixtures.basics(admin);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ObjectNode guide(String title) {
        return Fixtures.guide(title);
    }

    @Test
    void aPublishedGuideIsSpokenInPartsAndEachPartIsKeptForItsVersion() throws Exception {
        JsonNode state = server.anonymous().get("/api/speech").json();
        assertThat(state.get("available").asBoolean()).as("espeak-ng with its cmn-latn-pinyin voice is installed (scripts/setup.sh): " + state).isTrue();
        assertThat(state.get("engine").asText()).contains("eSpeak NG").contains("cmn-latn-pinyin");

        long id = Fixtures.create(admin, guide("城乡居民养老保险参保登记")).get("id").asLong();
        Http citizen = server.anonymous();
        JsonNode speech = citizen.get("/api/items/" + id + "/speech").json();
        int version = speech.get("version").asInt();
        StringBuilder said = new StringBuilder();
        speech.get("parts").forEach(p -> said.append(p.asText()));
        assertThat(speech.get("parts").get(0).asText()).isEqualTo("城乡居民养老保险参保登记。");
        assertThat(said.toString()).contains("申请材料，共2项", "第1项，居民身份证", "第2项，户口簿", "县政务服务中心，一楼，社保窗口",
                "咨询电话，0 0 0 0 5 5 5 1 2 3 4", "承诺即办", "本事项可在网上办理");

        Http.Response first = citizen.get("/api/items/" + id + "/speech/0?version=" + version);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
        byte[] wav = first.bytes();
        assertThat(new String(Arrays.copyOfRange(wav, 0, 4), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(Arrays.copyOfRange(wav, 8, 12), StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        assertThat(wav.length).as("a dozen syllables of speech at 22 kHz").isGreaterThan(20_000);

        Path kept = Path.of(server.app.config().data().dir(), "speech");
        try (Stream<Path> files = Files.list(kept)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith(id + "-v" + version + "-0-"));
        }
        assertThat(citizen.get("/api/items/" + id + "/speech/0?version=" + version).bytes()).as("the kept audio").isEqualTo(wav);

        Http.Response old = citizen.get("/api/items/" + id + "/speech/0?version=" + (version + 7));
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.json().get("error").asText()).contains("version " + version);
        Http.Response beyond = citizen.get("/api/items/" + id + "/speech/" + speech.get("parts").size() + "?version=" + version);
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(beyond.json().get("error").asText()).contains("it has " + speech.get("parts").size());
        Http.Response word = citizen.get("/api/items/" + id + "/speech/first");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().get("field").asText()).isEqualTo("part");
    }

    @Test
    void whatACitizenMayNotReadTheyMayNotHear() {
        ObjectNode draft = guide("尚未发布的指南");
        draft.put("status", "draft");
        long id = Fixtures.create(admin, draft).get("id").asLong();
        assertThat(server.anonymous().get("/api/items/" + id + "/speech").status()).isEqualTo(404);
        assertThat(server.anonymous().get("/api/items/" + id + "/speech/0").status()).isEqualTo(404);
        assertThat(admin.get("/api/items/" + id + "/speech").status()).as("staff preview their draft").isEqualTo(200);
    }

    @Test
    void withoutTheEngineThereIsNoSpeechAndTheAnswerSaysWhy() {
        try (TestServer without = TestServer.start(false,
                c -> c.withSpeech(new Config.Speech("/nonexistent/espeak-ng", "cmn-latn-pinyin", 150)))) {
            JsonNode state = without.anonymous().get("/api/speech").json();
            assertThat(state.get("available").asBoolean()).isFalse();
            Http.Response r = without.anonymous().get("/api/items/1/speech");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("error").asText()).contains("espeak-ng");
        }
    }
}
