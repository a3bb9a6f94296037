package org.gongkai.web;

import io.javalin.http.Context;
import org.gongkai.accounts.AccountService;
import org.gongkai.accounts.AuthRoutes;
import org.gongkai.accounts.Secrets;
import org.gongkai.accounts.Staff;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, and whether the route lets them: {@link #authenticate} identifies the caller of every /api request
 * (session cookie or API token as Authorization: Bearer), and {@link #checkAccess}, before the matched route's
 * handler, checks the {@link Access} the route declares in the route table. A staff session (cookie) must also send
 * its CSRF token in X-CSRF-Token with every write to a route that is not public.
 */
public final class WebSecurity {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Set<String> PREVIEWED_PAGES = Set.of("/plaza", "/touch");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors ";

    private final AccountService accounts;
    private final long maxBodyBytes;

    public WebSecurity(AccountService accounts, long maxBodyBytes) {
        this.accounts = accounts;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void headers(Context ctx) {
        // Only the player pages may be framed, and only by this site: the admin page's live preview.
        boolean player = PREVIEWED_PAGES.contains(ctx.path());
        ctx.header("Content-Security-Policy", CSP + (player ? "'self'" : "'none'"));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", player ? "SAMEORIGIN" : "DENY");
        ctx.header("Referrer-Policy", "same-origin");
    }

    /** A before-handler for /api/*: who is calling, for the access check and the audit log; an unknown token is 401. */
    public void authenticate(Context ctx) {
        ctx.attribute(Requests.MAX_BODY, maxBodyBytes);
        identify(ctx).ifPresent(s -> ctx.attribute(Requests.STAFF, s));
    }

    /**
     * The before-matched handler: the caller against the access the route declares (401 for nobody, 403 for a role
     * it does not allow, or for a session's write without its CSRF token). A request no route of the table answers
     * (HEAD answered from a GET route, static files) has no declared access and runs no handler of ours.
     */
    public void checkAccess(Context ctx) {
        if (ctx.routeRoles().isEmpty()) return;
        if (ctx.routeRoles().size() != 1 || !(ctx.routeRoles().iterator().next() instanceof Access access)) {
            throw new IllegalStateException("the route of " + ctx.path() + " must declare exactly one Access: " + ctx.routeRoles());
        }
        if (access == Access.PUBLIC) return;
        Staff staff = Requests.caller(ctx);
        String method = ctx.method().name();
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (!read && staff.viaSession() && !Secrets.sameHash(staff.csrfToken(), ctx.header(CSRF_HEADER))) {
            throw ApiException.forbidden("missing or wrong " + CSRF_HEADER + " header (get it from GET /api/me)");
        }
        access.check(staff);
    }

    private Optional<Staff> identify(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Staff> staff = accounts.byApiToken(auth.substring(7).strip());
            if (staff.isEmpty()) throw new ApiException(401, "unknown or revoked API token", null);
            return staff;
        }
        String cookie = ctx.cookie(AuthRoutes.SESSION_COOKIE);
        return cookie == null || cookie.isBlank() ? Optional.empty() : accounts.bySession(cookie);
    }
}
