-- What table 3 of the annual report (国办公开办函〔2021〕30号) needs of an application: who applied (a natural person
-- or which kind of organisation) and the result in the national format's terms, with its sub-reason. The day it was
-- closed is answered_on. Applications from before keep both unknown (NULL): the report counts them as not recorded,
-- never as a guess.
ALTER TABLE applications ADD COLUMN applicant_type VARCHAR(24);
ALTER TABLE applications ADD COLUMN result VARCHAR(24);
