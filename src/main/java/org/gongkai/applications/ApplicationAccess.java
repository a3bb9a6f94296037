package org.gongkai.applications;

import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.gongkai.web.ApiException;

/**
 * Who may read and handle which applications. They hold applicants' names and contacts, so: admins and the disclosure
 * office (role disclosure) every one; editors and reviewers those of their own department; viewers, and staff of no
 * department, none (403). A list shows a department's staff only their department's applications.
 */
final class ApplicationAccess {
    static final String WHO = "applications hold applicants' personal data: only admins, the disclosure office (role "
            + "disclosure) and the editors and reviewers of the department handling an application may read or handle it";

    private ApplicationAccess() {}

    /** The department whose applications staff may see, or null for all of them; 403 when they may see none. */
    static String scope(Staff staff) {
        if (staff.role().readsAllApplications()) return null;
        boolean departmentStaff = staff.role() == Role.EDITOR || staff.role() == Role.REVIEWER;
        if (!departmentStaff || staff.department() == null) {
            throw ApiException.forbidden(WHO + "; you are " + staff.role().code()
                    + (staff.department() == null ? " of no department" : ""));
        }
        return staff.department();
    }

    static void requireHandles(Staff staff, Application a) {
        String scope = scope(staff);
        if (scope != null && !scope.equals(a.department())) {
            throw ApiException.forbidden("application " + a.number() + " is handled by "
                    + (a.department() == null ? "the disclosure office (not yet routed to a department)" : "department " + a.department())
                    + "; " + WHO);
        }
    }

    /** Routing an application to a department is the disclosure office's (and admins') work. */
    static void requireRouter(Staff staff) {
        if (!staff.role().readsAllApplications()) {
            throw ApiException.forbidden("only admins and the disclosure office (role disclosure) route applications to departments");
        }
    }
}
