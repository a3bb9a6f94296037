package org.gongkai.content;

import org.gongkai.push.Change;
import org.gongkai.push.ChangeFeed;
import org.jdbi.v3.core.Handle;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * How every write of an item ends, for ItemService and ReviewService alike: inside its transaction the item as it
 * now is, its history entry and, when screens see the change, a content version; after the commit the change feed
 * is told. The publish sequence (approved, read back, history, content change) is {@link #published}.
 */
final class ItemCommits {
    private final ItemStore store;
    private final ReviewStore reviews;
    private final ItemHistory history;
    private final ChangeFeed feed;

    ItemCommits(ItemStore store, ReviewStore reviews, ItemHistory history, ChangeFeed feed) {
        this.store = store;
        this.reviews = reviews;
        this.history = history;
        this.feed = feed;
    }

    /** A committed write; version is the new content version when screens are affected, else 0. */
    record Committed(Item item, long version) {}

    /** Runs the write in one transaction, then tells the change feed when it made a content version. */
    Item commit(Function<Handle, Committed> write) {
        Committed done = store.jdbi().inTransaction(write::apply);
        if (done.version() > 0) feed.publish(new Change.Content(done.version(), List.of(done.item().id())));
        return done.item();
    }

    /** Saved where no screen sees it (a draft, a submission): the item as it now is, with its history entry. */
    Committed saved(Handle h, long id, HistoryAction action, String actor, OffsetDateTime at) {
        return new Committed(entered(h, id, action, actor, at), 0);
    }

    /**
     * The item's current version goes on screen: approved (and first published, if it never was) by the actor at
     * approvedAt, which is now except for content approved elsewhere; its history entry at the same time; and a
     * content version at now.
     */
    Committed published(Handle h, long id, HistoryAction action, String actor, OffsetDateTime approvedAt,
                        OffsetDateTime now) {
        reviews.approved(h, id, actor, approvedAt);
        Item item = entered(h, id, action, actor, approvedAt);
        return new Committed(item, store.recordChange(h, id, now));
    }

    /** Taken off the screens: a content version only if it was on them. */
    Committed withdrawn(Handle h, long id, HistoryAction action, String actor, OffsetDateTime now, boolean wasVisible) {
        Item item = entered(h, id, action, actor, now);
        return new Committed(item, wasVisible ? store.recordChange(h, id, now) : 0);
    }

    /** A step that saved nothing (a submission, a return, a revision waiting for review): its history entry only. */
    void noted(Handle h, long id, int version, HistoryAction action, String actor, OffsetDateTime at, Object snapshot,
               String note) {
        history.insert(h, id, version, action, actor, at, snapshot, note);
    }

    private Item entered(Handle h, long id, HistoryAction action, String actor, OffsetDateTime at) {
        Item item = store.find(h, id).orElseThrow();
        history.insert(h, id, item.version(), action, actor, at, item, null);
        return item;
    }
}
