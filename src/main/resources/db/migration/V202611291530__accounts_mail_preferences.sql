-- accounts: which kinds of message-centre notice an account also wants by mail. A kind without a row has its
-- default (decisions about the account's content: yes; replies, likes, followers: no).
CREATE TABLE mail_preferences (
  account_id BIGINT      NOT NULL,
  kind       VARCHAR(32) NOT NULL,
  mail       BOOLEAN     NOT NULL,
  updated_at BIGINT      NOT NULL,
  PRIMARY KEY (account_id, kind)
);
