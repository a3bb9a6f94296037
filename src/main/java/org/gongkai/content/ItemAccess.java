package org.gongkai.content;

import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.gongkai.web.ApiException;

/**
 * Which items staff may see and change, by department: editors work on their own department's items only and never
 * see another department's drafts. Which roles may write or approve at all is the routes' access (web.Access).
 */
final class ItemAccess {
    private ItemAccess() {}

    static boolean departmentBound(Staff staff) {
        return staff.role() == Role.EDITOR;
    }

    static boolean mayReadDrafts(Staff staff, String department) {
        return !departmentBound(staff) || department.equals(staff.department());
    }

    static void requireRead(Staff staff, Item item) {
        if (item.status().inReview() && !mayReadDrafts(staff, item.department())) {
            throw ApiException.forbidden("item " + item.id() + " is a draft of department " + item.department()
                    + "; editors see only their own department's drafts");
        }
    }

    static void requireEdit(Staff staff, String department) {
        if (departmentBound(staff) && !department.equals(staff.department())) {
            throw ApiException.forbidden("an editor of department " + staff.department()
                    + " cannot change items of department " + department);
        }
    }

    static boolean mayIssueAlerts(Staff staff) {
        return staff.role() == Role.REVIEWER || staff.role() == Role.ADMIN;
    }
}
