package org.gongkai.departments;

import io.javalin.http.Context;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

/** GET /api/departments is public; creating and renaming need an admin. */
public final class DepartmentRoutes {
    private final DepartmentStore store;

    public DepartmentRoutes(DepartmentStore store) {
        this.store = store;
    }

    public void list(Context ctx) {
        ctx.json(store.list());
    }

    public void create(Context ctx) {
        Department d = check(Requests.body(ctx, Department.class), null);
        if (store.exists(d.code())) throw ApiException.conflict("code", "department '" + d.code() + "' already exists");
        store.insert(d);
        ctx.status(201).json(d);
    }

    public void update(Context ctx) {
        Department d = check(Requests.body(ctx, Department.class), ctx.pathParam("code"));
        if (!store.update(d)) throw ApiException.notFound("department " + d.code());
        ctx.json(d);
    }

    private static Department check(Department d, String pathCode) {
        String code = pathCode != null ? pathCode : d.code();
        Requests.require(code != null && code.matches("[a-z0-9-]{1,64}"), "code", "must be 1-64 lowercase letters, digits or hyphens");
        Requests.require(pathCode == null || d.code() == null || d.code().equals(pathCode), "code", "does not match the address");
        Requests.require(d.name() != null && !d.name().isBlank() && d.name().length() <= 200, "name", "is required (at most 200 characters)");
        Requests.require(d.nameEn() == null || d.nameEn().length() <= 200, "nameEn", "is longer than 200 characters");
        Requests.require(d.phone() == null || d.phone().length() <= 64, "phone", "is longer than 64 characters");
        return new Department(code, d.name().strip(), d.nameEn(), d.phone());
    }
}
