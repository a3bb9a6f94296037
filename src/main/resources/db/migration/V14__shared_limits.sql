-- What several nodes on one database must count and order together (issue 14).

-- Per-caller limits (login failures, application lookups, ratings): one row per rule and caller, counted with
-- atomic UPDATEs so that a client alternating between nodes gets no extra tries. subject is the SHA-256 of the
-- caller's key (an address, a screen, a session), so that no address or session is kept in plain; rows whose
-- window has ended are deleted by the node that next sweeps.
CREATE TABLE limit_windows (
    rule_name  VARCHAR(64) NOT NULL,
    subject    VARCHAR(64) NOT NULL,
    events     INT NOT NULL,
    ends_at    BIGINT NOT NULL,
    PRIMARY KEY (rule_name, subject)
);

CREATE INDEX limit_windows_ends ON limit_windows(ends_at);

-- The audit chain's lock: every append updates this one row first, in its transaction, so that appends from all
-- nodes are serialised and each is chained to the row committed before it.
CREATE TABLE audit_head (
    id       INT PRIMARY KEY,
    appends  BIGINT NOT NULL
);

INSERT INTO audit_head (id, appends) VALUES (1, 0);

-- Which node appended an entry: a node's anchor accepts entries after its head that other nodes appended.
ALTER TABLE audit_log ADD COLUMN node VARCHAR(64);
