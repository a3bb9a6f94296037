-- The actions an item's history records: the codes of org.gongkai.content.HistoryAction, also labelled in
-- kiosk-web/admin/content-labels.js (HISTORY_ACTIONS); HistoryActionNamesUnitTest keeps the three lists the same.
ALTER TABLE item_history ADD CONSTRAINT item_history_action
    CHECK (action IN ('create', 'update', 'revise', 'submit', 'approve', 'return', 'withdraw', 'clear', 'issue', 'import'));
