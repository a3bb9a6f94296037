package org.gongkai.speech;

import io.javalin.http.Context;
import org.gongkai.content.Item;
import org.gongkai.content.ItemService;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET /api/speech (is there a server voice), GET /api/items/{id}/speech (the parts of an item's text) and
 * GET /api/items/{id}/speech/{part}?version=V (one part as WAV). Whoever may read the item may hear it.
 */
public final class SpeechRoutes {
    private static final long WAIT_SECONDS = 45;
    private final SpeechService speech;
    private final ItemService items;

    public SpeechRoutes(SpeechService speech, ItemService items) {
        this.speech = speech;
        this.items = items;
    }

    public void state(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("available", speech.available());
        out.put("engine", speech.description());
        ctx.json(out);
    }

    public void parts(Context ctx) {
        Item item = readable(ctx);
        List<String> parts = SpeechText.parts(item);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("itemId", item.id());
        out.put("version", item.version());
        out.put("parts", parts);
        ctx.json(out);
    }

    public void audio(Context ctx) throws IOException {
        Item item = readable(ctx);
        int version = Requests.intQuery(ctx, "version", item.version(), 0, Integer.MAX_VALUE);
        if (version != item.version()) {
            throw ApiException.conflict("version", "item " + item.id() + " is now at version " + item.version()
                    + "; ask for its speech parts again");
        }
        List<String> parts = SpeechText.parts(item);
        int k = partPath(ctx);
        if (k >= parts.size()) throw ApiException.notFound("part " + k + " of item " + item.id() + " (it has " + parts.size() + ")");
        Path file;
        try {
            file = speech.part(item, parts, k).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(503, "the speech engine is busy; try again in a moment", null);
        } catch (ExecutionException e) {
            throw new ApiException(503, "the speech engine failed: " + e.getCause().getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", null);
        }
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType("audio/wav");
        ctx.result(Files.readAllBytes(file));
    }

    private Item readable(Context ctx) {
        if (!speech.available()) {
            throw new ApiException(404, "no speech engine on this server (install espeak-ng, see speech: in the config)", null);
        }
        return items.get(Requests.longPath(ctx, "id"), Requests.staff(ctx));
    }

    private static int partPath(Context ctx) {
        String raw = ctx.pathParam("part");
        if (!raw.matches("\\d{1,6}")) throw ApiException.badRequest("part", "part must be a number from 0, not '" + raw + "'");
        return Integer.parseInt(raw);
    }
}
