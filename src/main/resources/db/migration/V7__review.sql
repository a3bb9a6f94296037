-- The review workflow: draft -> submitted -> published (approved by someone who is not an author) or returned.
ALTER TABLE items ADD COLUMN return_reason VARCHAR(2000);
ALTER TABLE items ADD COLUMN approved_by VARCHAR(64);
ALTER TABLE items ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE item_history ADD COLUMN note VARCHAR(2000);

-- A change to a published item waits here for review while the published version stays on screen.
CREATE TABLE item_revisions (
    item_id        BIGINT PRIMARY KEY REFERENCES items(id),
    revision       INT NOT NULL,
    base_version   INT NOT NULL,
    content        VARCHAR(1000000) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    return_reason  VARCHAR(2000),
    updated_by     VARCHAR(64) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
