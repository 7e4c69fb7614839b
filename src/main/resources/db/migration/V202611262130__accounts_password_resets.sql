-- accounts module: one-time password-reset tokens. Only a SHA-256 of the token is stored.
CREATE TABLE password_resets (
  token_hash VARCHAR(64) PRIMARY KEY,
  account_id BIGINT      NOT NULL,
  expires_at BIGINT      NOT NULL,
  used       BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX password_resets_by_account ON password_resets (account_id);
