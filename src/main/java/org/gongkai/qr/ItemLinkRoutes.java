package org.gongkai.qr;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.gongkai.content.Item;
import org.gongkai.content.ItemStore;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outside addresses of a public item, each with its own short link /s/{code}/{key} and QR code
 * /qr/{code}/{key}.svg|png (ItemLinks). Only addresses a published item holds get either: this is no open redirect
 * and no QR generator for any address a caller sends.
 */
public final class ItemLinkRoutes {
    private final ItemStore items;
    private final ShortLinks links;
    private final Clock clock;

    public ItemLinkRoutes(ItemStore items, ShortLinks links, Clock clock) {
        this.items = items;
        this.links = links;
        this.clock = clock;
    }

    /** GET /api/items/{id}/links */
    public void list(Context ctx) {
        long id = Requests.longPath(ctx, "id");
        Item item = items.find(id).filter(i -> i.publicAt(clock.instant()) && i.shortCode() != null)
                .orElseThrow(() -> ApiException.notFound("item " + id));
        List<Map<String, String>> out = new ArrayList<>();
        ItemLinks.keyed(ItemLinks.of(item)).forEach((key, url) -> {
            Map<String, String> link = new LinkedHashMap<>();
            link.put("url", url);
            link.put("shortUrl", links.linkUrl(item.shortCode(), key));
            link.put("qrSvg", "/qr/" + item.shortCode() + "/" + key + ".svg");
            link.put("qrPng", "/qr/" + item.shortCode() + "/" + key + ".png");
            out.add(link);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("item", id);
        body.put("links", out);
        ctx.json(body);
    }

    /** GET /s/{code}/{key}: to the address, counted as a scan of the item's short link. */
    public void redirect(Context ctx) {
        Found found = find(ctx.pathParam("code"), ctx.pathParam("key"));
        if (found == null) throw new ApiException(404, "this link does not lead to an address of a published item", null);
        items.countScan(found.code, OffsetDateTime.now(clock));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(found.url, HttpStatus.FOUND);
    }

    /** GET /qr/{code}/{file}: {key}.svg or {key}.png, the QR code of the short link. */
    public void qr(Context ctx) {
        String file = ctx.pathParam("file");
        boolean svg = file.endsWith(".svg");
        Found found = svg || file.endsWith(".png") ? find(ctx.pathParam("code"), file.substring(0, file.length() - 4)) : null;
        if (found == null) throw ApiException.notFound("short link");
        int size = Requests.intQuery(ctx, "size", 400, QrCodes.MIN_SIZE, QrCodes.MAX_SIZE);
        String text = links.linkQrText(found.code, found.key);
        // Not cached for long: the code stops leading anywhere when the item is withdrawn.
        ctx.header("Cache-Control", "public, max-age=300");
        if (svg) ctx.contentType("image/svg+xml").result(QrCodes.svg(text, size));
        else ctx.contentType("image/png").result(QrCodes.png(text, size));
    }

    private record Found(String code, String key, String url) {}

    private Found find(String rawCode, String rawKey) {
        String code = ShortCodes.normalize(rawCode);
        String key = ItemLinks.normalizeKey(rawKey);
        if (code == null || key == null) return null;
        Item item = items.itemForShortCode(code).flatMap(items::find).orElse(null);
        if (item == null || !item.publicAt(clock.instant())) return null;
        String url = ItemLinks.keyed(ItemLinks.of(item)).get(key);
        return url == null ? null : new Found(code, key, url);
    }
}
