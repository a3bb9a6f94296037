package org.gongkai.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the pages of kiosk-web/ from the jar; their scripts and styles come from /kiosk/. Each page carries the
 * display time zone (display.timezone) in {@code <meta name="gongkai-display-timezone">}, which
 * kiosk-web/common/zone.js reads: no page assumes a zone of its own.
 */
public final class Pages {
    static final String ZONE_META = "<meta name=\"gongkai-display-timezone\" content=\"\">";
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final ZoneId zone;

    public Pages(ZoneId zone) {
        this.zone = zone;
    }

    public io.javalin.http.Handler page(String resource) {
        return ctx -> serve(ctx, resource);
    }

    /**
     * A page for one item, /m/items/{id}: an address whose id is not a number leads nowhere (404), so that a path
     * such as /m/items/..%2f..%2fgongkai.yaml is not answered with a page as if it named an item.
     */
    public io.javalin.http.Handler itemPage(String resource) {
        return ctx -> {
            if (!ctx.pathParam("id").matches("\\d{1,18}")) throw new ApiException(404, "no such item page: the id must be a number", "id");
            serve(ctx, resource);
        };
    }

    /** A script that must be served from the root, such as a Service Worker that controls pages outside /kiosk/. */
    public io.javalin.http.Handler script(String resource) {
        return ctx -> {
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType("text/javascript; charset=utf-8").result(cache.computeIfAbsent(resource, Pages::read));
        };
    }

    private void serve(Context ctx, String resource) {
        byte[] html = cache.computeIfAbsent(resource, r -> withZone(read(r)));
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    // A zone id is letters, digits and / _ + - only (ZoneId checked it at start), so it needs no escaping.
    private byte[] withZone(byte[] page) {
        String html = new String(page, StandardCharsets.UTF_8);
        return html.replace(ZONE_META, ZONE_META.replace("content=\"\"", "content=\"" + zone.getId() + "\""))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream("kiosk-web/" + resource)) {
            if (in == null) throw new IllegalStateException("page kiosk-web/" + resource + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
