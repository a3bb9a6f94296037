-- Applications citizens send in themselves, at a touchscreen or on the mobile page (Art. 29: a data message):
-- their identity document, phone, how they want the answer, and the screen that took it. Staff-registered
-- applications leave these empty.
ALTER TABLE applications ADD COLUMN id_type VARCHAR(24);
ALTER TABLE applications ADD COLUMN id_number VARCHAR(32);
ALTER TABLE applications ADD COLUMN phone VARCHAR(32);
ALTER TABLE applications ADD COLUMN delivery VARCHAR(16);
ALTER TABLE applications ADD COLUMN delivery_address VARCHAR(300);
ALTER TABLE applications ADD COLUMN email VARCHAR(200);
ALTER TABLE applications ADD COLUMN screen_id VARCHAR(40);
