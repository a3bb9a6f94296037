package org.gongkai.push;

import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The change feed of one node among several on one database, and of a single node alike: what committed, on any
 * node, is read back from content_changes and screen_changes by number (see {@link ChangeCursor} for commits that
 * become visible out of order) on one thread ("change-reader") and handed to the listeners in that order. A
 * content change carries the cursor's safe version, not its own number: a screen that holds it has missed nothing
 * below it. The reader wakes when this node commits ({@link #publish}, whose argument only says that something
 * did), when another node's NOTIFY arrives (PostgreSQL, cluster.notifications) and every pollMillis in any case,
 * which alone carries changes when notifications are off or the LISTEN connection is down.
 */
public final class DatabaseChangeFeed implements ChangeFeed, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseChangeFeed.class);
    private static final int BATCH = 1000;
    public static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration LATE_WINDOW = Duration.ofMinutes(10);
    private static final int START_LOOKBACK = 1000;

    public record Settings(String nodeId, boolean notifications, Duration poll, Duration gapTimeout) {}

    private final ChangeStore store;
    private final DataSource dataSource;
    private final Settings settings;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean committedHere = new AtomicBoolean();
    private final Object wake = new Object();
    private boolean woken; // guarded by wake
    private volatile boolean running;
    private volatile ChangeCursor content;
    private ChangeCursor screens;
    private volatile boolean listening;
    private volatile long lastReadNanos;
    private volatile String lastError;
    private Thread reader;
    private Thread listener;

    public DatabaseChangeFeed(Jdbi jdbi, DataSource dataSource, Settings settings) {
        this.store = new ChangeStore(jdbi);
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** This node committed something: read it now (and wake the others). */
    @Override
    public void publish(Change change) {
        committedHere.set(true);
        wakeUp();
    }

    @Override
    public void subscribe(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** The content version every screen may hold: everything up to it has been handed to the listeners. */
    public long safeVersion() {
        ChangeCursor c = content;
        return c == null ? store.newestContent() : c.safe();
    }

    public synchronized void start() {
        if (running) return;
        long now = System.nanoTime();
        long newestContent = store.newestContent();
        long newestScreen = store.newestScreen();
        content = new ChangeCursor(newestContent, missing(store.contentVersionsIn(newestContent - START_LOOKBACK,
                newestContent), newestContent), now, settings.gapTimeout().toNanos(), LATE_WINDOW.toNanos());
        screens = new ChangeCursor(newestScreen, missing(store.screenIdsIn(newestScreen - START_LOOKBACK, newestScreen),
                newestScreen), now, settings.gapTimeout().toNanos(), LATE_WINDOW.toNanos());
        running = true;
        reader = new Thread(this::readLoop, "change-reader");
        reader.setDaemon(true);
        reader.start();
        if (settings.notifications() && store.onPostgres()) {
            listener = new Thread(this::listenLoop, "change-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private static List<Long> missing(List<Long> present, long newest) {
        Set<Long> have = new java.util.HashSet<>(present);
        List<Long> out = new ArrayList<>();
        for (long n = Math.max(1, newest - START_LOOKBACK + 1); n <= newest; n++) {
            if (!have.contains(n)) out.add(n);
        }
        return out;
    }

    /** For /health: how this node follows the others. */
    public Map<String, Object> health() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("node", settings.nodeId());
        out.put("safeVersion", content == null ? null : content.safe());
        out.put("notifications", settings.notifications() ? (listening ? "listening" : "not listening") : "off");
        out.put("pollMillis", settings.poll().toMillis());
        long last = lastReadNanos;
        out.put("lastReadMillisAgo", last == 0 ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - last));
        out.put("lastError", lastError);
        return out;
    }

    private void wakeUp() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    private void awaitWake() throws InterruptedException {
        synchronized (wake) {
            long until = System.nanoTime() + settings.poll().toNanos();
            while (!woken && running) {
                long left = until - System.nanoTime();
                if (left <= 0) break;
                TimeUnit.NANOSECONDS.timedWait(wake, left);
            }
            woken = false;
        }
    }

    private void readLoop() {
        while (running) {
            try {
                awaitWake();
                if (!running) return;
                if (committedHere.getAndSet(false) && listener != null) store.notifyNodes(settings.nodeId());
                while (readContent() | readScreens()) {
                    // a full batch: read on at once
                }
                lastReadNanos = System.nanoTime();
                lastError = null;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    private void failed(RuntimeException e) {
        String message = org.gongkai.db.Database.rootMessage(e);
        if (!message.equals(lastError)) LOG.warn("change feed: reading changes failed, retrying: {}", message);
        lastError = message;
    }

    /** @return true when a whole batch came: there may be more */
    private boolean readContent() {
        ChangeCursor cursor = content;
        List<ChangeStore.ContentRow> rows = new ArrayList<>(store.contentAfter(cursor.safe(), BATCH + cursor.readAboveSafe()));
        boolean full = rows.size() == BATCH + cursor.readAboveSafe();
        rows.addAll(store.contentIn(cursor.late(System.nanoTime())));
        List<Long> fresh = cursor.accept(rows.stream().map(ChangeStore.ContentRow::version).toList(), System.nanoTime());
        if (!fresh.isEmpty()) {
            Set<Long> freshVersions = new java.util.HashSet<>(fresh);
            Set<Long> items = new LinkedHashSet<>();
            rows.stream().filter(r -> freshVersions.contains(r.version())).sorted(java.util.Comparator
                    .comparingLong(ChangeStore.ContentRow::version)).forEach(r -> items.add(r.itemId()));
            deliver(new Change.Content(cursor.safe(), List.copyOf(items)));
        }
        return full;
    }

    private boolean readScreens() {
        List<ChangeStore.ScreenRow> rows = new ArrayList<>(store.screensAfter(screens.safe(), BATCH + screens.readAboveSafe()));
        boolean full = rows.size() == BATCH + screens.readAboveSafe();
        rows.addAll(store.screensIn(screens.late(System.nanoTime())));
        Set<Long> fresh = new java.util.HashSet<>(screens.accept(rows.stream().map(ChangeStore.ScreenRow::id).toList(),
                System.nanoTime()));
        Set<Change> changes = new LinkedHashSet<>();
        rows.stream().filter(r -> fresh.contains(r.id())).sorted(java.util.Comparator.comparingLong(ChangeStore.ScreenRow::id))
                .forEach(r -> changes.add(r.screenId() != null ? new Change.Screen(r.screenId()) : new Change.Group(r.groupCode())));
        changes.forEach(this::deliver);
        return full;
    }

    private void deliver(Change change) {
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.error("change feed: a listener failed on {}", change, e);
            }
        }
    }

    /** Holds one connection that LISTENs; a lost one is opened again after a pause, while polling goes on. */
    private void listenLoop() {
        long pauseMillis = 500;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + ChangeStore.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                pauseMillis = 500;
                wakeUp(); // what came while not listening
                while (running) {
                    PGNotification[] got = pg.getNotifications(500);
                    if (got != null && fromOthers(got)) wakeUp();
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) return;
                LOG.warn("change feed: LISTEN connection lost, polling every {} ms until it is back: {}",
                        settings.poll().toMillis(), org.gongkai.db.Database.rootMessage(e));
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException stop) {
                    return;
                }
                pauseMillis = Math.min(5_000, pauseMillis * 2);
            }
        }
        listening = false;
    }

    private boolean fromOthers(PGNotification[] got) {
        for (PGNotification n : got) {
            if (!settings.nodeId().equals(n.getParameter())) return true;
        }
        return false;
    }

    @Override
    public synchronized void close() {
        running = false;
        wakeUp();
        for (Thread t : new Thread[] {reader, listener}) {
            if (t == null) continue;
            try {
                t.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
