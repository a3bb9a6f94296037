package org.gongkai.catalogue;

import java.util.List;
import java.util.Optional;

/** The disclosure catalogue from catalogue.yaml: categories, life events and enterprise stages. */
public record Catalogue(List<Entry> categories, List<Entry> lifeEvents, List<Entry> enterpriseStages) {

    public record Entry(String code, String name, String nameEn) {}

    public Optional<Entry> category(String code) {
        return find(categories, code);
    }

    public boolean hasLifeEvent(String code) {
        return find(lifeEvents, code).isPresent();
    }

    public boolean hasEnterpriseStage(String code) {
        return find(enterpriseStages, code).isPresent();
    }

    private static Optional<Entry> find(List<Entry> entries, String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
    }
}
