package org.gongkai.catalogue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public final class CatalogueLoader {
    private CatalogueLoader() {}

    public static Catalogue load(Config config) {
        ConfigLoader.Resource resource = ConfigLoader.locate(config, config.catalogue());
        Catalogue catalogue;
        try {
            JsonNode tree = resource.file() != null
                    ? ConfigLoader.YAML.readTree(resource.file().toFile())
                    : ConfigLoader.readClasspath(resource.classpath());
            catalogue = ConfigLoader.YAML.treeToValue(tree, Catalogue.class);
        } catch (JsonMappingException e) {
            throw new ConfigException("catalogue file " + resource.describe() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("catalogue file " + resource.describe() + ": cannot be read: " + e.getMessage());
        }
        if (catalogue == null || catalogue.categories() == null || catalogue.categories().isEmpty()) {
            throw new ConfigException("catalogue file " + resource.describe() + ": key 'categories': must list at least one category");
        }
        check(resource, "categories", catalogue.categories());
        check(resource, "lifeEvents", catalogue.lifeEvents() == null ? List.of() : catalogue.lifeEvents());
        check(resource, "enterpriseStages", catalogue.enterpriseStages() == null ? List.of() : catalogue.enterpriseStages());
        return new Catalogue(catalogue.categories(),
                catalogue.lifeEvents() == null ? List.of() : catalogue.lifeEvents(),
                catalogue.enterpriseStages() == null ? List.of() : catalogue.enterpriseStages());
    }

    private static void check(ConfigLoader.Resource resource, String key, List<Catalogue.Entry> entries) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Catalogue.Entry e = entries.get(i);
            String where = "catalogue file " + resource.describe() + ": key '" + key + "[" + i + "]";
            if (e.code() == null || !e.code().matches("[a-z0-9-]{1,64}")) {
                throw new ConfigException(where + ".code': must be 1-64 lowercase letters, digits or hyphens");
            }
            if (e.name() == null || e.name().isBlank()) {
                throw new ConfigException(where + ".name': must not be empty");
            }
            if (!seen.add(e.code())) {
                throw new ConfigException(where + ".code': '" + e.code() + "' appears twice");
            }
        }
    }
}
