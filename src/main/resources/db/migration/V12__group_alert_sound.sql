-- The attention tone for orange and red warnings, per group: on or off, and how loud (0-100). On by default at 60:
-- a group whose screens have no speakers plays it to nobody; a hall that wants silence turns it off.
ALTER TABLE screen_groups ADD COLUMN alert_sound BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE screen_groups ADD COLUMN alert_volume INTEGER DEFAULT 60 NOT NULL;
