-- accounts module: e-mail verification. Existing accounts count as unverified until they verify.
ALTER TABLE accounts ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE email_verifications (
  token_hash VARCHAR(64) PRIMARY KEY,
  account_id BIGINT      NOT NULL,
  expires_at BIGINT      NOT NULL,
  used       BOOLEAN     NOT NULL DEFAULT FALSE
);
