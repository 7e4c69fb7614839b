-- creators module: creator profiles can belong to an account; 申请入驻 applications and their decisions.
ALTER TABLE creators ADD COLUMN account_id BIGINT;
CREATE UNIQUE INDEX creators_by_account ON creators (account_id);

CREATE TABLE creator_applications (
  id                BIGINT       PRIMARY KEY,
  account_id        BIGINT       NOT NULL,
  account_type      VARCHAR(16)  NOT NULL,
  display_name      VARCHAR(100) NOT NULL,
  handle            VARCHAR(64)  NOT NULL,
  tagline           VARCHAR(200),
  channel_slug      VARCHAR(64)  NOT NULL,
  contact           VARCHAR(200) NOT NULL,
  entity_name       VARCHAR(200),
  credit_code       VARCHAR(18),
  agreement_version VARCHAR(16)  NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  reason            VARCHAR(500),
  created_at        BIGINT       NOT NULL,
  decided_at        BIGINT
);
CREATE INDEX creator_applications_by_account ON creator_applications (account_id, created_at);
CREATE INDEX creator_applications_by_status ON creator_applications (status, created_at);
