package org.gongkai.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.gongkai.catalogue.Catalogue;
import org.gongkai.content.Item;
import org.gongkai.content.ItemService;
import org.gongkai.content.ItemStatus;
import org.gongkai.content.ItemStore;
import org.gongkai.content.ItemViews;
import org.gongkai.search.SearchService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/offline: what a touchscreen keeps so that it goes on working while the server cannot be reached (its
 * Service Worker answers the catalogue, lists, items and search from it): the catalogue, every published item that
 * is current or still to come (the worker leaves out what is not current at the moment it answers), as the public
 * item API gives it and in the lists' order, and each title's pinyin keys for search. Its ETag is the content
 * version: a screen that asks again with it gets a 304 until something is published, changed or withdrawn.
 */
public final class OfflineRoutes {
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 100; // 10,000 items: far more than a county publishes at a time

    private final ItemService items;
    private final ItemStore store;
    private final ItemViews views;
    private final SearchService search;
    private final Catalogue catalogue;
    private final Clock clock;

    public OfflineRoutes(ItemService items, ItemStore store, ItemViews views, SearchService search, Catalogue catalogue,
                         Clock clock) {
        this.items = items;
        this.store = store;
        this.views = views;
        this.search = search;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public void copy(Context ctx) {
        String etag = "\"copy-" + store.currentVersion() + "\"";
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Item> published = new ArrayList<>();
        long total = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            ItemStore.Page p = items.list(new ItemStore.Filter(null, null, null, ItemStatus.PUBLISHED, null, null, null,
                    false, now, page, PAGE, null));
            total += p.items().size();
            p.items().stream().filter(i -> i.publishEnd() == null || i.publishEnd().isAfter(now)).forEach(published::add);
            if (total >= p.total() || p.items().isEmpty()) break;
        }
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        for (Item item : published) keys.put(Long.toString(item.id()), search.pinyinKeys(item.title()));
        List<ObjectNode> shown = views.of(published, false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generatedAt", now);
        body.put("catalogue", catalogue);
        body.put("items", shown);
        body.put("pinyin", keys);
        ctx.json(body);
    }
}
