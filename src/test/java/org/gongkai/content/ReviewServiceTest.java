package org.gongkai.content;

import org.gongkai.accounts.Staff;
import org.gongkai.push.Change;
import org.gongkai.support.Services;
import org.gongkai.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The review workflow through ReviewService on a real database, without HTTP: who may submit, approve, return and
 * withdraw; what each step stores (status, version, review columns, history, the waiting revision); and which steps
 * tell the screens (the change feed).
 */
class ReviewServiceTest {
    private Services s;

    @BeforeEach
    void fresh() {
        s = Services.fresh();
    }

    static ApiException refused(ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("expected the call to be refused").isNotNull();
        return e;
    }

    private Item draft(String title) {
        return s.itemService.create(Services.notice(title, ItemStatus.DRAFT), s.editor);
    }

    private List<String> history(long id) {
        return new ItemHistory(s.jdbi).of(id).stream().map(h -> h.action().code() + " " + h.actor() + " v" + h.version()
                + (h.note() == null ? "" : " (" + h.note() + ")")).toList();
    }

    private Set<String> authors(long id) {
        return s.jdbi.withHandle(h -> s.reviews.authorsOfPendingChange(h, id));
    }

    private ItemInput edited(Item item, String title, ItemStatus status) {
        return item.content().toBuilder().title(title).status(status).details(null).build();
    }

    private ReviewStore.Revision revision(long id) {
        return s.reviews.revisions(List.of(id)).get(id);
    }

    // --- submit ---

