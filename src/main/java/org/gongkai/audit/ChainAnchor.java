package org.gongkai.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the audit chain's head (length, newest id and hash) in the anchor file and compares it with the table: at
 * start, before each append and at verify. A difference (entries cut off the end, rows added or the newest changed
 * behind the server's back) is recorded as a break in the file, stays reported by verify, and the anchor then
 * follows the table again so that later cuts are found too. Entries after the anchored head that name another node
 * and are chained to it are that node's appends: the anchor follows them without a break. The caller (AuditLog)
 * serializes every call.
 */
final class ChainAnchor {
    /** What the anchor needs to know of the table. */
    interface Table {
        AuditAnchor.Head head();

        long countUpTo(long id);

        Optional<String> hashOf(long id);

        /** The hash an entry is chained to (its prev_hash). */
        Optional<String> previousHashOf(long id);

        /** Whether every entry after id names another node and the first of them is chained to hash. */
        boolean othersAppendedAfter(long id, String hash);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private final AuditAnchor file;
    private final Table table;
    private final Clock clock;
    private AuditAnchor.State state;
    private String notWritten; // why the file could not be written, while it cannot

    ChainAnchor(AuditAnchor file, Table table, Clock clock) {
        this.file = file;
        this.table = table;
        this.clock = clock;
    }

    boolean opened() {
        return state != null;
    }

    /** Loads the anchor and compares it with the table; the first start (or a removed file) anchors the log as it is. */
    void open() {
        AuditAnchor.Head found = table.head();
        Optional<AuditAnchor.State> loaded;
        try {
            loaded = file.load();
        } catch (IOException e) {
            state = new AuditAnchor.State(found.entries(), found.headId(), found.headHash(), now(), List.of(new AuditAnchor.Break(
                    now(), null, found, 0, 0, false, "the anchor file " + file.file() + " could not be read (" + e.getMessage()
                    + "); the log was anchored again as it is now, so a cut made before cannot be told")), true);
            LOG.error("audit anchor: {}", state.breaks().get(0).problem());
            save();
            return;
        }
        if (loaded.isEmpty()) {
            state = new AuditAnchor.State(found.entries(), found.headId(), found.headHash(), now(), List.of(), true);
            LOG.info("audit anchor: none in {}; the log is anchored as it is now ({} entries)", file.file(), found.entries());
            save();
            return;
        }
        state = loaded.get();
        if (Boolean.TRUE.equals(state.running()) && writtenJustBeforeACrash(found)) {
            LOG.warn("audit anchor: the previous run ended without a clean stop (a crash or a kill) after writing entry #{}"
                    + " but before anchoring it; it follows the anchored head, which is intact, and is anchored now", found.headId());
            state = new AuditAnchor.State(found.entries(), found.headId(), found.headHash(), now(), state.breaks(), true);
        } else {
            reconcile(found);
        }
        state = state.withRunning(true);
        save();
    }

    /**
     * Appends are serialized and the anchor is saved right after each commit, so a crash can leave exactly one entry
     * after the anchored head, chained to it; anything else is a difference to report.
     */
    private boolean writtenJustBeforeACrash(AuditAnchor.Head found) {
        AuditAnchor.Head anchored = state.head();
        return found.entries() == anchored.entries() + 1 && anchoredHeadIntact()
                && table.previousHashOf(found.headId()).map(anchored.headHash()::equals).orElse(false);
    }

    /** A clean stop: the next start need not explain an unanchored entry by a crash. */
    void closed() {
        if (state == null) return;
        state = state.withRunning(false);
        save();
    }

    boolean isHead(long id, String hash) {
        return state.headId() == id && state.headHash().equals(hash);
    }

    /** Records a difference between the anchor and the table, if any, and anchors the table as it is. */
    void reconcile(AuditAnchor.Head found) {
        if (state.head().equals(found)) return;
        if (appendedByOtherNodes(found)) {
            state = new AuditAnchor.State(found.entries(), found.headId(), found.headHash(), now(), state.breaks(), state.running());
            save();
            return;
        }
        AuditAnchor.Break b = describe(state.head(), found);
        LOG.error("audit anchor: {}", b.problem());
        List<AuditAnchor.Break> breaks = new ArrayList<>(state.breaks());
        breaks.add(b);
        state = new AuditAnchor.State(found.entries(), found.headId(), found.headHash(), now(), breaks, state.running());
        save();
    }

    /** The anchored head is intact and only other nodes' entries, chained to it, came after it. */
    private boolean appendedByOtherNodes(AuditAnchor.Head found) {
        AuditAnchor.Head anchored = state.head();
        return found.entries() > anchored.entries() && anchoredHeadIntact()
                && table.othersAppendedAfter(anchored.headId(), anchored.headHash());
    }

    /** The anchored newest entry is still there, unchanged, with as many entries up to it as were anchored. */
    private boolean anchoredHeadIntact() {
        AuditAnchor.Head anchored = state.head();
        Optional<String> row = anchored.headId() == 0 ? Optional.of(AuditLog.GENESIS) : table.hashOf(anchored.headId());
        long upTo = anchored.headId() == 0 ? 0 : table.countUpTo(anchored.headId());
        return upTo == anchored.entries() && row.map(anchored.headHash()::equals).orElse(false);
    }

    void appended(long id, String hash) {
        state = new AuditAnchor.State(state.entries() + 1, id, hash, now(), state.breaks(), state.running());
        save();
    }

    /** What verify adds: the anchor, and every break (oldest first) and write failure as a problem. */
    void report(Map<String, Object> out, List<String> problems) {
        long missing = 0;
        boolean truncated = false;
        for (AuditAnchor.Break b : state.breaks()) {
            problems.add(b.detectedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": " + b.problem());
            missing += b.missing();
            truncated |= b.truncated();
        }
        if (notWritten != null) problems.add("the anchor file " + file.file() + " cannot be written: " + notWritten);
        Map<String, Object> anchor = new LinkedHashMap<>();
        anchor.put("file", file.file().toString());
        anchor.put("entries", state.entries());
        anchor.put("headId", state.headId());
        anchor.put("headHash", state.headHash());
        anchor.put("updatedAt", state.updatedAt());
        out.put("truncated", truncated);
        out.put("missingEntries", missing);
        out.put("anchor", anchor);
    }

    /** The line logged at start and every day: written down elsewhere, it dates a cut even if the file is rewritten. */
    String line() {
        return "audit anchor: " + state.entries() + " entries, head #" + state.headId() + " " + state.headHash()
                + " (" + file.file() + ")" + (state.breaks().isEmpty() ? ""
                : "; " + state.breaks().size() + " difference(s) from the table recorded, see GET /api/audit/verify");
    }

    private AuditAnchor.Break describe(AuditAnchor.Head expected, AuditAnchor.Head found) {
        Optional<String> anchoredRow = expected.headId() == 0 ? Optional.of(AuditLog.GENESIS) : table.hashOf(expected.headId());
        long upTo = expected.headId() == 0 ? 0 : table.countUpTo(expected.headId());
        long missing = Math.max(0, expected.entries() - upTo);
        long added = found.entries() - upTo;
        boolean headGone = anchoredRow.isEmpty();
        boolean truncated = headGone && missing > 0;
        List<String> what = new ArrayList<>();
        if (truncated) {
            what.add("the log was truncated: the " + plural(missing, "newest entry", missing + " newest entries").replace("the 1 ", "the ")
                    + " up to #" + expected.headId() + " " + (missing == 1 ? "was" : "were") + " deleted; the log now ends at #"
                    + found.headId() + " with " + found.entries() + " entries");
        } else if (missing > 0) {
            what.add(plural(missing, "1 anchored entry", missing + " anchored entries") + " up to #" + expected.headId()
                    + " " + (missing == 1 ? "was" : "were") + " deleted (the chain check names the first gap)");
        }
        if (anchoredRow.isPresent() && !anchoredRow.get().equals(expected.headHash())) {
            what.add("the anchored newest entry #" + expected.headId() + " was changed");
        }
        if (added > 0) {
            what.add(plural(added, "1 entry", added + " entries") + " after the anchored head (#" + expected.headId() + ") "
                    + (added == 1 ? "was" : "were") + " not written by this server: added directly in the database, by "
                    + "another node, or written just before a crash kept the anchor from being updated");
        }
        if (what.isEmpty()) what.add("the log's head differs from the anchor (" + expected + " anchored, " + found + " found)");
        return new AuditAnchor.Break(now(), expected, found, missing, Math.max(0, added), truncated, String.join("; ", what));
    }

    private void save() {
        try {
            file.save(state);
            notWritten = null;
        } catch (IOException | RuntimeException e) {
            if (notWritten == null) LOG.error("audit anchor: cannot write {}: {}", file.file(), e.toString());
            notWritten = e.toString();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
