package org.gongkai.content;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an entry of an item's history records, stored in item_history.action by its code (the name in lower case).
 * The same names are in the CHECK of item_history.action (V9__history_actions.sql) and in the admin page's labels
 * (kiosk-web/admin/content-labels.js); HistoryActionNamesUnitTest holds the three together.
 */
public enum HistoryAction {
    /** Saved new as a draft or submitted. */
    CREATE,
    /** A draft saved again. */
    UPDATE,
    /** A change to a published item saved for review; the published version stays on screen. */
    REVISE,
    SUBMIT,
    /** Approved by a reviewer who is not an author, and published. */
    APPROVE,
    /** Returned to its authors with a reason. */
    RETURN,
    WITHDRAW,
    /** An alert's all-clear (解除). */
    CLEAR,
    /** An alert published at once by a reviewer, where no second approver is needed. */
    ISSUE,
    /** Approved elsewhere and loaded as it is (the demo files). */
    IMPORT;

    /** The actions that put an item's version on screen: the last of them ends a change's authorship. */
    public static final List<HistoryAction> PUBLISHING = List.of(APPROVE, ISSUE, IMPORT);
    /** The actions of those who wrote or submitted a change, who may not approve it. */
    public static final List<HistoryAction> AUTHORING = List.of(CREATE, UPDATE, REVISE, SUBMIT);
    /** Their codes, to bind in SQL. */
    public static final List<String> PUBLISHING_CODES = codes(PUBLISHING);
    public static final List<String> AUTHORING_CODES = codes(AUTHORING);

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HistoryAction parse(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown history action " + code));
    }

    static List<String> codes(List<HistoryAction> actions) {
        return actions.stream().map(HistoryAction::code).toList();
    }
}
