package org.gongkai.warnings;

import io.javalin.http.Context;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /api/cap (a pushed CAP message), GET /api/cap/messages, POST /api/cap/messages/{id}/issue. */
public final class CapRoutes {
    private static final List<String> TYPES = List.of("application/cap+xml", "application/xml", "text/xml");
    private final WarningService warnings;
    private final WarningService.Policy pushPolicy;
    private final CapSources sources;

    public CapRoutes(WarningService warnings, WarningService.Policy pushPolicy, CapSources sources) {
        this.warnings = warnings;
        this.pushPolicy = pushPolicy;
        this.sources = sources;
    }

    public void sources(Context ctx) {
        ctx.json(sources.list());
    }

    public void createSource(Context ctx) {
        ctx.status(201).json(sources.create(Requests.body(ctx, CapSources.Input.class)));
    }

    public void updateSource(Context ctx) {
        ctx.json(sources.update(id(ctx), Requests.body(ctx, CapSources.Input.class)));
    }

    public void deleteSource(Context ctx) {
        sources.delete(id(ctx));
        ctx.status(204);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("" + ctx.pathParam("id"));
        }
    }

    public void receive(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw ApiException.badRequest(null, "Content-Type must be application/cap+xml or application/xml, not '" + type + "'");
        }
        byte[] body = Requests.bytes(ctx);
        if (body.length == 0) throw ApiException.badRequest(null, "request body is empty; expected one CAP 1.2 message");
        String source = "push:" + Requests.caller(ctx).username();
        try {
            ctx.json(answer(warnings.receive(body, source, pushPolicy, null)));
        } catch (CapParser.BadCap e) {
            throw ApiException.badRequest(null, e.getMessage());
        }
    }

    public void messages(Context ctx) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (WarningStore.Received r : warnings.store().latest(200)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("identifier", r.identifier());
            m.put("sender", r.sender());
            m.put("sent", r.sent());
            m.put("msgType", r.msgType());
            m.put("status", r.status());
            m.put("source", r.source());
            m.put("outcome", r.outcome());
            m.put("reason", r.reason());
            m.put("itemId", r.itemId());
            m.put("receivedAt", r.receivedAt());
            if ("pending".equals(r.outcome())) m.put("preview", warnings.preview(r));
            out.add(m);
        }
        ctx.json(out);
    }

    public void issue(Context ctx) {
        long id = id(ctx);
        ctx.json(answer(warnings.issuePending(id, Requests.caller(ctx))));
    }

    /** What was done with a message, as POST /api/cap and the issue button answer it. */
    private static Map<String, Object> answer(WarningService.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", r.outcome());
        out.put("reason", r.reason());
        out.put("itemId", r.itemId());
        out.put("identifier", r.identifier());
        out.put("messageId", r.messageId());
        return out;
    }
}
