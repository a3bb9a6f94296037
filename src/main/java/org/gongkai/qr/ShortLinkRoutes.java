package org.gongkai.qr;

import io.javalin.http.Context;
import org.gongkai.content.Item;
import org.gongkai.content.ItemStore;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.OffsetDateTime;

/** /s/{code} redirects and counts the scan; /qr/{code}.png and .svg draw the short link. */
public final class ShortLinkRoutes {
    private final ItemStore items;
    private final ShortLinks links;
    private final Clock clock;

    public ShortLinkRoutes(ItemStore items, ShortLinks links, Clock clock) {
        this.items = items;
        this.links = links;
        this.clock = clock;
    }

    public void redirect(Context ctx) {
        String code = ShortCodes.normalize(ctx.pathParam("code"));
        long id = code == null ? -1 : items.itemForShortCode(code).orElse(-1L);
        Item item = id < 0 ? null : items.find(id).orElse(null);
        if (item == null || !item.publicAt(clock.instant())) {
            throw new ApiException(404, "this link does not lead to a published item", null);
        }
        items.countScan(code, OffsetDateTime.now(clock));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(item.sourceUrl() != null ? item.sourceUrl() : "/m/items/" + item.id(), io.javalin.http.HttpStatus.FOUND);
    }

    public void png(Context ctx) {
        String code = code(ctx, ".png");
        int size = Requests.intQuery(ctx, "size", 400, QrCodes.MIN_SIZE, QrCodes.MAX_SIZE);
        ctx.contentType("image/png").header("Cache-Control", "public, max-age=86400")
                .result(QrCodes.png(links.qrText(code), size));
    }

    public void svg(Context ctx) {
        String code = code(ctx, ".svg");
        int size = Requests.intQuery(ctx, "size", 400, QrCodes.MIN_SIZE, QrCodes.MAX_SIZE);
        ctx.contentType("image/svg+xml").header("Cache-Control", "public, max-age=86400")
                .result(QrCodes.svg(links.qrText(code), size));
    }

    private String code(Context ctx, String suffix) {
        String file = ctx.pathParam("file");
        String code = file.endsWith(suffix) ? ShortCodes.normalize(file.substring(0, file.length() - suffix.length())) : null;
        if (code == null || items.itemForShortCode(code).isEmpty()) throw ApiException.notFound("short link");
        return code;
    }
}
