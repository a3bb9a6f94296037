package org.gongkai.warnings;

import org.gongkai.config.Config;
import org.gongkai.content.ItemService;
import org.gongkai.content.ReviewService;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/** Builds the warnings feature from the configuration (keeps App short). */
public final class Warnings {
    private Warnings() {}

    public static CapRoutes routes(Config config, Jdbi jdbi, ItemService items, ReviewService review, Clock clock) {
        var w = config.warnings();
        String dept = config.alerts() == null ? null : config.alerts().defaultDepartment();
        WarningService service = new WarningService(new WarningStore(jdbi), items, review, clock,
                w.areaNames() == null ? java.util.List.of() : w.areaNames(),
                w.areaCodes() == null ? java.util.List.of() : w.areaCodes(), dept);
        return new CapRoutes(service, policy(w.pushPolicy()));
    }

    static WarningService.Policy policy(String name) {
        if (name == null || name.isBlank()) return WarningService.Policy.SEVERE_AT_ONCE;
        return WarningService.Policy.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
