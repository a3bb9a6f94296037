-- Proof of play: what each screen showed, when and for how long, as the screen reports it (with its own clock,
-- also for what it showed while offline). The key makes a batch that is sent twice count once.
CREATE TABLE plays (
    screen_id     VARCHAR(40) NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    item_id       BIGINT NOT NULL,
    item_version  INT,
    duration_ms   INT NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (screen_id, started_at, item_id)
);

CREATE INDEX plays_item ON plays(item_id, started_at);
