package org.gongkai.search;

import org.gongkai.content.ItemStore;
import org.gongkai.push.Change;
import org.gongkai.push.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/** Keeps the search index in step with the database: built at start, then every committed change. */
public final class SearchService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

    private final ItemStore items;
    private final SearchIndex index;
    private final Clock clock;
    private static final long RETRY_SECONDS = 2;
    private static final int RETRIES = 150; // five minutes: a database server's restart, not an outage of hours
    private final java.util.concurrent.ScheduledThreadPoolExecutor updates =
            new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> new Thread(r, "search-index"));

    public SearchService(ItemStore items, ChangeFeed feed, Clock clock, Synonyms synonyms) {
        this.items = items;
        this.index = new SearchIndex(synonyms);
        this.clock = clock;
        updates.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // retries die with the index at close
        feed.subscribe(change -> {
            if (!(change instanceof Change.Content c)) return;
            try {
                updates.execute(() -> apply(c.itemIds(), RETRIES));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // shutting down: the index is rebuilt from the database at the next start
            }
        });
    }

    public void start() {
        long t = System.nanoTime();
        var all = items.published();
        index.update(all);
        LOG.info("Search index built: {} items in {} ms", all.size(), (System.nanoTime() - t) / 1_000_000);
    }

    /** The pinyin keys the index gives a title (full pinyin and initials of its words, e.g. ylbx) -> the words. */
    public java.util.Map<String, String> pinyinKeys(String title) {
        return index.pinyinKeys(title);
    }

    public SearchIndex.Result search(String q, String kind, int offset, int limit) {
        return index.search(q, kind, clock.instant(), offset, limit);
    }

    /**
     * Reads the changed items into the index. When the database is away just after a commit (PostgreSQL restarting),
     * the read is tried again later: otherwise the index would miss the change until the next start.
     */
    private void apply(List<Long> ids, int retriesLeft) {
        try {
            var found = items.findAll(ids);
            index.update(found);
            index.remove(ids.stream().filter(id -> found.stream().noneMatch(i -> i.id() == id)).toList());
        } catch (RuntimeException e) {
            if (retriesLeft > 0 && org.gongkai.web.ErrorHandlers.databaseUnavailable(e) && retryLater(ids, retriesLeft - 1)) {
                LOG.warn("search index: items {} cannot be read now ({}); trying again", ids, e.getMessage());
                return;
            }
            LOG.error("search index: updating items {} failed", ids, e);
        }
    }

    private boolean retryLater(List<Long> ids, int retriesLeft) {
        try {
            updates.schedule(() -> apply(ids, retriesLeft), RETRY_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            return false;
        }
    }

    @Override
    public void close() {
        // Let updates already queued finish first: closing the index under them failed with "IndexWriter is closed".
        updates.shutdown();
        try {
            if (!updates.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) LOG.warn("search index: updates still running at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        index.close();
    }
}
