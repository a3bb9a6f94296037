package org.gongkai.warnings;

import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.gongkai.content.Details;
import org.gongkai.content.Item;
import org.gongkai.content.ItemInput;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemService;
import org.gongkai.content.ItemStatus;
import org.gongkai.content.ReviewService;
import org.gongkai.web.ApiException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a received CAP message does: issued (a new alert at once), updated (the alert it references, in place),
 * cleared (the referenced alert, withdrawn with clear), pending (waits for a reviewer's click) or ignored; always
 * recorded with why. Items are written by a synthetic admin "cap:<senderName>" (id 0) through ItemService.
 */
public final class WarningService {
    public enum Policy { SEVERE_AT_ONCE, ALL_AT_ONCE, REVIEW_ALL }

    public record Result(String outcome, String reason, Long itemId, String identifier, Long messageId) {}

    private final WarningStore store;
    private final ItemService items;
    private final ReviewService review;
    private final Clock clock;
    private final List<String> areaNames;
    private final List<String> areaCodes;
    private final String defaultDepartment;

    public WarningService(WarningStore store, ItemService items, ReviewService review, Clock clock,
                          List<String> areaNames, List<String> areaCodes, String defaultDepartment) {
        this.store = store;
        this.items = items;
        this.review = review;
        this.clock = clock;
        this.areaNames = areaNames;
        this.areaCodes = areaCodes;
        this.defaultDepartment = defaultDepartment;
    }

    public WarningStore store() {
        return store;
    }

    /** @throws CapParser.BadCap after recording the message as ignored, for a POST to answer 400 */
    public synchronized Result receive(byte[] raw, String source, Policy policy, String department) throws CapParser.BadCap {
        OffsetDateTime now = OffsetDateTime.now(clock);
        CapMessage m;
        try {
            m = CapParser.parse(raw);
        } catch (CapParser.BadCap e) {
            store.insert(null, source, raw, "ignored", e.getMessage(), null, now);
            throw e;
        }
        String dept = department == null ? defaultDepartment : department;
        Decision d = decide(m, policy, now, dept);
        long id = store.insert(m, source, raw, d.outcome, d.reason, d.itemId, now);
        return new Result(d.outcome, d.reason, d.itemId, m.identifier(), id);
    }

    private record Decision(String outcome, String reason, Long itemId) {}

    private Decision decide(CapMessage m, Policy policy, OffsetDateTime now, String dept) {
        if (store.seen(m.identifier())) return ignored("duplicate identifier: already received");
        if (!"Actual".equalsIgnoreCase(m.status())) {
            return ignored("status " + m.status() + ": recorded for staff, never shown on screens");
        }
        if ("Cancel".equalsIgnoreCase(m.msgType())) {
            var item = store.itemOf(m.references());
            if (item.isEmpty()) return ignored("cancel references no alert on screens");
            Item cleared = review.withdraw(item.get(), actor(m), true);
            return new Decision("cleared", "cancel: alert " + cleared.id() + " cleared", cleared.id());
        }
        if (!"Alert".equalsIgnoreCase(m.msgType()) && !"Update".equalsIgnoreCase(m.msgType())) {
            return ignored("msgType " + m.msgType() + " is not shown (only Alert, Update and Cancel)");
        }
        if (m.event() == null && m.headline() == null) return ignored("no info block with an event or headline");
        if (!CapMapping.concerns(m, areaNames, areaCodes)) {
            return ignored("area " + String.join("、", m.areaDescs()) + " " + m.geocodes()
                    + " does not concern this county (warnings.areaNames, warnings.areaCodes)");
        }
        if (end(m).isBefore(now) || end(m).isEqual(now)) return ignored("expired at " + end(m));
        String level = CapMapping.level(m);
        if (level == null) return ignored("no colour word in the event or headline and severity " + m.severity() + " has no level");
        boolean atOnce = switch (policy) {
            case ALL_AT_ONCE -> true;
            case REVIEW_ALL -> false;
            case SEVERE_AT_ONCE -> CapMapping.severe(m, level);
        };
        if (!atOnce) return new Decision("pending", "waits for a reviewer (policy " + policy.name().toLowerCase() + ")", null);
        if (items.alertSecondApprover()) {
            return new Decision("pending", "security.alertSecondApprover is on: every alert waits for a reviewer", null);
        }
        try {
            return issue(m, dept, null);
        } catch (ApiException e) { // e.g. alerts.defaultDepartment unknown: a reviewer may issue it once that is fixed
            return new Decision("pending", "could not issue at once: " + e.getMessage(), null);
        }
    }

    /** @param reviewer the reviewer whose click issues it (the second approval), or null when issued at once */
    private Decision issue(CapMessage m, String dept, Staff reviewer) {
        ItemInput in = input(m, dept);
        Staff actor = reviewer != null ? reviewer : actor(m);
        var earlier = "Update".equalsIgnoreCase(m.msgType()) ? store.itemOf(m.references()) : java.util.Optional.<Long>empty();
        if (earlier.isPresent()) {
            Item old = items.get(earlier.get(), java.util.Optional.of(actor(m)));
            if (old.status() == ItemStatus.PUBLISHED) {
                Item updated = reviewer != null ? items.updateSecondApprovedAlert(old.id(), in, actor)
                        : items.update(old.id(), in, actor);
                return new Decision("updated", "update: alert " + updated.id() + " now " + level(updated), updated.id());
            }
        }
        Item created = reviewer != null ? items.createSecondApprovedAlert(in, actor) : items.create(in, actor);
        return new Decision("issued", "issued: " + level(created), created.id());
    }

    /** A reviewer's one click: issues the pending message exactly as its preview showed. */
    public synchronized Result issuePending(long messageId, Staff reviewer) {
        var row = store.find(messageId).orElseThrow(() -> ApiException.notFound("CAP message " + messageId));
        if (!"pending".equals(row.outcome())) {
            throw ApiException.conflict("outcome", "CAP message " + messageId + " is " + row.outcome() + ", not pending");
        }
        CapMessage m = parsedOrConflict(row);
        if (end(m).isBefore(OffsetDateTime.now(clock))) {
            store.resolve(messageId, "ignored", "expired at " + end(m) + " before it was issued", null);
            throw ApiException.conflict("expires", "this warning expired at " + end(m));
        }
        Decision d = issue(m, defaultDepartment, reviewer);
        String reason = d.reason() + ", by reviewer " + reviewer.username();
        store.resolve(messageId, d.outcome(), reason, d.itemId());
        return new Result(d.outcome(), reason, d.itemId(), m.identifier(), messageId);
    }

    /** What screens would show for a stored message (the admin page's preview). */
    public ItemInput preview(WarningStore.Received row) {
        return input(parsedOrConflict(row), defaultDepartment);
    }

    private static CapMessage parsedOrConflict(WarningStore.Received row) {
        try {
            return CapParser.parse(WarningStore.reencode(row.rawXml()));
        } catch (CapParser.BadCap e) {
            throw ApiException.conflict("rawXml", "the stored message cannot be read: " + e.getMessage());
        }
    }

    static ItemInput input(CapMessage m, String dept) {
        String title = m.headline() != null ? m.headline() : m.event();
        return ItemInput.builder().kind(ItemKind.ALERT).title(cut(title, 200)).summary(cut(m.instruction(), 500))
                .body(m.description()).bodyFormat("text").department(dept).category("emergency")
                .publishStart(start(m)).publishEnd(end(m)).priority(100).targetGroups(List.of())
                .status(ItemStatus.PUBLISHED)
                .details(new Details.Alert(CapMapping.level(m), CapMapping.hazard(m),
                        cut(String.join("、", m.areaDescs()), 2000), cut(m.senderName() != null ? m.senderName() : m.sender(), 2000), m.sent()))
                .build();
    }

    private static OffsetDateTime start(CapMessage m) {
        return m.effective() != null ? m.effective() : m.sent();
    }

    /** expires, else the effective time (or sent) plus CapMapping.DEFAULT_WINDOW (24 h). */
    static OffsetDateTime end(CapMessage m) {
        return m.expires() != null ? m.expires() : start(m).plus(CapMapping.DEFAULT_WINDOW);
    }

    private static Staff actor(CapMessage m) {
        String who = m.senderName() != null ? m.senderName() : m.sender();
        return new Staff(0, cut("cap:" + who, 60), Role.ADMIN, null, null);
    }

    private static String level(Item item) {
        return item.details() instanceof Details.Alert a ? a.level() : "?";
    }

    private static Decision ignored(String reason) {
        return new Decision("ignored", reason, null);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
