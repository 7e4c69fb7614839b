-- governance module: a creator may appeal a review rejection once; a different reviewer decides.
ALTER TABLE review_decisions ADD COLUMN appeal_status VARCHAR(10) NOT NULL DEFAULT 'none';
ALTER TABLE review_decisions ADD COLUMN appeal_text VARCHAR(2000);
ALTER TABLE review_decisions ADD COLUMN appeal_decided_by BIGINT;
ALTER TABLE review_decisions ADD COLUMN appeal_note VARCHAR(2000);
