package org.gongkai.web;

import io.javalin.http.Context;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** GET /health: 200 with "status":"ok" when the database answers, 503 with the reason when it does not. */
public final class Health {
    private final DataSource dataSource;
    private final Supplier<Map<String, Object>> push;

    public Health(DataSource dataSource, Supplier<Map<String, Object>> push) {
        this.dataSource = dataSource;
        this.push = push;
    }

    public void handle(Context ctx) {
        Map<String, Object> db = new LinkedHashMap<>();
        boolean up;
        try (Connection c = dataSource.getConnection()) {
            up = c.isValid(2);
            DatabaseMetaData meta = c.getMetaData();
            db.put("state", up ? "up" : "down");
            db.put("product", meta.getDatabaseProductName());
            db.put("version", meta.getDatabaseProductVersion());
            db.put("readOnly", c.isReadOnly());
        } catch (Exception e) {
            up = false;
            db.put("state", "down");
            db.put("error", e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "ok" : "degraded");
        out.put("database", db);
        out.put("push", push.get());
        Runtime rt = Runtime.getRuntime();
        out.put("memory", Map.of("heapUsedBytes", rt.totalMemory() - rt.freeMemory(), "heapMaxBytes", rt.maxMemory()));
        ctx.status(up ? 200 : 503).json(out);
    }
}
