package org.gongkai.applications;

import io.javalin.http.Context;
import org.gongkai.accounts.Staff;
import org.gongkai.audit.AuditRoutes;
import org.gongkai.screens.Screen;
import org.gongkai.screens.ScreenService;
import org.gongkai.screens.ScreenStore;
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
                          String department, String applicantType) {}

    record Routing(String department) {}

    /** A citizen's own application; a touchscreen adds its id and secret, so that it is known where it was received. */
    record SelfApplication(String name, String idType, String idNumber, String phone, String subject, String delivery,
                           String address, String email, String screenId, String screenSecret) {}

    record Move(String status, String replyType, String result, LocalDate on) {}

    private final ApplicationService service;
    private final ScreenStore screenStore;
    private final ScreenService screens;

    public ApplicationRoutes(ApplicationService service, ScreenStore screenStore, ScreenService screens) {
        this.service = service;
        this.screenStore = screenStore;
        this.screens = screens;
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
                r.receivedOn(), department, r.applicantType(), staff.username());
        Map<String, Object> out = staffView(created.application());
        out.put("checkCode", created.checkCode());
        out.put("note", "give the number and the check code to the applicant; the check code is shown only now");
        ctx.status(201).json(out);
    }

    /**
     * Public: POST /api/applications/submit. The answer holds what the receipt shows (number, check code, date
     * received, deadline); the check code is shown only now.
     */
    public void submit(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        SelfApplication r = Requests.body(ctx, SelfApplication.class);
        String screenId = null;
        if (r.screenId() != null || r.screenSecret() != null) {
            Screen screen = screens.authenticate(r.screenId(), r.screenSecret()).orElseThrow(() ->
                    ApiException.forbidden("screenId and screenSecret do not name a paired screen"));
            if (!"touch".equals(screen.kind()) || !"active".equals(screen.status())) {
                throw ApiException.forbidden("only a paired touchscreen takes applications");
            }
            screenId = screen.id();
        }
        ApplicationService.Created created = service.submit(new Submission(r.name(), r.idType(), r.idNumber(), r.phone(),
                r.subject(), r.delivery(), r.address(), r.email()), new ApplicationService.Caller(ctx.ip(), screenId));
        Application a = created.application();
        Map<String, Object> out = new LinkedHashMap<>(service.publicView(a));
        out.put("checkCode", created.checkCode());
        out.put("workingDays", Application.DAYS);
        out.put("extensionDays", Application.EXTENSION_DAYS);
        ctx.status(201).header("Location", "/api/applications/" + a.number()).json(out);
    }

    public void list(Context ctx) {
        String scope = ApplicationAccess.scope(Requests.caller(ctx));
        List<Application> list = service.list(scope, Requests.intQuery(ctx, "limit", 100, 1, 1000));
        AuditRoutes.personalDataRead(ctx, "applications " + ranges(list.stream().map(Application::id).toList()));
        Map<String, String> names = new java.util.HashMap<>(); // a screen's name read once per list, not per application
        ctx.json(list.stream().map(a -> staffView(a, id -> names.computeIfAbsent(id, this::screenName))).toList());
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
        ctx.json(staffView(service.move(ctx.pathParam("number"), m.status(), m.replyType(), m.result(), m.on(), staff.username())));
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
        if (screenId != null && screenStore.find(screenId).isEmpty()) screenId = null;
        ctx.json(service.lookup(ctx.queryParam("number"), ctx.queryParam("code"),
                new ApplicationService.Caller(ctx.ip(), screenId)));
    }

    private String screenName(String screenId) {
        return screenStore.find(screenId).map(Screen::name).orElse(null);
    }

    private Map<String, Object> staffView(Application a) {
        return staffView(a, this::screenName);
    }

    private Map<String, Object> staffView(Application a, java.util.function.Function<String, String> screenName) {
        Map<String, Object> out = new LinkedHashMap<>(service.publicView(a));
        out.put("channel", a.channel());
        out.put("subject", a.subject());
        out.put("applicant", a.applicant());
        out.put("contact", a.contact());
        out.put("department", a.department());
        out.put("clockStartsOn", a.clockStartsOn());
        out.put("updatedAt", a.updatedAt());
        out.put("updatedBy", a.updatedBy());
        out.put("applicantType", a.applicantType());
        out.put("result", a.result());
        Application.SelfService self = a.selfService();
        if (self != null) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("idType", self.idType());
            given.put("idTypeName", IdDocuments.TYPES.get(self.idType()));
            given.put("idNumber", self.idNumber());
            given.put("phone", self.phone());
            given.put("delivery", self.delivery());
            given.put("address", self.address());
            given.put("email", self.email());
            given.put("screenId", self.screenId());
            given.put("screenName", self.screenId() == null ? null : screenName.apply(self.screenId()));
            out.put("selfService", given);
        }
        return out;
    }
}
