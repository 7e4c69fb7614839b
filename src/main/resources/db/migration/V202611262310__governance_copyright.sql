-- governance module: copyright notices (notice-and-takedown) are reports with the rights holder's details.
ALTER TABLE reports ADD COLUMN claimant_name VARCHAR(100);
ALTER TABLE reports ADD COLUMN claimant_contact VARCHAR(200);
ALTER TABLE reports ADD COLUMN original_work VARCHAR(500);
