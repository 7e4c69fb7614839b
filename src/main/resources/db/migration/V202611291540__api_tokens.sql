-- api module: personal access tokens for the REST API. Only the SHA-256 of a token is stored (the token
-- itself is shown once, at creation). scopes is "read" or "read,write"; times are epoch milliseconds.
CREATE TABLE api_tokens (
  id           BIGINT       PRIMARY KEY,
  account_id   BIGINT       NOT NULL,
  name         VARCHAR(100) NOT NULL,
  token_hash   VARCHAR(64)  NOT NULL UNIQUE,
  token_prefix VARCHAR(16)  NOT NULL,
  scopes       VARCHAR(32)  NOT NULL,
  created_at   BIGINT       NOT NULL,
  expires_at   BIGINT,
  last_used_at BIGINT,
  revoked_at   BIGINT
);
CREATE INDEX api_tokens_by_account ON api_tokens (account_id, created_at);
