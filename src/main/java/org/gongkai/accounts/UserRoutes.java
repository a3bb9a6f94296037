package org.gongkai.accounts;

import io.javalin.http.Context;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/** /api/users (admin: list, create, edit, reset a password) and POST /api/me/password (any staff). */
public final class UserRoutes {
    private static final String ROLES = "admin, reviewer, editor, viewer or disclosure";

    record NewUser(String username, String displayName, String password, String role, String department) {}

    record UserUpdate(String displayName, String role, String department, Boolean disabled) {}

    record PasswordReset(String password) {}

    record PasswordChange(String currentPassword, String newPassword) {}

    private final AccountService accounts;
    private final Predicate<String> departmentExists;

    public UserRoutes(AccountService accounts, Predicate<String> departmentExists) {
        this.accounts = accounts;
        this.departmentExists = departmentExists;
    }

    public void list(Context ctx) {
        ctx.json(accounts.users());
    }

    public void create(Context ctx) {
        NewUser req = Requests.body(ctx, NewUser.class);
        String username = req.username() == null ? "" : req.username().strip();
        Requests.require(username.matches("[A-Za-z0-9._-]{3,64}"), "username",
                "must be 3-64 characters: letters, digits, dot, underscore or hyphen");
        String displayName = displayName(req.displayName());
        checkPassword("password", req.password());
        Role role = role(req.role());
        String department = department(role, req.department());
        if (accounts.usernameTaken(username)) throw ApiException.conflict("username", "username '" + username + "' is taken");
        long id = accounts.createUser(username, displayName, req.password(), role, department);
        ctx.header("Location", "/api/users/" + id);
        ctx.status(201).json(accounts.user(id).orElseThrow());
    }

    public void update(Context ctx) {
        Staff me = Requests.caller(ctx);
        User user = find(ctx);
        UserUpdate req = Requests.body(ctx, UserUpdate.class);
        String displayName = req.displayName() == null ? user.displayName() : displayName(req.displayName());
        Role role = req.role() == null ? Role.parse(user.role()) : role(req.role());
        String department = department(role, req.department() == null ? user.department() : req.department());
        boolean disabled = req.disabled() == null ? user.disabled() : req.disabled();
        if (user.id() == me.id() && disabled) {
            throw ApiException.conflict("disabled", "you cannot disable your own account; another admin can");
        }
        if (user.id() == me.id() && role != Role.ADMIN) {
            throw ApiException.conflict("role", "you cannot take the admin role from yourself; another admin can");
        }
        ctx.json(accounts.updateUser(user, displayName, role, department, disabled));
    }

    public void resetPassword(Context ctx) {
        User user = find(ctx);
        PasswordReset req = Requests.body(ctx, PasswordReset.class);
        checkPassword("password", req.password());
        accounts.resetPassword(user.id(), req.password());
        ctx.status(204);
    }

    public void changeOwnPassword(Context ctx) {
        Staff me = Requests.caller(ctx);
        PasswordChange req = Requests.body(ctx, PasswordChange.class);
        Requests.require(req.currentPassword() != null && !req.currentPassword().isEmpty()
                && req.currentPassword().length() <= 200, "currentPassword", "is required");
        checkPassword("newPassword", req.newPassword());
        if (!accounts.changeOwnPassword(me, req.currentPassword(), req.newPassword(), ctx.cookie(AuthRoutes.SESSION_COOKIE))) {
            throw ApiException.badRequest("currentPassword", "currentPassword is wrong");
        }
        ctx.status(204);
    }

    private User find(Context ctx) {
        long id = Requests.longPath(ctx, "id");
        return accounts.user(id).orElseThrow(() -> ApiException.notFound("user " + id));
    }

    private static String displayName(String value) {
        Requests.require(value != null && !value.isBlank() && value.strip().length() <= 200, "displayName",
                "is required (at most 200 characters)");
        return value.strip();
    }

    /** bcrypt reads at most 72 bytes, so a longer password is refused rather than silently cut. */
    private static void checkPassword(String field, String password) {
        Requests.require(password != null && password.length() >= 8, field, "must be at least 8 characters");
        Requests.require(password.getBytes(StandardCharsets.UTF_8).length <= AccountService.MAX_PASSWORD_BYTES, field,
                "must be at most 72 bytes (72 letters or digits, 24 Chinese characters)");
    }

    private static Role role(String code) {
        boolean known = code != null && Arrays.stream(Role.values()).anyMatch(r -> r.code().equals(code));
        Requests.require(known, "role", "must be " + ROLES);
        return Role.parse(code);
    }

    /** An editor works for one department; other roles may have one. Blank means none. */
    private String department(Role role, String code) {
        String dept = code == null || code.isBlank() ? null : code.strip();
        Requests.require(dept != null || role != Role.EDITOR, "department", "is required for an editor");
        Requests.require(dept == null || departmentExists.test(dept), "department", "'" + dept + "' is not a known department");
        return dept;
    }
}
