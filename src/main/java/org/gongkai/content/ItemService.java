package org.gongkai.content;

import org.gongkai.accounts.Staff;
import org.gongkai.content.ItemCommits.Committed;
import org.gongkai.push.ChangeFeed;
import org.gongkai.qr.ShortCodes;
import org.gongkai.web.ApiException;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Writing items: drafts are saved in place; a change to a published item is kept as a revision for review while
 * the published version stays on screen. Each write ends through {@link ItemCommits}: with its history (and, when
 * screens see it, the change log) in one transaction, then the change feed. Approval and withdrawal are in
 * {@link ReviewService}.
 */
public final class ItemService {
    private final ItemStore store;
    private final ReviewStore reviews;
    private final ItemHistory history;
    private final ItemCommits commits;
    private final ItemValidator validator;
    private final Clock clock;
    private final boolean alertSecondApprover;

    public ItemService(ItemStore store, ReviewStore reviews, ItemValidator validator, ChangeFeed feed, Clock clock,
                       boolean alertSecondApprover) {
        this.store = store;
        this.reviews = reviews;
        this.history = new ItemHistory(store.jdbi());
        this.commits = new ItemCommits(store, reviews, history, feed);
        this.validator = validator;
        this.clock = clock;
        this.alertSecondApprover = alertSecondApprover;
    }

    /** Whether an alert needs a second reviewer before it shows (security.alertSecondApprover). */
    public boolean alertSecondApprover() {
        return alertSecondApprover;
    }

    public Item create(ItemInput raw, Staff staff) {
        return create(raw, staff, false);
    }

    /**
     * An alert a warning authority released (a CAP message) and a reviewer of ours issues: the second approval that
     * security.alertSecondApprover asks for, so that setting does not stop it (docs/API.md, "Warnings (CAP)").
     */
    public Item createSecondApprovedAlert(ItemInput raw, Staff reviewer) {
        return create(raw, reviewer, true);
    }

    /** Like createSecondApprovedAlert, for the alert an earlier CAP message put on screens. */
    public Item updateSecondApprovedAlert(long id, ItemInput raw, Staff reviewer) {
        return update(id, raw, reviewer, true);
    }

    private Item create(ItemInput raw, Staff staff, boolean secondApproved) {
        ItemInput in = validator.check(raw);
        ItemAccess.requireEdit(staff, in.department());
        boolean issue = requireSavableStatus(in, staff, secondApproved);
        return insert(in, staff.username(), issue ? HistoryAction.ISSUE : HistoryAction.CREATE, null);
    }

    /**
     * Content that has been approved elsewhere (the demo files): published as it is, recorded as imported, and
     * approved (first published) at approvedAt, its own date, so that reports count it then and not at the import.
     */
    public Item importApproved(ItemInput raw, String actor, OffsetDateTime approvedAt) {
        return insert(validator.check(raw).withStatus(ItemStatus.PUBLISHED), actor, HistoryAction.IMPORT, approvedAt);
    }

    /**
     * A change to content approved elsewhere (a trusted feed's changed entry): published at once as imported, the
     * way {@link #importApproved} publishes new content; a pending revision of the item is dropped with it.
     */
    public Item importChange(long id, ItemInput raw, String actor) {
        ItemInput in = validator.check(raw).withStatus(ItemStatus.PUBLISHED);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return commits.commit(h -> {
            Item old = store.find(h, id).orElseThrow(() -> ApiException.notFound("item " + id));
            if (old.status() == ItemStatus.WITHDRAWN) {
                throw ApiException.conflict("status", "item " + id + " was withdrawn by staff; a feed does not bring it back");
            }
            if (!store.update(h, id, old.version(), in, actor, now)) throw staleVersion(old);
            reviews.deleteRevision(h, id);
            return commits.published(h, id, HistoryAction.IMPORT, actor, now, now);
        });
    }

