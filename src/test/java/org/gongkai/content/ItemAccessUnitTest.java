package org.gongkai.content;

import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.gongkai.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Who may read and change which items: the department rules of ItemAccess for every role, in and out of the
 * department. Which roles may write or approve at all is the routes' access (web.AccessUnitTest).
 */
class ItemAccessUnitTest {
    static final Staff ADMIN = new Staff(1, "admin", Role.ADMIN, null, null);
    static final Staff REVIEWER = new Staff(2, "reviewer", Role.REVIEWER, null, null);
    static final Staff EDITOR = new Staff(3, "editor", Role.EDITOR, "hrss", null);
    static final Staff VIEWER = new Staff(4, "viewer", Role.VIEWER, null, null);
    static final Staff DEPARTMENT_VIEWER = new Staff(5, "dept-viewer", Role.VIEWER, "hrss", null);

    static Item item(ItemStatus status, String department) {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
        return Item.builder().id(7).kind(ItemKind.NOTICE).title("t").bodyFormat("text").department(department)
                .category("notices").priority(50).status(status).version(1).shortCode("ABC123").createdAt(t)
                .createdBy("a").updatedAt(t).updatedBy("a").build();
    }

    static ApiException forbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("expected 403").isNotNull();
        assertThat(e.status()).isEqualTo(403);
        return e;
    }

    @Test
    void onlyEditorsAreBoundToTheirDepartment() {
        assertThat(ItemAccess.departmentBound(EDITOR)).isTrue();
        assertThat(ItemAccess.departmentBound(ADMIN)).isFalse();
        assertThat(ItemAccess.departmentBound(REVIEWER)).isFalse();
        assertThat(ItemAccess.departmentBound(DEPARTMENT_VIEWER)).isFalse();
    }

    @Test
    void editorsReadOnlyTheirOwnDepartmentsDrafts() {
        assertThat(ItemAccess.mayReadDrafts(EDITOR, "hrss")).isTrue();
        assertThat(ItemAccess.mayReadDrafts(EDITOR, "weather")).isFalse();
        assertThat(ItemAccess.mayReadDrafts(REVIEWER, "weather")).isTrue();
        assertThat(ItemAccess.mayReadDrafts(VIEWER, "weather")).isTrue();
        for (ItemStatus status : List.of(ItemStatus.DRAFT, ItemStatus.SUBMITTED, ItemStatus.RETURNED)) {
            ApiException e = forbidden(() -> ItemAccess.requireRead(EDITOR, item(status, "weather")));
            assertThat(e.getMessage()).contains("department weather");
            assertThatCode(() -> ItemAccess.requireRead(EDITOR, item(status, "hrss"))).doesNotThrowAnyException();
            assertThatCode(() -> ItemAccess.requireRead(REVIEWER, item(status, "weather"))).doesNotThrowAnyException();
        }
        for (ItemStatus status : List.of(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN)) {
            assertThatCode(() -> ItemAccess.requireRead(EDITOR, item(status, "weather")))
                    .as("what screens showed is on record for everyone").doesNotThrowAnyException();
        }
    }

    @Test
    void editorsChangeOnlyTheirDepartment() {
        assertThatCode(() -> ItemAccess.requireEdit(EDITOR, "hrss")).doesNotThrowAnyException();
        assertThat(forbidden(() -> ItemAccess.requireEdit(EDITOR, "weather")).getMessage())
                .contains("department hrss").contains("department weather");
        assertThatCode(() -> ItemAccess.requireEdit(REVIEWER, "weather")).doesNotThrowAnyException();
        assertThatCode(() -> ItemAccess.requireEdit(ADMIN, "weather")).doesNotThrowAnyException();
    }

    @Test
    void reviewersAndAdminsIssueAlerts() {
        assertThat(ItemAccess.mayIssueAlerts(REVIEWER)).isTrue();
        assertThat(ItemAccess.mayIssueAlerts(ADMIN)).isTrue();
        assertThat(ItemAccess.mayIssueAlerts(EDITOR)).isFalse();
        assertThat(ItemAccess.mayIssueAlerts(VIEWER)).isFalse();
    }
}
