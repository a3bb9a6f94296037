package org.gongkai.content;

import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.gongkai.web.ApiException;

/**
 * Who may see and change which items. Editors work on their own department's items only and never see another
 * department's drafts; reviewers and admins approve and see everything; viewers read.
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
        if (!staff.role().canWrite()) {
            throw ApiException.forbidden("role " + staff.role().code() + " cannot change content");
        }
        if (departmentBound(staff) && !department.equals(staff.department())) {
            throw ApiException.forbidden("an editor of department " + staff.department()
                    + " cannot change items of department " + department);
        }
    }

    static void requireReviewer(Staff staff) {
        if (staff.role() != Role.REVIEWER && staff.role() != Role.ADMIN) {
            throw ApiException.forbidden("only a reviewer or an admin may approve, return or issue directly");
        }
    }

    static boolean mayIssueAlerts(Staff staff) {
        return staff.role() == Role.REVIEWER || staff.role() == Role.ADMIN;
    }
}
