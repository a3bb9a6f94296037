package org.gongkai.feeds;

import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.gongkai.audit.AuditLog;
import org.gongkai.content.Item;
import org.gongkai.content.ItemInput;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemService;
import org.gongkai.content.ItemStatus;
import org.gongkai.web.ApiException;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one fetch's entries into items: a new entry becomes an item (submitted for review, or published as
 * imported for a trusted feed), a changed one a revision of the same item (reviewed like any change, or published
 * for a trusted feed), an unchanged one nothing; an entry the portal no longer lists is marked gone, not withdrawn.
 * The feed writes as "feed:ID", a name no user can have, so that any reviewer may approve what it brought.
 */
final class FeedImport {
    /** What a fetch did. */
    record Counts(int added, int changed, int unchanged, int gone, int refused) {}

    private static final int SUMMARY_CHARS = 300;
    private final FeedStore store;
    private final ItemService items;
    private final AuditLog audit;

    FeedImport(FeedStore store, ItemService items, AuditLog audit) {
        this.store = store;
        this.items = items;
        this.audit = audit;
    }

    static String actor(Feed feed) {
        return "feed:" + feed.id();
    }

    Counts apply(Feed feed, List<FeedEntry> entries, OffsetDateTime now) {
        Map<String, FeedStore.Known> known = store.known(feed.id());
        Staff as = new Staff(0, actor(feed), Role.ADMIN, feed.department(), "");
        int added = 0, changed = 0, unchanged = 0, gone = 0, refused = 0;
        Set<String> seen = new HashSet<>();
        for (FeedEntry e : entries) {
            if (!seen.add(e.key())) continue; // a portal that lists an entry twice
            FeedStore.Known k = known.get(e.key());
            if (k == null) {
                try {
                    store.remember(feed.id(), e, add(feed, e, as, now), now);
                    added++;
                } catch (ApiException invalid) { // e.g. a title the validator refuses: left out, counted
                    refused++;
                }
            } else if (!k.contentHash().equals(e.contentHash())) {
                if (revise(feed, k.itemId(), e, as)) changed++; else unchanged++;
                store.changed(feed.id(), e);
            } else {
                if (k.goneSince() != null) store.changed(feed.id(), e); // listed again
                unchanged++;
            }
        }
        for (FeedStore.Known k : known.values()) {
            if (!seen.contains(k.key()) && k.goneSince() == null) {
                store.setGone(feed.id(), k.key(), now);
                gone++;
            }
        }
        return new Counts(added, changed, unchanged, gone, refused);
    }

    private long add(Feed feed, FeedEntry e, Staff as, OffsetDateTime now) {
        ItemInput in = input(feed, e).status(ItemStatus.SUBMITTED).build();
        Item item = feed.trusted() ? items.importApproved(in, actor(feed), now) : items.create(in, as);
        audit.record(actor(feed), feed.trusted() ? "import published from feed" : "import for review from feed",
                "item " + item.id() + " from feed " + feed.id() + " entry " + e.key(), 201, "feed");
        return item.id();
    }

    /** @return false when the item is gone from staff's hands (withdrawn), so the change was not brought in */
    private boolean revise(Feed feed, long itemId, FeedEntry e, Staff as) {
        Optional<Item> current = Optional.ofNullable(items.findAll(List.of(itemId))).flatMap(l -> l.stream().findFirst());
        if (current.isEmpty() || current.get().status() == ItemStatus.WITHDRAWN) return false;
        Item item = current.get();
        ItemInput.Builder in = input(feed, e).version(item.version());
        try {
            if (feed.trusted()) {
                items.importChange(itemId, in.build(), actor(feed));
            } else {
                items.update(itemId, in.status(ItemStatus.SUBMITTED).build(), as);
            }
        } catch (ApiException conflict) {
            return false;
        }
        audit.record(actor(feed), feed.trusted() ? "import change published from feed" : "import change for review from feed",
                "item " + itemId + " from feed " + feed.id() + " entry " + e.key(), 200, "feed");
        return true;
    }

    /** The item an entry becomes: its title, a short plain summary, the HTML (sanitized on save) and its page. */
    private static ItemInput.Builder input(Feed feed, FeedEntry e) {
        String text = org.jsoup.Jsoup.parse(e.summaryHtml()).text().strip();
        String summary = text.length() > SUMMARY_CHARS ? text.substring(0, SUMMARY_CHARS - 1) + "…" : text;
        String title = e.title().length() > 200 ? e.title().substring(0, 199) + "…" : e.title();
        return ItemInput.builder().kind(ItemKind.parse(feed.kind())).title(title)
                .summary(summary.isEmpty() ? null : summary).body(e.summaryHtml().isBlank() ? null : e.summaryHtml())
                .bodyFormat("html").department(feed.department()).category(feed.category()).sourceUrl(e.link())
                .publishStart(e.published()).targetGroups(feed.targetGroups()).tags(List.of("feed"));
    }
}
