-- accounts: a new e-mail address waiting for its owner to open the link mailed to it (24 h; only the token's
-- SHA-256 is kept). Times are epoch millis.
CREATE TABLE email_changes (
  token_hash VARCHAR(64)   PRIMARY KEY,
  account_id BIGINT        NOT NULL,
  new_email  VARCHAR(254)  NOT NULL,
  expires_at BIGINT        NOT NULL,
  used       BOOLEAN       NOT NULL
);
