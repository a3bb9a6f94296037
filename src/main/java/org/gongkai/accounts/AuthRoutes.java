package org.gongkai.accounts;

import io.javalin.http.Context;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST /api/login, POST /api/logout, GET /api/me, POST /api/tokens. */
public final class AuthRoutes {
    public static final String SESSION_COOKIE = "gk_session";
    private final AccountService accounts;
    private final boolean secureCookies;
    private final LoginThrottle throttle;
    private final Clock clock;

    /** @param clock the accounts' clock: a session cookie lives until the session expires by it */
    public AuthRoutes(AccountService accounts, boolean secureCookies, LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.secureCookies = secureCookies;
        this.throttle = throttle;
        this.clock = clock;
    }

    record LoginRequest(String username, String password) {}

    record TokenRequest(String name) {}

    /** The request attribute that names who tried to log in. */
    public static final String LOGIN_NAME = "gongkai.loginName";

    public void login(Context ctx) {
        LoginRequest req = Requests.body(ctx, LoginRequest.class);
        Requests.require(req.username() != null && !req.username().isBlank() && req.username().length() <= 64,
                "username", "is required");
        ctx.attribute(LOGIN_NAME, req.username().strip()); // for the audit log, success or not
        Requests.require(req.password() != null && !req.password().isEmpty() && req.password().length() <= 200,
                "password", "is required");
        String name = req.username().strip();
        long wait = throttle.attempt(name, ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "too many failed logins; try again in " + ((wait + 59) / 60) + " minutes", null);
        }
        AccountService.NewSession session = accounts.login(name, req.password()).orElse(null);
        if (session == null) {
            throw new ApiException(401, "wrong username or password", null);
        }
        throttle.succeeded(name, ctx.ip());
        long maxAge = Math.max(0, Duration.between(OffsetDateTime.now(clock), session.expires()).getSeconds());
        ctx.header("Set-Cookie", SESSION_COOKIE + "=" + session.token() + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        ctx.json(me(session.staff()));
    }

    public void logout(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token != null) accounts.logout(token);
        ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        ctx.status(204);
    }

    public void me(Context ctx) {
        ctx.json(me(Requests.caller(ctx)));
    }

    /** Any role but viewer; the token acts with its owner's role (a disclosure office's token: applications only). */
    public void createToken(Context ctx) {
        Staff staff = Requests.caller(ctx);
        TokenRequest req = Requests.body(ctx, TokenRequest.class);
        Requests.require(req.name() != null && !req.name().isBlank() && req.name().length() <= 200, "name",
                "is required: what the token is for");
        String token = accounts.createApiToken(staff, req.name().strip());
        ctx.status(201).json(Map.of("name", req.name().strip(), "token", token,
                "note", "shown once; send it as Authorization: Bearer <token>"));
    }

    private static Map<String, Object> me(Staff staff) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", staff.id());
        m.put("username", staff.username());
        m.put("role", staff.role().code());
        m.put("department", staff.department());
        m.put("csrfToken", staff.csrfToken());
        return m;
    }
}
