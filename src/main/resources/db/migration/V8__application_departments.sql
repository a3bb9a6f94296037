-- Applications hold applicants' personal data: each is handled by one department, whose staff (with admins and the
-- disclosure office) may read it. Applications from before this version have none: only admins and the disclosure
-- office see them until they route them to a department.
ALTER TABLE applications ADD COLUMN department VARCHAR(64);
ALTER TABLE applications ADD CONSTRAINT applications_department_fk FOREIGN KEY (department) REFERENCES departments(code);
CREATE INDEX applications_department ON applications(department, id);

-- Every read of applicants' personal data is audited with the application ids read (as ranges, "3-5,9"): a list
-- of up to 1000 applications needs a longer target than a path.
ALTER TABLE audit_log ALTER COLUMN target SET DATA TYPE VARCHAR(10000);
