package org.gongkai.audit;

import io.javalin.http.Context;
import org.gongkai.accounts.AuthRoutes;
import org.gongkai.accounts.Staff;
import org.gongkai.web.Csv;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records every state-changing API call and every read of personal data (and every refused attempt at one);
 * /api/audit lists, exports (CSV) and verifies the chain. Admin only.
 */
public final class AuditRoutes {
    // Citizens' ratings and a touchscreen's item views are anonymous by design (and a view is no action of
    // anyone's: one audit row each would flood the chain); an editor's live preview changes nothing.
    private static final Set<String> NOT_STAFF_ACTIONS = Set.of("/api/ratings", "/api/usage/views", "/api/items/preview");
    private static final String PERSONAL_DATA_READ = "gongkai.audit.personalDataRead";
    /** Reads under these paths show personal data (the public lookup does not: it shows no name or contact). */
    private static final String PERSONAL_DATA = "/api/applications";
    private static final String NOT_PERSONAL_DATA = "/api/applications/lookup";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditRoutes.class);
    private final AuditLog log;
    private final Clock clock;

    /** @param clock the audit log's clock: the default period of the list ends a minute after its "now" */
    public AuditRoutes(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** A handler that has just shown personal data says which (e.g. "applications 3-5,9"): the read is recorded. */
    public static void personalDataRead(Context ctx, String what) {
        ctx.attribute(PERSONAL_DATA_READ, what);
    }

    /**
     * An after-handler for /api/*: writes (and failed attempts) are recorded with who, what, result and where; so are
     * reads of personal data, with what was read, and refused attempts at them.
     */
    public void record(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            recordRead(ctx);
            return;
        }
        String path = ctx.path();
        if (NOT_STAFF_ACTIONS.contains(path)) return;
        int status = ctx.statusCode();
        String actor;
        String action;
        if (path.equals("/api/login")) {
            actor = loginName(ctx);
            action = status < 400 ? "login" : "login failed";
        } else {
            Optional<Staff> staff = Requests.staff(ctx);
            actor = staff.map(Staff::username).orElse("(anonymous)");
            action = path.equals("/api/logout") ? "logout" : method + " " + path;
        }
        String location = ctx.res().getHeader("Location");
        try {
            log.record(actor, action, location != null ? location : path, status, ctx.ip());
        } catch (RuntimeException e) { // the action itself has happened; its answer must not turn into a 500
            LOG.error("audit log: could not record {} {} by {}", action, path, actor, e);
        }
    }

    private void recordRead(Context ctx) {
        String read = ctx.attribute(PERSONAL_DATA_READ);
        String path = ctx.path();
        boolean refused = read == null && (ctx.statusCode() == 401 || ctx.statusCode() == 403)
                && path.startsWith(PERSONAL_DATA) && !path.startsWith(NOT_PERSONAL_DATA);
        if (read == null && !refused) return;
        String actor = Requests.staff(ctx).map(Staff::username).orElse("(anonymous)");
        String action = ctx.method().name() + " " + path;
        try {
            log.record(actor, action, read != null ? read : path, ctx.statusCode(), ctx.ip());
        } catch (RuntimeException e) { // the answer has been made; it must not turn into a 500
            LOG.error("audit log: could not record {} by {}", action, actor, e);
        }
    }

    public void list(Context ctx) {
        OffsetDateTime to = Requests.dateTimeQuery(ctx, "to", OffsetDateTime.now(clock).plusMinutes(1));
        OffsetDateTime from = Requests.dateTimeQuery(ctx, "from", to.minusDays(30));
        List<AuditLog.Entry> entries = log.search(Requests.query(ctx, "q", 1000), from, to, Requests.intQuery(ctx, "limit", 500, 1, 100_000));
        if ("csv".equals(ctx.queryParam("format"))) {
            StringBuilder csv = new StringBuilder(Csv.BOM + "id,at,actor,action,target,status,address,hash" + Csv.NEWLINE);
            for (AuditLog.Entry e : entries) {
                csv.append(e.id()).append(',').append(e.at()).append(',').append(Csv.cell(e.actor())).append(',')
                        .append(Csv.cell(e.action())).append(',').append(Csv.cell(e.target())).append(',').append(e.status())
                        .append(',').append(Csv.cell(e.address())).append(',').append(e.hash()).append(Csv.NEWLINE);
            }
            Csv.send(ctx, "gongkai-audit.csv", csv);
            return;
        }
        ctx.json(entries);
    }

    public void verify(Context ctx) {
        ctx.json(log.verify());
    }

    private static String loginName(Context ctx) {
        String name = ctx.attribute(AuthRoutes.LOGIN_NAME);
        return name == null ? "(none)" : name;
    }
}
