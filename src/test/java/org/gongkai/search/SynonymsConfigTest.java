package org.gongkai.search;

import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A county extends the built-in search synonyms with a synonyms.yaml next to its config file. */
class SynonymsConfigTest {
    @TempDir
    Path dir;

    int counties;

    /** A county's config directory of its own: gongkai.yaml, and synonyms.yaml unless null. */
    Config county(String synonyms) throws Exception {
        Path home = Files.createDirectories(dir.resolve("county" + ++counties));
        Path file = home.resolve("gongkai.yaml");
        Files.writeString(file, "display:\n  timezone: Asia/Shanghai\n");
        if (synonyms != null) Files.writeString(home.resolve("synonyms.yaml"), synonyms);
        return ConfigLoader.load(file).withPort(0).withDataDir(home.resolve("data").toString());
    }

    @Test
    void aCountysGroupsAreAddedToTheBuiltInOnes() throws Exception {
        Config config = county("groups:\n  - [一卡通, 社会保障卡]\n  - [社保, 五险]\n");
        try (TestServer server = TestServer.start(config, TestServer.freshDatabase(), true)) {
            Http anon = server.anonymous();
            assertThat(titles(anon, "一卡通")).as("the county's word").contains("城乡居民养老保险参保登记");
            assertThat(titles(anon, "社保")).as("a built-in word").contains("城乡居民养老保险参保登记");
            assertThat(titles(anon, "五险")).as("joined with the built-in group of 社保").contains("城乡居民养老保险参保登记");
            assertThat(titles(anon, "一卡通二卡通")).isEmpty();
        }
        assertThat(SynonymsLoader.load(config).alternatives("五险")).contains("社保", "社会保险");
        assertThat(SynonymsLoader.load(county(null)).alternatives("一卡通")).as("without a county file").containsExactly("一卡通");
    }

    @Test
    void aCountyMayLeaveOutTheBuiltInGroups() throws Exception {
        Synonyms own = SynonymsLoader.load(county("includeBuiltIn: false\ngroups:\n  - [一卡通, 社会保障卡]\n"));
        assertThat(own.alternatives("一卡通")).containsExactly("一卡通", "社会保障卡");
        assertThat(own.alternatives("社保")).containsExactly("社保");
        assertThat(SynonymsLoader.builtIn().alternatives("社保")).contains("社会保险");
    }

    @Test
    void aBadFileNamesTheFileAndTheKey() throws Exception {
        assertThatThrownBy(() -> SynonymsLoader.load(county("groups:\n  - [社保, 社会保险]\n  - [一卡通]\n")))
                .isInstanceOf(ConfigException.class).hasMessage("synonyms file " + file()
                        + ": key 'groups[1]': must list at least two words that mean the same");
        assertThatThrownBy(() -> SynonymsLoader.load(county("groups:\n  - [社保, 社会 保险]\n")))
                .isInstanceOf(ConfigException.class).hasMessage("synonyms file " + file()
                        + ": key 'groups[0][1]': must be a word of 2 to 20 characters without spaces");
        assertThatThrownBy(() -> SynonymsLoader.load(county("group:\n  - [社保, 社会保险]\n")))
                .isInstanceOf(ConfigException.class).hasMessage("synonyms file " + file() + ": key 'group': unknown key (the keys are groups and includeBuiltIn)");
        assertThatThrownBy(() -> SynonymsLoader.load(county("groups:\n  - 社保\n")))
                .isInstanceOf(ConfigException.class).hasMessage("synonyms file " + file() + ": key 'groups[0]': expected a list");
        assertThatThrownBy(() -> SynonymsLoader.load(county("groups: [[社保, 社会保险]\n")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("synonyms file " + file() + ": not valid YAML at line");
        assertThatThrownBy(() -> SynonymsLoader.load(county("")))
                .isInstanceOf(ConfigException.class).hasMessage("synonyms file " + file() + ": key 'groups': must list groups of words");
    }

    /** The synonyms file of the county made last. */
    Path file() {
        return dir.resolve("county" + counties).resolve("synonyms.yaml");
    }

    static List<String> titles(Http anon, String q) {
        Http.Response r = anon.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }
}
