package org.gongkai.applications;

import io.javalin.http.Context;
import org.gongkai.accounts.Staff;
import org.gongkai.audit.AuditRoutes;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /api/applications: the handling department's staff, the disclosure office and admins register, read and move
 * applications (see {@link ApplicationAccess}), and every read of applicants' personal data is audited with the ids
 * read; anyone looks one up with its number and check code.
 */
public final class ApplicationRoutes {
    record NewApplication(String channel, String subject, String applicant, String contact, LocalDate receivedOn,
                          String department) {}

    record Routing(String department) {}

    record Move(String status, String replyType, LocalDate on) {}

    private final ApplicationService service;
    private final java.util.function.Predicate<String> screenExists;

    public ApplicationRoutes(ApplicationService service, java.util.function.Predicate<String> screenExists) {
        this.service = service;
        this.screenExists = screenExists;
    }

    /** A department's staff register for their own department (the default); the office and admins for any, or none yet. */
    public void create(Context ctx) {
        Staff staff = Requests.caller(ctx);
        String scope = ApplicationAccess.scope(staff);
        NewApplication r = Requests.body(ctx, NewApplication.class);
        String department = r.department() == null || r.department().isBlank() ? scope : r.department().strip();
        if (scope != null && !scope.equals(department)) {
            throw ApiException.forbidden("an editor or reviewer of department " + scope + " registers applications for "
                    + scope + " only; the disclosure office routes them to other departments");
        }
        ApplicationService.Created created = service.create(r.channel(), r.subject(), r.applicant(), r.contact(),
                r.receivedOn(), department, staff.username());
        Map<String, Object> out = staffView(created.application());
        out.put("checkCode", created.checkCode());
        out.put("note", "give the number and the check code to the applicant; the check code is shown only now");
        ctx.status(201).json(out);
    }

    public void list(Context ctx) {
        String scope = ApplicationAccess.scope(Requests.caller(ctx));
        List<Application> list = service.list(scope, Requests.intQuery(ctx, "limit", 100, 1, 1000));
        AuditRoutes.personalDataRead(ctx, "applications " + ranges(list.stream().map(Application::id).toList()));
        ctx.json(list.stream().map(this::staffView).toList());
    }

    public void get(Context ctx) {
        Application a = readable(ctx);
        AuditRoutes.personalDataRead(ctx, "application " + a.id() + " " + a.number());
        ctx.json(staffView(a));
    }

    public void move(Context ctx) {
        Staff staff = Requests.caller(ctx);
        readable(ctx);
        Move m = Requests.body(ctx, Move.class);
        ctx.json(staffView(service.move(ctx.pathParam("number"), m.status(), m.replyType(), m.on(), staff.username())));
    }

    /** PUT /api/applications/{number}/department: the disclosure office hands an application to a department. */
    public void route(Context ctx) {
        Staff staff = Requests.caller(ctx);
        Application a = service.find(ctx.pathParam("number"));
        Routing r = Requests.body(ctx, Routing.class);
        ctx.json(staffView(service.route(a, r.department() == null ? null : r.department().strip(), staff.username())));
    }

    /** The application of the path, if the caller's department handles it (a viewer was refused before any look-up). */
    private Application readable(Context ctx) {
        Staff staff = Requests.caller(ctx);
        Application a = service.find(ctx.pathParam("number"));
        ApplicationAccess.requireHandles(staff, a);
        return a;
    }

    /** Ids as ranges, newest or oldest first alike: [9, 5, 4, 3] → "3-5,9"; none → "(none)". */
    static String ranges(List<Long> ids) {
        if (ids.isEmpty()) return "(none)";
        List<Long> sorted = ids.stream().sorted().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) j++;
            if (out.length() > 0) out.append(',');
            out.append(sorted.get(i));
            if (j > i) out.append('-').append(sorted.get(j));
            i = j;
        }
        return out.toString();
    }

    /** Public. A touchscreen names itself with screenId; an id that names no screen counts as none (stricter). */
    public void lookup(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String screenId = Requests.query(ctx, "screenId", 40);
        if (screenId != null && !screenExists.test(screenId)) screenId = null;
        ctx.json(service.lookup(ctx.queryParam("number"), ctx.queryParam("code"),
                new ApplicationService.Caller(ctx.ip(), screenId)));
    }

    private Map<String, Object> staffView(Application a) {
        Map<String, Object> out = new LinkedHashMap<>(service.publicView(a));
        out.put("channel", a.channel());
        out.put("subject", a.subject());
        out.put("applicant", a.applicant());
        out.put("contact", a.contact());
        out.put("department", a.department());
        out.put("clockStartsOn", a.clockStartsOn());
        out.put("updatedAt", a.updatedAt());
        out.put("updatedBy", a.updatedBy());
        return out;
    }
}
