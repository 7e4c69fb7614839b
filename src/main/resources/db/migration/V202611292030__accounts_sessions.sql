-- accounts: the signed-in sessions of each account, so its owner can see them and end them. The session id is
-- a credential: only its SHA-256 is kept. sessions_valid_after on the account ends, at a password change, the
-- sessions not yet seen here (created before that time). Times are epoch millis.
CREATE TABLE account_sessions (
  id          BIGINT        PRIMARY KEY,
  account_id  BIGINT        NOT NULL,
  session_key VARCHAR(64)   NOT NULL UNIQUE,
  user_agent  VARCHAR(300),
  created_at  BIGINT        NOT NULL,
  last_seen   BIGINT        NOT NULL,
  ended_at    BIGINT
);
CREATE INDEX account_sessions_by_account ON account_sessions (account_id, last_seen);
ALTER TABLE accounts ADD COLUMN sessions_valid_after BIGINT;
