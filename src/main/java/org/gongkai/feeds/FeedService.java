package org.gongkai.feeds;

import org.gongkai.intake.FetchException;
import org.gongkai.intake.Fetcher;
import org.gongkai.web.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feeds and their polling: one thread looks every intake.feedCheckSeconds for feeds whose interval has passed and fetches
 * them one after another; "fetch now" runs the same fetch at once. A failure is recorded on the feed in plain words
 * and never stops the poller.
 */
public final class FeedService implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeedService.class);
    private final FeedStore store;
    private final FeedImport importer;
    private final Fetcher fetcher;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration checkEvery;
    private ScheduledExecutorService poller;

    FeedService(FeedStore store, FeedImport importer, Fetcher fetcher, Clock clock, ZoneId zone, Duration checkEvery) {
        this.store = store;
        this.importer = importer;
        this.fetcher = fetcher;
        this.clock = clock;
        this.zone = zone;
        this.checkEvery = checkEvery;
    }

    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-poller");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollDue, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        org.gongkai.intake.Pollers.stop(poller);
    }

    List<Feed> list() {
        return store.list();
    }

    Feed get(long id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("feed " + id));
    }

    Feed create(FeedInput in) {
        return get(store.insert(in, OffsetDateTime.now(clock)));
    }

    Feed update(long id, FeedInput in) {
        if (!store.update(id, in)) throw ApiException.notFound("feed " + id);
        return get(id);
    }

    void delete(long id) {
        if (!store.delete(id)) throw ApiException.notFound("feed " + id);
    }

    List<Feed.LogEntry> log(long id) {
        get(id);
        return store.log(id);
    }

    /** Fetches the feed now and records what happened; the result is also its newest log entry. */
    synchronized Feed.LogEntry fetch(long id) {
        Feed feed = get(id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Feed.LogEntry result;
        try {
            FeedParser.Parsed parsed = FeedParser.parse(fetcher.get(feed.url()), feed.format(), feed.jsonFields(), zone);
            FeedImport.Counts c = importer.apply(feed, parsed.entries(), now);
            result = new Feed.LogEntry(now, true, c.added(), c.changed(), c.unchanged(), c.gone(),
                    parsed.skipped() + c.refused(), null);
        } catch (FetchException e) {
            result = new Feed.LogEntry(now, false, 0, 0, 0, 0, 0, cut(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("feed {} ({}): {}", feed.id(), feed.url(), e.toString(), e);
            result = new Feed.LogEntry(now, false, 0, 0, 0, 0, 0, cut("could not import: " + e.getMessage()));
        }
        store.fetched(feed.id(), result);
        return result;
    }

    private void pollDue() {
        try {
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (Feed f : store.list()) {
                boolean due = f.lastFetchAt() == null || !f.lastFetchAt().plusSeconds(f.intervalSeconds()).isAfter(now);
                if (due && store.claim(f, now)) fetch(f.id());
            }
        } catch (RuntimeException e) { // a database hiccup: try again at the next tick
            LOG.warn("feed poller: {}", e.toString());
        }
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 999) + "…" : s;
    }
}
