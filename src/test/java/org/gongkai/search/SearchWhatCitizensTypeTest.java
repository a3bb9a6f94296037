package org.gongkai.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10.2: what citizens type at a touchscreen finds the item they mean: parts of a title however it is cut into
 * words, common abbreviations and synonyms (config/synonyms.yaml), pinyin of whole words, document and index numbers
 * in any brackets, and the text of a guide's conditions, materials, place and steps; title matches first.
 */
class SearchWhatCitizensTypeTest {
    static final String TRANSFER = "社会保险关系转移";
    static final String DECOY = "关于做好企业职工社会保险关系转移接续工作的通知";
    static final String RELIEF_POLICY = "示范县困难群众基本生活救助实施办法";
    static TestServer server;
    static Http anon;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(true, c -> c);
        anon = server.anonymous();
        Http admin = server.admin();
        Fixtures.create(admin, transferGuide());
        ObjectNode decoy = Fixtures.notice(DECOY);
        decoy.put("summary", "进一步规范社会保险关系转移接续经办流程。")
                .put("body", "社会保险关系转移接续是参保人员流动就业的重要保障。各经办机构要做好社会保险关系转移接续工作，"
                        + "社会保险关系转移接续一律网上办理。");
        Fixtures.create(admin, decoy);
        waitUntilFound(TRANSFER);
        waitUntilFound(DECOY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The guide the county trial searched for, as an editor would enter it, with every field a citizen may type. */
    static ObjectNode transferGuide() throws Exception {
        ObjectNode g = (ObjectNode) new ObjectMapper().readTree("""
                {"kind":"guide","title":"社会保险关系转移","department":"hrss","category":"office-guides",
                 "summary":"参保人员跨统筹地区流动就业的，可申请转移基本养老保险关系。","status":"published",
                 "guide":{"implementingBody":"示范县就业和参保服务中心","applicants":"跨地区流动就业的参保人员",
                   "conditions":["已在新就业地参保缴费","原参保地已办理停保手续"],
                   "materials":[{"name":"参保缴费凭证","form":"original","originals":1,"copies":0,"format":"paper"}],
                   "steps":[{"name":"申请","description":"向新就业地经办机构提交转移接续申请"},
                            {"name":"联函","description":"两地经办机构传递转移接续联系函"}],
                   "fees":[{"item":"关系转移","standard":"不收费","waivable":false}],
                   "place":{"hall":"示范县政务服务中心","floor":"一楼","window":"15号综合服务窗口","address":"示范县人民路18号"},
                   "hours":"工作日 上午8:30—12:00"}}""");
        g.put("publishStart", OffsetDateTime.now().minusDays(1).toString());
        return g;
    }

    static JsonNode search(String q) {
        Http.Response r = anon.get("/api/search?size=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> titles(String q) {
        List<String> out = new ArrayList<>();
        search(q).get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }

    static String first(String q) {
        List<String> t = titles(q);
        assertThat(t).as("results for " + q).isNotEmpty();
        return t.get(0);
    }

    static JsonNode byTitle(JsonNode items, String title) {
        for (JsonNode i : items) if (i.get("title").asText().equals(title)) return i;
        throw new AssertionError(title + " not among " + items);
    }

    private static void waitUntilFound(String title) throws InterruptedException {
        for (int i = 0; i < 100 && !titles(title).contains(title); i++) Thread.sleep(100);
        assertThat(titles(title)).as("indexed: " + title).contains(title);
    }

    @Test
    void partsOfATitleFindItHoweverTheyAreCutIntoWords() {
        for (String q : List.of("社会保险", "社会", "保险", "关系转移", "保险关系", "社会保险 转移")) {
            assertThat(titles(q)).as(q).contains(TRANSFER);
        }
    }

    @Test
    void theExactTitleComesFirstThenOtherTitleMatchesThenFieldsAndBodies() {
        assertThat(first(TRANSFER)).isEqualTo(TRANSFER);
        assertThat(first("社会保险关系 转移")).isEqualTo(TRANSFER);
        List<String> social = titles("社会保险");
        assertThat(social.get(0)).isEqualTo(TRANSFER);
        // every title that holds the words comes before every item that holds them only in its fields or body
        int firstWithout = social.indexOf(social.stream().filter(t -> !t.contains("社会保险")).findFirst().orElseThrow());
        assertThat(social.subList(0, firstWithout)).contains(DECOY).allMatch(t -> t.contains("社会保险"));
        assertThat(social.subList(firstWithout, social.size())).noneMatch(t -> t.contains("社会保险"));
        // 城乡居民养老保险参保登记 names 社会保险 only in its fields (社会保险事业服务中心, 社会保险法)
        assertThat(social).contains("城乡居民养老保险参保登记");
        assertThat(social.indexOf("城乡居民养老保险参保登记")).isGreaterThan(social.indexOf(DECOY));
        List<String> hukou = titles("户口");
        assertThat(hukou.get(0)).contains("户口");
        assertThat(hukou).contains("最低生活保障申请"); // 户口簿 among its materials
    }

    @Test
    void abbreviationsAndSynonymsFindTheWordsDocumentsUse() {
        assertThat(first("社保")).isEqualTo(TRANSFER);
        assertThat(titles("社保")).contains(DECOY, "城乡居民养老保险参保登记");
        assertThat(titles("医保")).contains("基本医疗保险关系转移接续", "关于2027年度城乡居民基本医疗保险集中缴费的通告");
        assertThat(titles("公积金")).anyMatch(t -> t.contains("住房公积金"));
        assertThat(titles("户口")).anyMatch(t -> t.contains("户口") || t.contains("户籍"));
        assertThat(titles("户籍")).anyMatch(t -> t.contains("户口"));
        assertThat(titles("残疾人")).anyMatch(t -> t.contains("残疾人"));
        assertThat(titles("残疾人")).contains("最低生活保障申请"); // 残疾证 among its materials
        assertThat(first("个体户")).isEqualTo("个体工商户设立登记");
        assertThat(first("低保")).isEqualTo("最低生活保障申请");
        assertThat(titles("低保 申请")).contains("最低生活保障申请");
        assertThat(titles("身份证")).contains("城乡居民养老保险参保登记"); // 居民身份证或社会保障卡
        JsonNode hit = search("社保").get("items").get(0);
        assertThat(hit.get("highlights").toString()).as("the words to mark are the ones in the title").contains("社会保险");
    }

    @Test
    void pinyinOfWholeWordsAndOfAbbreviations() {
        for (String q : List.of("shbx", "shehuibaoxian", "shehui baoxian", "shbxgxzy")) {
            JsonNode r = search(q);
            assertThat(r.get("mode").asText()).as(q).isEqualTo("pinyin");
            List<String> t = new ArrayList<>();
            r.get("items").forEach(i -> t.add(i.get("title").asText()));
            assertThat(t).as(q).contains(TRANSFER);
        }
        assertThat(titles("baoxian")).as("pinyin of a part of the title's word 社会保险").contains(TRANSFER);
        assertThat(titles("shebao")).as("pinyin of the abbreviation 社保").contains(TRANSFER);
        assertThat(titles("gongjijin")).anyMatch(t -> t.contains("住房公积金"));
        assertThat(titles("gjj")).anyMatch(t -> t.contains("住房公积金"));
        assertThat(titles("dibao")).contains("最低生活保障申请");
        assertThat(titles("gth")).as("initials of 个体户").contains("个体工商户设立登记");
        JsonNode ylbx = search("ylbx").get("items");
        assertThat(ylbx.get(0).get("score").asDouble()).as("ylbx is 养老保险 as much as 医疗保险 (a synonym of 医保)")
                .isEqualTo(byTitle(ylbx, "城乡居民养老保险参保登记").get("score").asDouble());
    }

    @Test
    void documentNumbersInAnyBracketsAndTheIndexNumber() {
        for (String q : List.of("示政发〔2026〕9号", "示政发[2026]9号", "示政发(2026)9号", "示政发（2026）9号", "示政发【2026】9号",
                "示政发〔2026〕9", "示政发[2026]9", "示政发2026年9号", "示政发 2026 9号", "000000000/2026-00109", "2026-00109")) {
            assertThat(first(q)).as(q).isEqualTo(RELIEF_POLICY);
        }
        assertThat(first("国发〔2014〕8号")).as("cited in a guide's legal basis").isEqualTo("城乡居民养老保险参保登记");
    }

    @Test
    void theTextOfAGuidesFieldsAndOfBodiesIsSearched() {
        assertThat(first("参保缴费凭证")).as("materials").isEqualTo(TRANSFER);
        assertThat(first("原参保地已办理停保手续")).as("conditions").isEqualTo(TRANSFER);
        assertThat(first("停保")).as("part of a condition").isEqualTo(TRANSFER);
        assertThat(first("15号综合服务窗口")).as("window").isEqualTo(TRANSFER);
        assertThat(titles("综合服务窗口")).as("part of the window").contains(TRANSFER);
        assertThat(first("转移接续联系函")).as("a step").isEqualTo(TRANSFER);
        assertThat(first("就业和参保服务中心")).as("implementing body").isEqualTo(TRANSFER);
        assertThat(titles("21号至24号市场准入窗口")).as("a demo guide's window").contains("个体工商户设立登记");
        assertThat(titles("特困人员基本生活标准")).as("a policy's body").contains(RELIEF_POLICY);
        assertThat(titles("社会救助")).as("a policy's subject").contains(RELIEF_POLICY);
    }

    @Test
    void whatShouldNotMatchDoesNot() {
        assertThat(search("火星殖民").get("total").asInt()).isZero();
        assertThat(titles("示政发〔2026〕8号")).doesNotContain(RELIEF_POLICY);
        assertThat(titles("示政发〔2025〕9号")).doesNotContain(RELIEF_POLICY);
        assertThat(titles("社保")).doesNotContain("个体工商户设立登记", "示范县2026年县级部门预算公开");
        assertThat(titles("公积金")).doesNotContain("最低生活保障申请", TRANSFER);
        assertThat(titles("社会保险 火星")).as("every part of the query is required").isEmpty();
    }
}
