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
        r.exception(ApiException.class, (e, ctx) -> {
            if (e instanceof TooManyRequests t) {
                ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
                Map<String, Object> body = body(e.getMessage(), e.field());
                body.put("retryAfterSeconds", t.retryAfterSeconds());
                ctx.status(429).json(body);
                return;
            }
            write(ctx, e.status(), e.getMessage(), e.field());
        });
        r.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), e.getMessage(), null));
        r.exception(Exception.class, (e, ctx) -> {
            if (valueTooLong(e)) {
                // A safety net: validation should have named the field already.
                LOG.warn("{} {}: value too long for its column: {}", ctx.method(), ctx.path(), e.getMessage());
                write(ctx, 400, "a value is too long to be stored", null);
                return;
            }
            if (databaseUnavailable(e)) {
                // Disk full, a read-only or vanished data dir, a database server away: not the request's fault and
                // not a bug; the client may try again. The details (paths, offsets) stay in the log.
                LOG.error("{} {}: the database cannot be used: {}", ctx.method(), ctx.path(), rootCause(e).toString());
                ctx.header("Retry-After", "60");
                write(ctx, 503, "the database cannot store or read data right now (disk full, read-only or unreachable);"
                        + " this request may not have been saved, what was saved before is kept; try again later", null);
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

    /**
     * The database, not the request, failed: an I/O error or a closed database in H2 (90028 I/O, 90030 file corrupted,
     * 90031 I/O, 90097 read-only, 90098 closed, 90121 closed at shutdown, or its storage engine giving up on a
     * write), SQL states of a lost connection (08), insufficient resources such as a full disk (53), an operator
     * shutdown (57P) or a read-only transaction (25006), and a connection pool that had none to give.
     */
    public static boolean databaseUnavailable(Throwable e) {
        boolean sql = false; // an I/O error counts only under a database error, not, say, a client gone away
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) return true;
            if (sql && (t instanceof java.io.IOException || t.getClass().getName().equals("org.h2.mvstore.MVStoreException"))) return true;
            if (t instanceof java.sql.SQLException sqlException) {
                sql = true;
                String state = sqlException.getSQLState() == null ? "" : sqlException.getSQLState();
                int code = sqlException.getErrorCode();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("25006")) return true;
                if (code == 90028 || code == 90030 || code == 90031 || code == 90097 || code == 90098 || code == 90121) return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    static void write(Context ctx, int status, String error, String field) {
        ctx.status(status).json(body(error, field));
    }

    private static Map<String, Object> body(String error, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("field", field);
        return body;
    }
}