    @Test
    void submittingADraftMovesItToReviewAndRecordsWhoSubmitted() {
        Item draft = draft("社保卡换领通知");
        Item submitted = s.review.submit(draft.id(), s.editor2);
        assertThat(submitted.status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(submitted.version()).isEqualTo(draft.version() + 1);
        assertThat(submitted.updatedBy()).isEqualTo("editor2");
        assertThat(s.items.find(draft.id()).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(history(draft.id())).containsExactly("create editor v1", "submit editor2 v1");
        assertThat(s.reviews.submitted()).containsExactly(draft.id());
        assertThat(s.changes).as("nothing reaches a screen before approval").isEmpty();
    }

    @Test
    void submittingTwiceChangesNothingTheSecondTime() {
        Item draft = draft("重复提交");
        Item first = s.review.submit(draft.id(), s.editor);
        Item again = s.review.submit(draft.id(), s.editor);
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(history(draft.id())).containsExactly("create editor v1", "submit editor v1");
    }

    @Test
    void aReturnedDraftCanBeSubmittedAgain() {
        Item draft = draft("被退回的通知");
        s.review.submit(draft.id(), s.editor);
        Item returned = s.review.returnToAuthor(draft.id(), "缺少附件", s.reviewer);
        assertThat(returned.status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(s.reviews.reviews(List.of(draft.id())).get(draft.id()).returnReason()).isEqualTo("缺少附件");
        Item again = s.review.submit(draft.id(), s.editor);
        assertThat(again.status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(again.version()).isEqualTo(returned.version() + 1);
        assertThat(s.reviews.reviews(List.of(draft.id())).get(draft.id()).returnReason())
                .as("the reason belongs to the return, not to the resubmitted draft").isNull();
    }

    @Test
    void aPublishedItemWithoutAWaitingChangeHasNothingToSubmit() {
        Item published = s.published("已发布的通知");
        ApiException e = refused(() -> s.review.submit(published.id(), s.editor));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.field()).isEqualTo("status");
        assertThat(e.getMessage()).contains("published").contains("no change to submit");
        Item withdrawn = s.review.withdraw(published.id(), s.editor, false);
        assertThat(refused(() -> s.review.submit(withdrawn.id(), s.editor)).status()).isEqualTo(409);
    }

    @Test
    void aDraftChangeToAPublishedItemIsSubmittedWhileThePublishedVersionStays() {
        Item published = s.published("供暖时间");
        s.itemService.update(published.id(), edited(published, "供暖时间（延长）", ItemStatus.DRAFT), s.editor2);
        assertThat(revision(published.id()).status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(s.reviews.submitted()).isEmpty();

        Item after = s.review.submit(published.id(), s.editor2);
        assertThat(after.status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(after.title()).isEqualTo("供暖时间");
        assertThat(after.version()).isEqualTo(published.version());
        assertThat(revision(published.id()).status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(s.reviews.submitted()).containsExactly(published.id());
        assertThat(history(published.id())).endsWith("revise editor2 v2", "submit editor2 v2");

        s.review.submit(published.id(), s.editor2);
        assertThat(history(published.id())).as("a change already waiting is not submitted twice")
                .endsWith("revise editor2 v2", "submit editor2 v2");
    }

    @Test
    void onlyStaffWhoMayEditTheItemSubmitIt() {
        Item draft = draft("人社局草稿");
        assertThat(refused(() -> s.review.submit(draft.id(), s.weatherEditor)).status()).isEqualTo(403);
        assertThat(refused(() -> s.review.submit(draft.id() + 1000, s.editor)).status()).isEqualTo(404);
        assertThat(s.items.find(draft.id()).orElseThrow().status()).isEqualTo(ItemStatus.DRAFT);
    }

    // --- approve ---

    @Test
    void approvalPublishesRecordsTheReviewerAndTellsTheScreens() {
        Item submitted = s.itemService.create(Services.notice("就业补贴公示", ItemStatus.SUBMITTED), s.editor);
        s.clock.advance(Duration.ofMinutes(5));
        Item approved = s.review.approve(submitted.id(), submitted.version(), s.reviewer);
        assertThat(approved.status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(approved.version()).isEqualTo(submitted.version() + 1);
        assertThat(approved.publishedAt().toInstant()).isEqualTo(s.clock.instant());
        ReviewStore.Review review = s.reviews.reviews(List.of(submitted.id())).get(submitted.id());
        assertThat(review.approvedBy()).isEqualTo("reviewer");
        assertThat(review.approvedAt().toInstant()).isEqualTo(s.clock.instant());
        assertThat(history(submitted.id())).containsExactly("create editor v1", "approve reviewer v2");
        assertThat(s.changes).containsExactly(new Change.Content(s.items.currentVersion(), List.of(submitted.id())));
        assertThat(s.items.currentVersion()).isEqualTo(1);
        assertThat(s.reviews.submitted()).isEmpty();
        assertThat(authors(submitted.id())).as("an approval ends authorship").isEmpty();
    }

    @Test
    void theReviewerMustHaveReadTheCurrentVersion() {
        Item submitted = s.itemService.create(Services.notice("版本检查", ItemStatus.SUBMITTED), s.editor);
        ApiException stale = refused(() -> s.review.approve(submitted.id(), submitted.version() + 1, s.reviewer));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.field()).isEqualTo("version");
        assertThat(stale.getMessage()).contains("now " + submitted.version());
        assertThat(refused(() -> s.review.approve(submitted.id(), submitted.version() - 1, s.reviewer)).status()).isEqualTo(409);
        assertThat(s.items.find(submitted.id()).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(s.changes).isEmpty();
        assertThat(s.review.approve(submitted.id(), null, s.reviewer).status())
                .as("no version given: approve what is there").isEqualTo(ItemStatus.PUBLISHED);
    }

    // Who may approve, return, submit or withdraw at all (reviewers and admins; not viewers) is the routes' access:
    // web.AccessUnitTest and RouteAccessTest. The service checks departments and authorship.

    @Test
    void noAuthorApprovesTheirOwnChange() {
        Item created = s.itemService.create(Services.notice("作者", ItemStatus.DRAFT), s.reviewer);
        Item updated = s.itemService.update(created.id(), edited(created, "作者（改）", ItemStatus.DRAFT), s.reviewer2);
        s.review.submit(updated.id(), s.editor);
        assertThat(authors(created.id())).containsExactly("editor", "reviewer", "reviewer2");
        for (Staff author : List.of(s.reviewer, s.reviewer2)) {
            ApiException e = refused(() -> s.review.approve(created.id(), null, author));
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).contains(author.username()).contains("editor, reviewer, reviewer2");
        }
        assertThat(s.items.find(created.id()).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(s.review.approve(created.id(), null, s.admin).status()).isEqualTo(ItemStatus.PUBLISHED);
    }

    @Test
    void authorshipStartsAgainAfterEachApprovalIssueOrImport() {
        Item published = s.published("再次修改");
        s.itemService.update(published.id(), edited(published, "再次修改（二）", ItemStatus.SUBMITTED), s.reviewer2);
        assertThat(authors(published.id())).as("the creator's work was approved; only the reviser wrote this change")
                .containsExactly("reviewer2");
        assertThat(refused(() -> s.review.approve(published.id(), null, s.reviewer2)).status()).isEqualTo(403);

        Item imported = s.itemService.importApproved(Services.notice("导入", ItemStatus.PUBLISHED), "demo",
                java.time.OffsetDateTime.now(s.clock));
        assertThat(authors(imported.id())).isEmpty();
        s.itemService.update(imported.id(), edited(imported, "导入（改）", ItemStatus.SUBMITTED), s.editor);
        assertThat(authors(imported.id())).containsExactly("editor");

        Item alert = s.itemService.create(alert("red"), s.reviewer);
        assertThat(authors(alert.id())).as("an alert issued by a reviewer").isEmpty();
        assertThat(authors(alert.id() + 1000)).as("no such item").isEmpty();
    }

    @Test
    void aChangeToAPublishedItemIsApprovedAgainstItsRevisionNumber() {
        Item published = s.published("收费标准");
        s.itemService.update(published.id(), edited(published, "收费标准（一）", ItemStatus.DRAFT), s.editor2);
        s.itemService.update(published.id(), edited(published, "收费标准（二）", ItemStatus.SUBMITTED), s.editor2);
        ReviewStore.Revision waiting = revision(published.id());
        assertThat(waiting.revision()).isEqualTo(2);
        assertThat(waiting.baseVersion()).isEqualTo(published.version());
        assertThat(waiting.content().title()).isEqualTo("收费标准（二）");
        assertThat(waiting.updatedBy()).isEqualTo("editor2");
        int changesBefore = s.changes.size();

        assertThat(refused(() -> s.review.approve(published.id(), 1, s.reviewer)).field()).isEqualTo("version");
        assertThat(refused(() -> s.review.approve(published.id(), 3, s.reviewer)).status()).isEqualTo(409);
        Item approved = s.review.approve(published.id(), 2, s.reviewer2);
        assertThat(approved.title()).isEqualTo("收费标准（二）");
        assertThat(approved.status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(approved.version()).isEqualTo(published.version() + 1);
        assertThat(revision(published.id())).as("the revision became the item").isNull();
        assertThat(s.reviews.reviews(List.of(published.id())).get(published.id()).approvedBy()).isEqualTo("reviewer2");
        assertThat(s.changes).hasSize(changesBefore + 1);
        assertThat(s.changes.get(changesBefore)).isEqualTo(new Change.Content(s.items.currentVersion(), List.of(published.id())));
        assertThat(history(published.id())).endsWith("approve reviewer2 v" + approved.version());
    }

    @Test
    void nothingWaitingMeansNothingToApproveOrReturn() {
        Item draft = draft("草稿不审");
        Item published = s.published("已发布不审");
        s.itemService.update(published.id(), edited(published, "未提交的修改", ItemStatus.DRAFT), s.editor);
        for (long id : List.of(draft.id(), published.id())) {
            ApiException approve = refused(() -> s.review.approve(id, null, s.reviewer2));
            assertThat(approve.status()).isEqualTo(409);
            assertThat(approve.field()).isEqualTo("status");
            assertThat(approve.getMessage()).contains("nothing submitted");
            assertThat(refused(() -> s.review.returnToAuthor(id, "无", s.reviewer2)).status()).isEqualTo(409);
        }
        assertThat(s.items.find(published.id()).orElseThrow().title()).isEqualTo("已发布不审");
    }

    // --- return ---

    @Test
    void returningAChangeKeepsThePublishedVersionAndRecordsTheReason() {
        Item published = s.published("办事时间");
        s.itemService.update(published.id(), edited(published, "办事时间（改）", ItemStatus.SUBMITTED), s.editor2);
        int changesBefore = s.changes.size();
        Item after = s.review.returnToAuthor(published.id(), "时间写错了", s.reviewer);
        assertThat(after.status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(after.title()).isEqualTo("办事时间");
        ReviewStore.Revision returned = revision(published.id());
        assertThat(returned.status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("时间写错了");
        assertThat(s.reviews.submitted()).isEmpty();
        assertThat(history(published.id())).endsWith("return reviewer v" + published.version() + " (时间写错了)");
        assertThat(s.changes).hasSize(changesBefore);

        s.review.submit(published.id(), s.editor2);
        assertThat(revision(published.id()).returnReason()).as("resubmitted: the old reason is gone").isNull();
        assertThat(revision(published.id()).status()).isEqualTo(ItemStatus.SUBMITTED);
    }

    @Test
    void returningASubmittedDraft() {
        Item draft = draft("退回草稿");
        s.review.submit(draft.id(), s.editor);
        Item returned = s.review.returnToAuthor(draft.id(), "请补充", s.admin);
        assertThat(returned.status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(returned.updatedBy()).isEqualTo("admin");
        assertThat(history(draft.id())).containsExactly("create editor v1", "submit editor v1", "return admin v2 (请补充)");
    }

    // --- withdraw ---

    @Test
    void withdrawingAPublishedItemTakesItOffScreensAndDropsItsWaitingChange() {
        Item published = s.published("撤回的通知");
        s.itemService.update(published.id(), edited(published, "撤回前的修改", ItemStatus.SUBMITTED), s.editor2);
        int changesBefore = s.changes.size();
        Item withdrawn = s.review.withdraw(published.id(), s.editor2, false);
        assertThat(withdrawn.status()).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(withdrawn.version()).isEqualTo(published.version() + 1);
        assertThat(revision(published.id())).isNull();
        assertThat(s.reviews.submitted()).isEmpty();
        assertThat(history(published.id())).endsWith("withdraw editor2 v" + withdrawn.version());
        assertThat(s.changes).hasSize(changesBefore + 1);
        assertThat(s.changes.get(changesBefore)).isEqualTo(new Change.Content(s.items.currentVersion(), List.of(published.id())));

        Item again = s.review.withdraw(published.id(), s.editor2, false);
        assertThat(again.version()).as("withdrawing twice changes nothing").isEqualTo(withdrawn.version());
        assertThat(s.changes).hasSize(changesBefore + 1);
        assertThat(history(published.id())).filteredOn(h -> h.startsWith("withdraw")).hasSize(1);
    }

    @Test
    void withdrawingADraftTellsNoScreen() {
        Item draft = draft("从未发布");
        Item withdrawn = s.review.withdraw(draft.id(), s.editor, false);
        assertThat(withdrawn.status()).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(s.changes).isEmpty();
        assertThat(s.items.currentVersion()).isZero();
    }

    @Test
    void onlyStaffWhoMayEditTheItemWithdrawIt() {
        Item published = s.published("别的部门不能撤");
        assertThat(refused(() -> s.review.withdraw(published.id(), s.weatherEditor, false)).status()).isEqualTo(403);
        assertThat(s.items.find(published.id()).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(s.review.withdraw(published.id(), s.reviewer, false).status()).isEqualTo(ItemStatus.WITHDRAWN);
    }

    @Test
    void onlyAPublishedAlertIsCleared() {
        Item notice = s.published("不是预警");
        ApiException e = refused(() -> s.review.withdraw(notice.id(), s.reviewer, true));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("not a published alert");
        Item waiting = s.itemService.create(alert("blue").withStatus(ItemStatus.SUBMITTED), s.weatherEditor);
        assertThat(refused(() -> s.review.withdraw(waiting.id(), s.reviewer, true)).status()).isEqualTo(409);

        Item alert = s.itemService.create(alert("red"), s.reviewer);
        int changesBefore = s.changes.size();
        Item cleared = s.review.withdraw(alert.id(), s.weatherEditor, true);
        assertThat(cleared.status()).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(history(alert.id())).endsWith("clear weatherman v" + cleared.version());
        assertThat(s.changes).hasSize(changesBefore + 1);
        assertThat(refused(() -> s.review.withdraw(alert.id(), s.reviewer, true)).status())
                .as("already cleared").isEqualTo(409);
    }

    private ItemInput alert(String level) {
        return ItemInput.builder().kind(ItemKind.ALERT).title("暴雨预警").bodyFormat("text").department("weather")
                .category("emergency").publishStart(s.now().minusMinutes(1)).publishEnd(s.now().plusHours(6))
                .status(ItemStatus.PUBLISHED).details(new Details.Alert(level, "rainstorm", "全县", null)).build();
    }

    @Test
    void theStoreMovesAnItemOnlyFromTheVersionItWasAskedAbout() {
        Item draft = draft("乐观锁");
        boolean stale = s.jdbi.inTransaction(h -> s.reviews.setStatus(h, draft.id(), draft.version() + 1,
                ItemStatus.SUBMITTED, null, "editor", s.now()));
        assertThat(stale).isFalse();
        assertThat(s.items.find(draft.id()).orElseThrow().status()).isEqualTo(ItemStatus.DRAFT);
        boolean moved = s.jdbi.inTransaction(h -> s.reviews.setStatus(h, draft.id(), draft.version(),
                ItemStatus.SUBMITTED, null, "editor", s.now()));
        assertThat(moved).isTrue();
        assertThat(s.items.find(draft.id()).orElseThrow().version()).isEqualTo(draft.version() + 1);
    }

    /**
     * Commits the action on its own connection (another thread, so that Jdbi does not lend it this thread's handle)
     * just before the first statement whose SQL starts with the given text: someone else's commit landing between the
     * service's read and its write, at the one moment where it matters.
     */
    private void commitJustBefore(String sqlStart, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        s.jdbi.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext ctx) {
                if (ctx.getRenderedSql().strip().startsWith(sqlStart) && done.compareAndSet(false, true)) {
                    CompletableFuture.runAsync(action).join();
                }
            }
        });
    }

    @Test
    void aDraftSavedWhileTheReviewerApprovesIsNotApprovedUnread() {
        Item submitted = s.itemService.create(Services.notice("审核中被修改", ItemStatus.SUBMITTED), s.editor);
        commitJustBefore("UPDATE items SET status", () ->
                s.itemService.update(submitted.id(), edited(submitted, "审核中被修改（未审）", ItemStatus.SUBMITTED), s.editor));
        ApiException e = refused(() -> s.review.approve(submitted.id(), submitted.version(), s.reviewer));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.field()).isEqualTo("version");
        Item now = s.items.find(submitted.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(now.title()).isEqualTo("审核中被修改（未审）");
        assertThat(s.reviews.reviews(List.of(submitted.id())).get(submitted.id()).approvedBy()).isNull();
        assertThat(history(submitted.id())).noneMatch(h -> h.startsWith("approve"));
        assertThat(s.changes).isEmpty();
    }

    @Test
    void aChangeApprovedWhileTheItemIsWithdrawnDoesNotComeBack() {
        Item published = s.published("审核中被撤回");
        s.itemService.update(published.id(), edited(published, "审核中被撤回（改）", ItemStatus.SUBMITTED), s.editor2);
        commitJustBefore("UPDATE items SET kind", () -> s.review.withdraw(published.id(), s.editor, false));
        int changesBefore = s.changes.size();
        ApiException e = refused(() -> s.review.approve(published.id(), null, s.reviewer));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("changed during approval");
        Item now = s.items.find(published.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(now.title()).isEqualTo("审核中被撤回");
        assertThat(history(published.id())).endsWith("revise editor2 v2", "withdraw editor v3");
        assertThat(revision(published.id())).isNull();
        assertThat(s.changes).as("only the withdrawal reached the screens").hasSize(changesBefore + 1);
    }

    // --- the review queue ---

    @Test
    void theQueueHoldsSubmittedItemsAndChangesOldestFirst() {
        Item first = s.itemService.create(Services.notice("第一", ItemStatus.SUBMITTED), s.editor);
        s.clock.advance(Duration.ofMinutes(1));
        Item published = s.published("第二");
        s.clock.advance(Duration.ofMinutes(1));
        s.itemService.update(published.id(), edited(published, "第二（改）", ItemStatus.SUBMITTED), s.editor2);
        s.clock.advance(Duration.ofMinutes(1));
        Item third = s.itemService.create(Services.notice("第三", ItemStatus.SUBMITTED), s.editor);
        assertThat(s.reviews.submitted()).containsExactly(first.id(), published.id(), third.id());
        assertThat(s.reviews.reviews(List.of())).isEmpty();
        assertThat(s.reviews.revisions(List.of())).isEmpty();
        assertThat(s.reviews.revisions(List.of(first.id(), published.id(), third.id())).keySet())
                .containsExactly(published.id());
    }
}
