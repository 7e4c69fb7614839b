-- accounts: two-factor sign-in (TOTP, RFC 6238) and suspension by an admin.
-- The TOTP secret is kept encrypted (AES-GCM under a server secret), never in plain text; last_step is the
-- last 30-second time step whose code was accepted, so a code works once (replay refused). A row exists
-- only once the owner confirmed a code: setting up keeps the new secret in the session until then.
CREATE TABLE account_two_factor (
  account_id BIGINT       PRIMARY KEY,
  secret     VARCHAR(200) NOT NULL,
  enabled_at BIGINT       NOT NULL,
  last_step  BIGINT       NOT NULL
);
-- ten one-time recovery codes per account, only their SHA-256 kept; used_at set when one is spent
CREATE TABLE account_recovery_codes (
  account_id BIGINT      NOT NULL,
  code_hash  VARCHAR(64) NOT NULL,
  created_at BIGINT      NOT NULL,
  used_at    BIGINT,
  PRIMARY KEY (account_id, code_hash)
);
ALTER TABLE accounts ADD COLUMN suspended_at BIGINT;
ALTER TABLE accounts ADD COLUMN suspended_reason VARCHAR(500);
-- IP属地 of the address a session signed in from (only the region, never the address)
ALTER TABLE account_sessions ADD COLUMN region VARCHAR(64);
