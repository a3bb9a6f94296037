package org.gongkai.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStore;
import org.gongkai.content.ItemViews;
import org.gongkai.web.Json;
import org.gongkai.web.Requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** GET /api/search?q=&kind=&page=&size=: public, current items only, best first, with the words to highlight. */
public final class SearchRoutes {
    private final SearchService search;
    private final ItemStore items;
    private final ItemViews views;

    public SearchRoutes(SearchService search, ItemStore items, ItemViews views) {
        this.search = search;
        this.items = items;
        this.views = views;
    }

    public void search(Context ctx) {
        long started = System.nanoTime();
        String q = ctx.queryParam("q");
        Requests.require(q != null && !q.isBlank(), "q", "is required: the words or pinyin to look for");
        Requests.require(q.length() <= 100, "q", "is longer than 100 characters");
        String kind = ctx.queryParam("kind");
        if (kind != null && !kind.isBlank()) {
            Requests.require(java.util.Arrays.stream(ItemKind.values()).anyMatch(k -> k.code().equals(kind)), "kind",
                    "must be notice, guide, policy, interpretation or alert");
        }
        int page = Requests.intQuery(ctx, "page", 1, 1, 1000);
        int size = Requests.intQuery(ctx, "size", 20, 1, 50);
        SearchIndex.Result result = search.search(q, kind, (page - 1) * size, size);
        Map<Long, Item> found = items.findAll(result.hits().stream().map(SearchIndex.Hit::id).toList()).stream()
                .collect(Collectors.toMap(Item::id, Function.identity()));
        List<SearchIndex.Hit> hits = result.hits().stream().filter(h -> found.containsKey(h.id())).toList();
        List<ObjectNode> out = views.of(hits.stream().map(h -> found.get(h.id())).toList(), false);
        for (int i = 0; i < out.size(); i++) {
            out.get(i).set("highlights", Json.MAPPER.valueToTree(hits.get(i).highlights()));
            out.get(i).put("score", hits.get(i).score());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q);
        body.put("mode", result.mode());
        body.put("total", result.total());
        body.put("page", page);
        body.put("size", size);
        body.put("items", out);
        body.put("tookMs", Math.round((System.nanoTime() - started) / 1e5) / 10.0);
        ctx.json(body);
    }
}
