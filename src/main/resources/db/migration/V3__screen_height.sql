-- The physical height of a group's picture, so that a viewing distance becomes sizes in pixels on the screen.
ALTER TABLE screen_groups ADD COLUMN screen_height_meters DOUBLE PRECISION;
