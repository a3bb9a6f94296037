package org.gongkai.ime;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/ime: the touchscreen keyboard's pinyin candidates, from the real dictionaries. */
class PinyinInputTest {
    static TestServer server;
    static Http citizen;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        citizen = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode candidates(String pinyin) {
        Http.Response r = citizen.get("/api/ime?pinyin=" + pinyin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("candidates");
    }

    static List<String> texts(JsonNode candidates, int first) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(first, candidates.size()); i++) out.add(candidates.get(i).get("text").asText());
        return out;
    }

    @Test
    void wordsComeMostUsedFirstAndSayHowManyLettersTheyTake() {
        JsonNode zhengfu = candidates("zhengfu");
        assertThat(zhengfu.get(0).get("text").asText()).isEqualTo("政府");
        assertThat(zhengfu.get(0).get("letters").asInt()).isEqualTo(7);
        assertThat(texts(candidates("shi"), 1)).containsExactly("是");
        assertThat(texts(candidates("xian"), 5)).contains("县", "现");
        assertThat(texts(candidates("yanglao"), 3)).contains("养老");
        assertThat(texts(candidates("gongkai"), 3)).contains("公开");
    }

    @Test
    void anUnfinishedSyllableCompletesAndALongerInputOffersItsBeginning() {
        assertThat(texts(candidates("zhengf"), 3)).contains("政府");
        JsonNode longer = candidates("zhengfugongkai");
        assertThat(longer.get(0).get("text").asText()).isEqualTo("政府");
        assertThat(longer.get(0).get("letters").asInt()).as("the rest, gongkai, is typed on").isEqualTo(7);
        for (JsonNode c : longer) assertThat(c.get("letters").asInt()).isIn(5, 7, 14);
    }

    @Test
    void readingsArePhraseAwareAndUIsTypedAsV() {
        assertThat(texts(candidates("yinhang"), 3)).contains("银行");
        assertThat(texts(candidates("hang"), 10)).contains("行");
        assertThat(texts(candidates("lv"), 10)).contains("绿", "律");
        assertThat(texts(candidates("nv"), 1)).containsExactly("女");
    }

    @Test
    void theOfficesOwnWordsFromTheSynonymsComeFirst() {
        // 低保 is newer than the corpus, whose dibao is an old word (地保); synonyms.yaml has it
        assertThat(texts(candidates("dibao"), 1)).containsExactly("低保");
        assertThat(texts(candidates("gongjijin"), 1)).containsExactly("公积金");
    }

    @Test
    void rareCharactersOfNamesAreThereAfterTheCommonOnes() {
        JsonNode kun = citizen.get("/api/ime?pinyin=kun&limit=60").json().get("candidates");
        List<String> all = texts(kun, 60);
        assertThat(all).contains("堃", "坤");
        assertThat(all.indexOf("坤")).isLessThan(all.indexOf("堃"));
    }

    @Test
    void badInputIsA400NamingPinyin() {
        for (String bad : new String[]{"", "zheng%20fu", "zh%C3%A8ng", "a1", "x".repeat(41)}) {
            Http.Response r = citizen.get("/api/ime?pinyin=" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("pinyin");
        }
        assertThat(citizen.get("/api/ime?pinyin=zhengfu&limit=0").status()).isEqualTo(400);
        assertThat(citizen.get("/api/ime?pinyin=ZhengFu").json().get("candidates").get(0).get("text").asText()).isEqualTo("政府");
    }
}
