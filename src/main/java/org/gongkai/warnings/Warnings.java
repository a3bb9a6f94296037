package org.gongkai.warnings;

import org.gongkai.config.Config;
import org.gongkai.content.ItemService;
import org.gongkai.content.ReviewService;
import org.gongkai.intake.Fetcher;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/** The warnings feature, built from the configuration (keeps App short): its service, poller and routes. */
public final class Warnings {
    private final WarningService service;
    private final CapSources sources;
    private final CapPoller poller;
    private final WarningService.Policy pushPolicy;

    public Warnings(Config config, Jdbi jdbi, ItemService items, ReviewService review, Clock clock) {
        var w = config.warnings();
        String dept = config.alerts() == null ? null : config.alerts().defaultDepartment();
        service = new WarningService(new WarningStore(jdbi), items, review, clock, w.areaNames(), w.areaCodes(), dept);
        sources = new CapSources(jdbi);
        poller = new CapPoller(sources, service, new Fetcher(config.intake()), clock);
        pushPolicy = policy(w.pushPolicy());
    }

    public void start() {
        poller.start();
    }

    public void stop() {
        poller.close();
    }

    public CapRoutes routes() {
        return new CapRoutes(service, pushPolicy, sources);
    }

    static WarningService.Policy policy(String name) {
        if (name == null || name.isBlank()) return WarningService.Policy.SEVERE_AT_ONCE;
        return WarningService.Policy.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