    /** approvedElsewhere: when content approved elsewhere was approved; null for content approved here, if at all. */
    private Item insert(ItemInput in, String actor, HistoryAction action, OffsetDateTime approvedElsewhere) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return commits.commit(h -> {
            long id = store.insert(h, in, actor, now);
            store.insertShortLink(h, newShortCode(h), id);
            if (in.status() != ItemStatus.PUBLISHED) return commits.saved(h, id, action, actor, now);
            return commits.published(h, id, action, actor, approvedElsewhere != null ? approvedElsewhere : now, now);
        });
    }

    public Item update(long id, ItemInput raw, Staff staff) {
        return update(id, raw, staff, false);
    }

    private Item update(long id, ItemInput raw, Staff staff, boolean secondApproved) {
        ItemInput in = validator.check(raw);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return commits.commit(h -> {
            Item old = store.find(h, id).orElseThrow(() -> ApiException.notFound("item " + id));
            ItemAccess.requireEdit(staff, old.department());
            ItemAccess.requireEdit(staff, in.department());
            if (old.kind() != in.kind()) {
                throw ApiException.badRequest("kind", "kind cannot change (was " + old.kind().code() + ")");
            }
            if (old.status() == ItemStatus.WITHDRAWN) {
                throw ApiException.conflict("status", "item " + id + " is withdrawn; create a new item instead");
            }
            int expected = in.version() == null ? old.version() : in.version();
            if (expected != old.version()) throw staleVersion(old);
            boolean issue = requireSavableStatus(in, staff, secondApproved);
            if (old.status() == ItemStatus.PUBLISHED && !issue) {
                reviews.saveRevision(h, id, old.version(), in, in.status(), staff.username(), now);
                commits.noted(h, id, old.version(), HistoryAction.REVISE, staff.username(), now, in, null);
                return new Committed(old, 0);
            }
            if (!store.update(h, id, expected, in, staff.username(), now)) throw staleVersion(old);
            if (!issue) return commits.saved(h, id, HistoryAction.UPDATE, staff.username(), now);
            return commits.published(h, id, HistoryAction.ISSUE, staff.username(), now, now);
        });
    }

    /**
     * Saving may leave an item a draft or submit it. Publishing needs a reviewer's approval, except for an alert
     * issued by a reviewer when no second approver is configured. @return true when it is issued at once
     */
    private boolean requireSavableStatus(ItemInput in, Staff staff, boolean secondApproved) {
        if (in.status() == ItemStatus.DRAFT || in.status() == ItemStatus.SUBMITTED) return false;
        if (in.status() == ItemStatus.PUBLISHED && in.kind() == ItemKind.ALERT) {
            if (!ItemAccess.mayIssueAlerts(staff)) {
                throw ApiException.forbidden("only a reviewer or an admin may issue an alert at once; "
                        + "save it with status submitted for a reviewer");
            }
            if (alertSecondApprover && !secondApproved) {
                throw ApiException.conflict("status", "alerts need a second approver here (security.alertSecondApprover): "
                        + "save it with status submitted and have another reviewer approve it");
            }
            return true;
        }
        throw ApiException.conflict("status", "status " + in.status().code() + " cannot be saved: an item is "
                + "published when a reviewer who is not its author approves it (POST /api/items/{id}/approve)");
    }

    private static ApiException staleVersion(Item old) {
        return ApiException.conflict("version", "item " + old.id() + " was changed by someone else (now version "
                + old.version() + "); reload it and apply your edit again");
    }

    /** Deletes an item that never reached a screen; anything once published is withdrawn instead, and kept. */
    public void delete(long id, Staff staff) {
        store.jdbi().useTransaction(h -> {
            Item old = store.find(h, id).orElseThrow(() -> ApiException.notFound("item " + id));
            ItemAccess.requireEdit(staff, old.department());
            if (old.publishedAt() != null) {
                throw ApiException.conflict("status", "item " + id + " has been published; withdraw it instead "
                        + "(POST /api/items/" + id + "/withdraw) so that its record is kept");
            }
            if (store.hasInterpretations(h, id)) {
                throw ApiException.conflict("id", "policy " + id + " has interpretations; delete them first");
            }
            store.delete(h, id);
        });
    }

    /** The item as screens would show it, validated like a save but not saved; existingId keeps its short link. */
    public Item preview(ItemInput raw, Long existingId, Staff staff) {
        ItemInput in = validator.check(raw);
        ItemAccess.requireEdit(staff, in.department());
        Item existing = existingId == null ? null : get(existingId, Optional.of(staff));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Item.builder().content(in).id(existing == null ? 0 : existing.id())
                .version(existing == null ? 0 : existing.version())
                .shortCode(existing == null ? null : existing.shortCode()).createdAt(now).createdBy(staff.username())
                .updatedAt(now).updatedBy(staff.username()).publishedAt(existing == null ? null : existing.publishedAt())
                .build();
    }

    /** Public readers see published, started items only; editors see their own department's drafts only. */
    public Item get(long id, Optional<Staff> reader) {
        Item item = store.find(id).orElseThrow(() -> ApiException.notFound("item " + id));
        if (reader.isEmpty() && !item.publicAt(clock.instant())) {
            throw ApiException.notFound("item " + id);
        }
        reader.ifPresent(staff -> ItemAccess.requireRead(staff, item));
        return item;
    }

    public List<Item> findAll(List<Long> ids) {
        return store.findAll(ids);
    }

    public ItemStore.Page list(ItemStore.Filter filter) {
        return store.list(filter);
    }

    /** The history holds every draft's text, so an editor reads only their own department's. */
    public List<ItemHistory.Entry> history(long id, Staff staff) {
        Item item = get(id, Optional.of(staff));
        if (!ItemAccess.mayReadDrafts(staff, item.department())) {
            throw ApiException.forbidden("the history of item " + id + " (department " + item.department()
                    + ") holds its drafts; editors read only their own department's");
        }
        return history.of(id);
    }

    private String newShortCode(Handle h) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = ShortCodes.random();
            if (!store.shortCodeTaken(h, code)) return code;
        }
        throw new IllegalStateException("could not find a free short code");
    }
}
