package org.gongkai.content;

import org.gongkai.accounts.Staff;
import org.gongkai.content.ItemCommits.Committed;
import org.gongkai.push.ChangeFeed;
import org.gongkai.web.ApiException;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * The review workflow (保密审查 and sign-off): draft → submitted → approved and published, or returned with a reason.
 * The reviewer must not be an author of the change. Withdrawing takes an item off every screen at once.
 */
public final class ReviewService {
    private final ItemStore store;
    private final ReviewStore reviews;
    private final ItemCommits commits;
    private final Clock clock;

    public ReviewService(ItemStore store, ReviewStore reviews, ChangeFeed feed, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.commits = new ItemCommits(store, reviews, new ItemHistory(store.jdbi()), feed);
        this.clock = clock;
    }

    public Item submit(long id, Staff staff) {
        return store.jdbi().inTransaction(h -> {
            Item item = find(h, id);
            ItemAccess.requireEdit(staff, item.department());
            OffsetDateTime now = OffsetDateTime.now(clock);
            Optional<ReviewStore.Revision> revision = reviews.revision(h, id);
            if (item.status() == ItemStatus.DRAFT || item.status() == ItemStatus.RETURNED) {
                moveItem(h, item, ItemStatus.SUBMITTED, null, staff, now);
            } else if (revision.isPresent() && revision.get().status() != ItemStatus.SUBMITTED) {
                reviews.setRevisionStatus(h, id, ItemStatus.SUBMITTED, null);
            } else if (item.status() == ItemStatus.SUBMITTED || revision.isPresent()) {
                return item; // already waiting for review
            } else {
                throw ApiException.conflict("status", "item " + id + " is " + item.status().code()
                        + " and has no change to submit");
            }
            commits.noted(h, id, item.version(), HistoryAction.SUBMIT, staff.username(), now, null, null);
            return store.find(h, id).orElseThrow();
        });
    }

    /** @param expected the version (or, for a change to a published item, the revision) the reviewer read; may be null */
    public Item approve(long id, Integer expected, Staff staff) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return commits.commit(h -> {
            Item item = find(h, id);
            requireNotAuthor(h, item, staff);
            Optional<ReviewStore.Revision> revision = reviews.revision(h, id);
            if (item.status() == ItemStatus.SUBMITTED) {
                requireExpected(expected, item.version(), id);
                moveItem(h, item, ItemStatus.PUBLISHED, null, staff, now);
            } else if (revision.isPresent() && revision.get().status() == ItemStatus.SUBMITTED) {
                requireExpected(expected, revision.get().revision(), id);
                ItemInput content = revision.get().content().withStatus(ItemStatus.PUBLISHED);
                if (!store.update(h, id, item.version(), content, staff.username(), now)) {
                    throw ApiException.conflict("version", "item " + id + " changed during approval; try again");
                }
                reviews.deleteRevision(h, id);
            } else {
                throw nothingSubmitted(item);
            }
            return commits.published(h, id, HistoryAction.APPROVE, staff.username(), now, now);
        });
    }

    public Item returnToAuthor(long id, String reason, Staff staff) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return store.jdbi().inTransaction(h -> {
            Item item = find(h, id);
            Optional<ReviewStore.Revision> revision = reviews.revision(h, id);
            if (item.status() == ItemStatus.SUBMITTED) {
                moveItem(h, item, ItemStatus.RETURNED, reason, staff, now);
            } else if (revision.isPresent() && revision.get().status() == ItemStatus.SUBMITTED) {
                reviews.setRevisionStatus(h, id, ItemStatus.RETURNED, reason);
            } else {
                throw nothingSubmitted(item);
            }
            commits.noted(h, id, item.version(), HistoryAction.RETURN, staff.username(), now, null, reason);
            return store.find(h, id).orElseThrow();
        });
    }

    /** Takes an item off every screen at once; for an alert, clear records the all-clear (解除). */
    public Item withdraw(long id, Staff staff, boolean clear) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return commits.commit(h -> {
            Item old = find(h, id);
            ItemAccess.requireEdit(staff, old.department());
            if (clear && (old.kind() != ItemKind.ALERT || old.status() != ItemStatus.PUBLISHED)) {
                throw ApiException.conflict("status", "item " + id + " is not a published alert; only those are cleared");
            }
            if (old.status() == ItemStatus.WITHDRAWN) return new Committed(old, 0);
            moveItem(h, old, ItemStatus.WITHDRAWN, null, staff, now);
            reviews.deleteRevision(h, id);
            return commits.withdrawn(h, id, clear ? HistoryAction.CLEAR : HistoryAction.WITHDRAW, staff.username(), now,
                    old.status() == ItemStatus.PUBLISHED);
        });
    }

    private void requireNotAuthor(Handle h, Item item, Staff reviewer) {
        Set<String> authors = reviews.authorsOfPendingChange(h, item.id());
        if (authors.contains(reviewer.username())) {
            throw ApiException.forbidden("you wrote or submitted this change to item " + item.id()
                    + "; it must be approved by a reviewer who is not its author (" + String.join(", ", authors) + ")");
        }
    }

    private void moveItem(Handle h, Item item, ItemStatus to, String reason, Staff staff, OffsetDateTime now) {
        if (!reviews.setStatus(h, item.id(), item.version(), to, reason, staff.username(), now)) {
            throw ApiException.conflict("version", "item " + item.id() + " changed meanwhile; reload it and try again");
        }
    }

    private static void requireExpected(Integer expected, int actual, long id) {
        if (expected != null && expected != actual) {
            throw ApiException.conflict("version", "item " + id + " changed since you read it (now " + actual
                    + "); read it again before approving");
        }
    }

    private static ApiException nothingSubmitted(Item item) {
        return ApiException.conflict("status", "item " + item.id() + " has nothing submitted for review (it is "
                + item.status().code() + ")");
    }

    private Item find(Handle h, long id) {
        return store.find(h, id).orElseThrow(() -> ApiException.notFound("item " + id));
    }
}
