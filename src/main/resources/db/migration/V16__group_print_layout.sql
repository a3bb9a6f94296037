-- How the touchscreens of a group print an item (打印): on an 80 mm receipt printer, on A4, or not at all (no
-- printer attached, the default, so that no screen offers a button that prints nothing).
ALTER TABLE screen_groups ADD COLUMN print_layout VARCHAR(16) DEFAULT 'none' NOT NULL;
