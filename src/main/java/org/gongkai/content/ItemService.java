package org.gongkai.content;

import org.gongkai.accounts.Staff;
import org.gongkai.push.Change;
import org.gongkai.push.ChangeFeed;
import org.gongkai.qr.ShortCodes;
import org.gongkai.web.ApiException;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Item writes: validate, commit with history and change log in one transaction, then tell the change feed. */
public final class ItemService {
    private final ItemStore store;
    private final ItemValidator validator;
    private final ChangeFeed feed;
    private final Clock clock;

    public ItemService(ItemStore store, ItemValidator validator, ChangeFeed feed, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.feed = feed;
        this.clock = clock;
    }

    public Item create(ItemInput raw, String actor) {
        ItemInput in = validator.check(raw);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Result result = store.jdbi().inTransaction(h -> {
            long id = store.insert(h, in, actor, now);
            store.insertShortLink(h, newShortCode(h), id);
            Item item = store.find(h, id).orElseThrow();
            store.insertHistory(h, id, item.version(), "create", actor, now, item);
            long version = item.status() == ItemStatus.PUBLISHED ? store.recordChange(h, id, now) : 0;
            return new Result(item, version);
        });
        announce(result);
        return result.item();
    }

    public Item update(long id, ItemInput raw, String actor) {
        ItemInput in = validator.check(raw);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Result result = store.jdbi().inTransaction(h -> {
            Item old = store.find(h, id).orElseThrow(() -> ApiException.notFound("item " + id));
            if (old.kind() != in.kind()) {
                throw ApiException.badRequest("kind", "kind cannot change (was " + old.kind().code() + ")");
            }
            if (old.status() == ItemStatus.WITHDRAWN) {
                throw ApiException.conflict("status", "item " + id + " is withdrawn; create a new item instead");
            }
            int expected = in.version() == null ? old.version() : in.version();
            if (expected != old.version() || !store.update(h, id, expected, in, actor, now)) {
                throw ApiException.conflict("version", "item " + id + " was changed by someone else (now version "
                        + old.version() + "); reload it and apply your edit again");
            }
            Item item = store.find(h, id).orElseThrow();
            store.insertHistory(h, id, item.version(), "update", actor, now, item);
            boolean visible = old.status() == ItemStatus.PUBLISHED || item.status() == ItemStatus.PUBLISHED;
            return new Result(item, visible ? store.recordChange(h, id, now) : 0);
        });
        announce(result);
        return result.item();
    }

    public Item withdraw(long id, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Result result = store.jdbi().inTransaction(h -> {
            Item old = store.find(h, id).orElseThrow(() -> ApiException.notFound("item " + id));
            if (old.status() == ItemStatus.WITHDRAWN) {
                return new Result(old, 0);
            }
            if (!store.setStatus(h, id, old.version(), ItemStatus.WITHDRAWN, actor, now)) {
                throw ApiException.conflict("version", "item " + id + " changed while being withdrawn; try again");
            }
            Item item = store.find(h, id).orElseThrow();
            store.insertHistory(h, id, item.version(), "withdraw", actor, now, item);
            return new Result(item, store.recordChange(h, id, now));
        });
        announce(result);
        return result.item();
    }

    /** Deletes an item that never reached a screen; anything once published is withdrawn instead, and kept. */
    public void delete(long id) {
        store.jdbi().useTransaction(h -> {
            Item old = store.find(h, id).orElseThrow(() -> ApiException.notFound("item " + id));
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

    /** Public readers see published, started items only; staff see everything. */
    public Item get(long id, Optional<Staff> reader) {
        Item item = store.find(id).orElseThrow(() -> ApiException.notFound("item " + id));
        if (reader.isEmpty() && !item.publicAt(clock.instant())) {
            throw ApiException.notFound("item " + id);
        }
        return item;
    }

    public ItemStore.Page list(ItemStore.Filter filter) {
        return store.list(filter);
    }

    public List<ItemStore.HistoryEntry> history(long id) {
        store.find(id).orElseThrow(() -> ApiException.notFound("item " + id));
        return store.history(id);
    }

    private String newShortCode(Handle h) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = ShortCodes.random();
            if (!store.shortCodeTaken(h, code)) return code;
        }
        throw new IllegalStateException("could not find a free short code");
    }

    private void announce(Result result) {
        if (result.version() > 0) {
            feed.publish(new Change.Content(result.version(), List.of(result.item().id())));
        }
    }

    private record Result(Item item, long version) {}
}
