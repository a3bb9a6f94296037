package org.gongkai.content;

import org.gongkai.support.Services;
import org.gongkai.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.content.ReviewServiceTest.refused;

/**
 * Validation as ItemService runs it, with the lookups App gives it on a real database: departments, screen groups and
 * policies that exist now (ItemValidatorUnitTest checks each rule's edges with fixed answers). A refused save names
 * its field and stores nothing.
 */
class ItemValidatorServiceTest {
    private Services s;

    @BeforeEach
    void fresh() {
        s = Services.fresh();
    }

    private static ItemInput.Builder notice() {
        return Services.notice("校验的通知", ItemStatus.DRAFT).toBuilder();
    }

    private ApiException refusedSave(ItemInput input) {
        int before = s.items.list(allItems()).items().size();
        ApiException e = refused(() -> s.itemService.create(input, s.admin));
        assertThat(e.status()).isEqualTo(400);
        assertThat(s.items.list(allItems()).items()).as("a refused save stores nothing").hasSize(before);
        return e;
    }

    private ItemStore.Filter allItems() {
        return new ItemStore.Filter(null, null, null, null, null, null, null, false, s.now(), 1, 100, null);
    }

    @Test
    void aDepartmentMustExistInTheDatabase() {
        ApiException e = refusedSave(notice().department("nope").build());
        assertThat(e.field()).isEqualTo("department");
        assertThat(e.getMessage()).contains("'nope' does not exist");
        s.departments.insert(new org.gongkai.departments.Department("civil-affairs", "县民政局", null, null));
        assertThat(s.itemService.create(notice().department("civil-affairs").build(), s.admin).department())
                .as("a department added since is known at once").isEqualTo("civil-affairs");
    }

    @Test
    void targetGroupsMustExistInTheDatabase() {
        ApiException e = refusedSave(notice().targetGroups(List.of("plaza", "nope")).build());
        assertThat(e.field()).as("the field names the group at fault").isEqualTo("targetGroups[1]");
        assertThat(e.getMessage()).contains("nope");
        assertThat(s.itemService.create(notice().targetGroups(List.of("plaza", "hall")).build(), s.admin).targetGroups())
                .containsExactly("plaza", "hall");
    }

    @Test
    void anInterpretationMustPointAtAStoredPolicy() {
        Item notice = s.itemService.create(notice().build(), s.admin);
        ItemInput.Builder interpretation = notice().kind(ItemKind.INTERPRETATION).category("interpretations");
        ApiException ofNotice = refusedSave(interpretation
                .details(new Details.Interpretation(notice.id(), "text", null)).build());
        assertThat(ofNotice.field()).isEqualTo("interpretation.policyId");
        assertThat(ofNotice.getMessage()).contains("no policy with id " + notice.id());
        assertThat(refusedSave(interpretation.details(new Details.Interpretation(987654L, "text", null)).build()).field())
                .isEqualTo("interpretation.policyId");

        Item policy = s.itemService.create(notice().kind(ItemKind.POLICY).category("policy-documents")
                .details(new Details.Policy(null, "示范县人民政府", "示政发〔2026〕1号", null, null, null)).build(), s.admin);
        Item saved = s.itemService.create(interpretation.details(new Details.Interpretation(policy.id(), "text", null)).build(), s.admin);
        assertThat(saved.policyId()).isEqualTo(policy.id());
    }
}
