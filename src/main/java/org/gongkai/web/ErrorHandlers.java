package org.gongkai.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every error leaves as JSON {"error": ..., "field": ...}; unexpected ones are logged and never show internals. */
public final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {}

    public static void register(RoutesConfig r) {
        r.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.getMessage(), e.field()));
        r.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), e.getMessage(), null));
        r.exception(Exception.class, (e, ctx) -> {
            if (valueTooLong(e)) {
                // A safety net: validation should have named the field already.
                LOG.warn("{} {}: value too long for its column: {}", ctx.method(), ctx.path(), e.getMessage());
                write(ctx, 400, "a value is too long to be stored", null);
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal error; the server log has the details", null);
        });
        r.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 404, "no such address: " + ctx.path(), null);
            }
        });
        r.error(405, ctx -> write(ctx, 405, "method " + ctx.method() + " is not allowed here", null));
    }

    private static boolean valueTooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "22001".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    static void write(Context ctx, int status, String error, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("field", field);
        ctx.status(status).json(body);
    }
}
