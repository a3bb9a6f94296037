package org.gongkai.applications;

import org.gongkai.accounts.Staff;
import org.gongkai.web.ApiException;

/**
 * Who may read and handle which applications. They hold applicants' names and contacts, so: admins and the disclosure
 * office (role disclosure) every one; editors and reviewers those of their own department; viewers, and staff of no
 * department, none (403). A list shows a department's staff only their department's applications.
 */
final class ApplicationAccess {
    static final String WHO = org.gongkai.web.Access.APPLICATIONS_RULE;

    private ApplicationAccess() {}

    /**
     * The department whose applications staff may see, or null for all of them. Who may see any at all is the
     * routes' access (Access.APPLICATIONS: admins, the disclosure office, editors and reviewers of a department).
     */
    static String scope(Staff staff) {
        if (staff.role().readsAllApplications()) return null;
        org.gongkai.web.Access.APPLICATIONS.check(staff); // again here: a scope of null would be every application
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
}
