package org.gongkai.web;

import io.javalin.http.Context;
import org.gongkai.accounts.AccountService;
import org.gongkai.accounts.AuthRoutes;
import org.gongkai.accounts.Secrets;
import org.gongkai.accounts.Staff;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, and the rule for every write: any /api request that is not a read needs staff, and a staff
 * session (cookie) must also send its CSRF token in X-CSRF-Token. API tokens come as Authorization: Bearer.
 * A new write route is therefore protected without doing anything; public writes are listed here by name.
 */
public final class WebSecurity {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Set<String> PUBLIC_WRITES = Set.of("/api/login", "/api/logout", "/api/ratings");
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

    public void authenticate(Context ctx) {
        ctx.attribute(Requests.MAX_BODY, maxBodyBytes);
        Optional<Staff> staff = identify(ctx);
        staff.ifPresent(s -> ctx.attribute(Requests.STAFF, s));
        String method = ctx.method().name();
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (read || PUBLIC_WRITES.contains(ctx.path())) return;
        Staff writer = staff.orElseThrow(ApiException::unauthorized);
        if (writer.viaSession() && !Secrets.sameHash(writer.csrfToken(), ctx.header(CSRF_HEADER))) {
            throw ApiException.forbidden("missing or wrong " + CSRF_HEADER + " header (get it from GET /api/me)");
        }
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
