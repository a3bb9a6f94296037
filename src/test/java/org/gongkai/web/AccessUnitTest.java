package org.gongkai.web;

import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The role rules a route declares (Access), for every kind of staff, with the 403 message each refused one gets. The
 * services no longer check roles (only departments and authorship), so these are the rules that stop a viewer
 * writing, an editor approving or anyone but the office routing applications; RouteAccessTest checks that each route
 * declares the right one.
 */
class AccessUnitTest {
    static final Staff ADMIN = new Staff(1, "admin", Role.ADMIN, null, null);
    static final Staff REVIEWER = new Staff(2, "reviewer", Role.REVIEWER, null, null);
    static final Staff DEPARTMENT_REVIEWER = new Staff(3, "hrss-reviewer", Role.REVIEWER, "hrss", null);
    static final Staff EDITOR = new Staff(4, "editor", Role.EDITOR, "hrss", null);
    static final Staff VIEWER = new Staff(5, "viewer", Role.VIEWER, null, null);
    static final Staff DEPARTMENT_VIEWER = new Staff(6, "dept-viewer", Role.VIEWER, "hrss", null);
    static final Staff DISCLOSURE = new Staff(7, "office", Role.DISCLOSURE, null, null);
    static final Staff[] EVERYONE = {ADMIN, REVIEWER, DEPARTMENT_REVIEWER, EDITOR, VIEWER, DEPARTMENT_VIEWER, DISCLOSURE};

    /** The message each refused member of staff gets, by access; everyone else is let through. */
    static Map<Staff, String> refusals(Access access) {
        Map<Staff, String> out = new LinkedHashMap<>();
        for (Staff staff : EVERYONE) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> access.check(staff));
            if (e == null) continue;
            assertThat(e.status()).as(access + " refusing " + staff.username()).isEqualTo(403);
            out.put(staff, e.getMessage());
        }
        return out;
    }

    @Test
    void publicAndStaffRoutesLetEveryMemberOfStaffThrough() {
        assertThat(refusals(Access.PUBLIC)).isEmpty();
        assertThat(refusals(Access.STAFF)).isEmpty();
    }

    @Test
    void viewersCreateNoApiTokens() {
        assertThat(refusals(Access.NOT_VIEWER)).containsOnly(
                Map.entry(VIEWER, "role viewer cannot create API tokens"),
                Map.entry(DEPARTMENT_VIEWER, "role viewer cannot create API tokens"));
    }

    @Test
    void editorsReviewersAndAdminsWriteContentAndViewersAndTheOfficeDoNot() {
        assertThat(refusals(Access.WRITER)).containsOnly(
                Map.entry(VIEWER, "role viewer cannot change content"),
                Map.entry(DEPARTMENT_VIEWER, "role viewer cannot change content"),
                Map.entry(DISCLOSURE, "role disclosure cannot change content"));
    }

    @Test
    void reviewersAndAdminsApproveAndReturn() {
        Map<Staff, String> refused = refusals(Access.REVIEWER);
        assertThat(refused.keySet()).containsOnly(EDITOR, VIEWER, DEPARTMENT_VIEWER, DISCLOSURE);
        assertThat(refused.get(EDITOR)).isEqualTo("only a reviewer or an admin may approve, return or issue directly");
        assertThat(refused.get(VIEWER)).as("as a write: the role writes nothing").isEqualTo("role viewer cannot change content");
        assertThat(refused.get(DISCLOSURE)).isEqualTo("role disclosure cannot change content");
    }

    @Test
    void onlyAdminsAdminister() {
        Map<Staff, String> refused = refusals(Access.ADMIN);
        assertThat(refused.keySet()).hasSize(EVERYONE.length - 1).doesNotContain(ADMIN);
        assertThat(Set.copyOf(refused.values())).containsOnly("only an admin may do this");
    }

    @Test
    void applicationsAreForTheOfficeAdminsAndDepartmentsEditorsAndReviewers() {
        Map<Staff, String> refused = refusals(Access.APPLICATIONS);
        assertThat(refused.keySet()).containsOnly(REVIEWER, VIEWER, DEPARTMENT_VIEWER);
        assertThat(refused.get(REVIEWER)).isEqualTo(Access.APPLICATIONS_RULE + "; you are reviewer of no department");
        assertThat(refused.get(VIEWER)).isEqualTo(Access.APPLICATIONS_RULE + "; you are viewer of no department");
        assertThat(refused.get(DEPARTMENT_VIEWER)).isEqualTo(Access.APPLICATIONS_RULE + "; you are viewer");
        assertThat(Access.APPLICATIONS_RULE).contains("personal data");
    }

    @Test
    void onlyTheOfficeAndAdminsRouteApplications() {
        Map<Staff, String> refused = refusals(Access.DISCLOSURE_OFFICE);
        assertThat(refused.keySet()).containsOnly(REVIEWER, DEPARTMENT_REVIEWER, EDITOR, VIEWER, DEPARTMENT_VIEWER);
        assertThat(Set.copyOf(refused.values()))
                .containsOnly("only admins and the disclosure office (role disclosure) route applications to departments");
    }
}
