package org.gongkai.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The search synonyms: the built-in config/synonyms.yaml, and the groups of the county's own file (the key
 * `synonyms`, next to its config file) added to them, or used alone with `includeBuiltIn: false`.
 */
public final class SynonymsLoader {
    private static final String BUILT_IN = "config/synonyms.yaml";

    /** groups: lists of words that mean the same. */
    record File(Boolean includeBuiltIn, List<List<String>> groups) {}

    private SynonymsLoader() {}

    public static Synonyms load(Config config) {
        ConfigLoader.Resource resource = ConfigLoader.locate(config, config.synonyms() == null ? "synonyms.yaml" : config.synonyms());
        List<List<String>> groups = new ArrayList<>();
        File county = resource.file() == null ? null : read(resource);
        if (county == null || !Boolean.FALSE.equals(county.includeBuiltIn())) groups.addAll(builtInGroups());
        if (county != null) groups.addAll(county.groups());
        return Synonyms.of(groups);
    }

    /** The built-in groups alone (what a server without a synonyms file of its own uses). */
    public static Synonyms builtIn() {
        return Synonyms.of(builtInGroups());
    }

    private static List<List<String>> builtInGroups() {
        return read(new ConfigLoader.Resource(null, BUILT_IN)).groups();
    }

    private static File read(ConfigLoader.Resource resource) {
        String where = "synonyms file " + resource.describe();
        File file;
        try {
            JsonNode tree = resource.file() != null
                    ? ConfigLoader.YAML.readTree(resource.file().toFile())
                    : ConfigLoader.readClasspath(resource.classpath());
            file = tree == null || tree.isMissingNode() || tree.isNull() ? null : ConfigLoader.YAML.treeToValue(tree, File.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(where + ": key '" + ConfigLoader.keyPath(e) + "': " + describe(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": not valid YAML at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot be read: " + e.getMessage());
        }
        if (file == null || file.groups() == null) throw new ConfigException(where + ": key 'groups': must list groups of words");
        for (int i = 0; i < file.groups().size(); i++) check(where, i, file.groups().get(i));
        return file;
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) return "unknown key (the keys are groups and includeBuiltIn)";
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + ConfigLoader.friendlyType(m.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static void check(String where, int i, List<String> group) {
        if (group == null || group.size() < 2) {
            throw new ConfigException(where + ": key 'groups[" + i + "]': must list at least two words that mean the same");
        }
        for (int j = 0; j < group.size(); j++) {
            String word = group.get(j);
            if (word == null || word.length() < 2 || word.length() > 20 || word.codePoints().anyMatch(Character::isWhitespace)) {
                throw new ConfigException(where + ": key 'groups[" + i + "][" + j + "]': must be a word of 2 to 20 characters without spaces");
            }
        }
    }
}
