package org.gongkai.qr;

import io.javalin.http.Context;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.gongkai.content.ItemStore;
import org.gongkai.departments.DepartmentStore;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.OffsetDateTime;

/** /s/{code} redirects and counts the scan; /qr/{code}.png and .svg draw the short link. */
public final class ShortLinkRoutes {
    private final ItemStore items;
    private final ShortLinks links;
    private final Clock clock;
    private final DepartmentStore departments;
    private final LinkGonePage gonePage;

    public ShortLinkRoutes(ItemStore items, ShortLinks links, Clock clock, DepartmentStore departments, LinkGonePage gonePage) {
        this.items = items;
        this.links = links;
        this.clock = clock;
        this.departments = departments;
        this.gonePage = gonePage;
    }

    public void redirect(Context ctx) {
        String code = ShortCodes.normalize(ctx.pathParam("code"));
        long id = code == null ? -1 : items.itemForShortCode(code).orElse(-1L);
        Item item = id < 0 ? null : items.find(id).orElse(null);
        if (item == null || !item.publicAt(clock.instant())) {
            if (wantsPage(ctx)) {
                gone(ctx, item);
                return;
            }
            throw new ApiException(404, "this link does not lead to a published item", null);
        }
        items.countScan(code, OffsetDateTime.now(clock));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(item.sourceUrl() != null ? item.sourceUrl() : "/m/items/" + item.id(), io.javalin.http.HttpStatus.FOUND);
    }

    /** A person's browser asks for text/html; a program (JSON, no Accept, * / *) keeps getting the JSON error. */
    static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /** The same 404 as for a program, as a page that says what happened and where to look instead. */
    private void gone(Context ctx, Item item) {
        LinkGonePage.Reason reason = reason(item);
        var department = reason == LinkGonePage.Reason.UNKNOWN ? null : departments.find(item.department()).orElse(null);
        ctx.status(404).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8")
                .result(gonePage.render(reason, "en".equals(ctx.queryParam("lang")), department));
    }

    /** Items still being written or reviewed are not mentioned: to the public they do not exist. */
    private LinkGonePage.Reason reason(Item item) {
        if (item == null || item.status().inReview()) return LinkGonePage.Reason.UNKNOWN;
        if (item.status() == ItemStatus.WITHDRAWN) {
            return item.kind() == ItemKind.ALERT ? LinkGonePage.Reason.ALERT_LIFTED : LinkGonePage.Reason.WITHDRAWN;
        }
        return LinkGonePage.Reason.NOT_YET_PUBLISHED;
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
