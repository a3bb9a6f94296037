package org.gongkai.web;

import io.javalin.security.RouteRole;
import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;

/**
 * Who may call a route: every route in the route table (RouteTable) declares one, and WebSecurity.checkAccess checks
 * it before the handler runs. Rules that depend on the record (an editor's own department, a reviewer who wrote the
 * change, the department handling an application) stay in the services; a route's access is their coarse gate.
 */
public enum Access implements RouteRole {
    /** anyone, logged in or not */
    PUBLIC,
    /** any member of staff, viewers included */
    STAFF,
    /** any role but viewer (API tokens: a token acts with its owner's role) */
    NOT_VIEWER,
    /** writes content: editors, reviewers, admins */
    WRITER,
    /** approves and returns: reviewers and admins */
    REVIEWER,
    ADMIN,
    /** applications hold personal data: admins, the disclosure office, editors and reviewers of a department */
    APPLICATIONS,
    /** routes applications to departments: admins and the disclosure office */
    DISCLOSURE_OFFICE;

    public static final String APPLICATIONS_RULE = "applications hold applicants' personal data: only admins, the "
            + "disclosure office (role disclosure) and the editors and reviewers of the department handling an "
            + "application may read or handle it";

    /** Refuses (403) a member of staff this access does not allow; nobody at all is refused (401) before this. */
    public void check(Staff staff) {
        Role role = staff.role();
        switch (this) {
            case PUBLIC, STAFF -> { }
            case NOT_VIEWER -> {
                if (role == Role.VIEWER) throw ApiException.forbidden("role viewer cannot create API tokens");
            }
            case WRITER -> {
                if (!role.canWrite()) throw ApiException.forbidden("role " + role.code() + " cannot change content");
            }
            case REVIEWER -> {
                WRITER.check(staff);
                if (role != Role.REVIEWER && role != Role.ADMIN) {
                    throw ApiException.forbidden("only a reviewer or an admin may approve, return or issue directly");
                }
            }
            case ADMIN -> {
                if (role != Role.ADMIN) throw ApiException.forbidden("only an admin may do this");
            }
            case APPLICATIONS -> {
                boolean departmentStaff = (role == Role.EDITOR || role == Role.REVIEWER) && staff.department() != null;
                if (!role.readsAllApplications() && !departmentStaff) {
                    throw ApiException.forbidden(APPLICATIONS_RULE + "; you are " + role.code()
                            + (staff.department() == null ? " of no department" : ""));
                }
            }
            case DISCLOSURE_OFFICE -> {
                if (!role.readsAllApplications()) {
                    throw ApiException.forbidden("only admins and the disclosure office (role disclosure) route applications to departments");
                }
            }
        }
    }
}
