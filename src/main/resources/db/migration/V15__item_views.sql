-- How often each item was opened at each touchscreen, per day (issue 15.6: the attract loop shows a screen's most
-- used guides; issue 16 builds the statistics on it). Nothing that identifies a person: a screen, an item, a day.
CREATE TABLE item_views (
    item_id    BIGINT NOT NULL,
    screen_id  VARCHAR(40) NOT NULL,
    view_day   DATE NOT NULL,
    views      BIGINT NOT NULL,
    PRIMARY KEY (item_id, screen_id, view_day)
);

CREATE INDEX item_views_screen_day ON item_views(screen_id, view_day);
