package org.gongkai.applications;

import io.javalin.http.Context;
import org.gongkai.accounts.Staff;
import org.gongkai.web.Requests;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** /api/applications: staff create and move applications; anyone looks one up with its number and check code. */
public final class ApplicationRoutes {
    record NewApplication(String channel, String subject, String applicant, String contact, LocalDate receivedOn) {}

    record Move(String status, String replyType, LocalDate on) {}

    private final ApplicationService service;
    private final java.util.function.Predicate<String> screenExists;

    public ApplicationRoutes(ApplicationService service, java.util.function.Predicate<String> screenExists) {
        this.service = service;
        this.screenExists = screenExists;
    }

    public void create(Context ctx) {
        Staff staff = Requests.requireWriter(ctx);
        NewApplication r = Requests.body(ctx, NewApplication.class);
        ApplicationService.Created created = service.create(r.channel(), r.subject(), r.applicant(), r.contact(),
                r.receivedOn(), staff.username());
        Map<String, Object> out = staffView(created.application());
        out.put("checkCode", created.checkCode());
        out.put("note", "give the number and the check code to the applicant; the check code is shown only now");
        ctx.status(201).json(out);
    }

    public void list(Context ctx) {
        Requests.requireStaff(ctx);
        ctx.json(service.list(Requests.intQuery(ctx, "limit", 100, 1, 1000)).stream().map(this::staffView).toList());
    }

    public void get(Context ctx) {
        Requests.requireStaff(ctx);
        ctx.json(staffView(service.find(ctx.pathParam("number"))));
    }

    public void move(Context ctx) {
        Staff staff = Requests.requireWriter(ctx);
        Move m = Requests.body(ctx, Move.class);
        ctx.json(staffView(service.move(ctx.pathParam("number"), m.status(), m.replyType(), m.on(), staff.username())));
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
        out.put("clockStartsOn", a.clockStartsOn());
        out.put("updatedAt", a.updatedAt());
        out.put("updatedBy", a.updatedBy());
        return out;
    }
}
