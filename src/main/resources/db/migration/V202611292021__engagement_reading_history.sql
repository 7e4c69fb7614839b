-- engagement module: 阅读历史 — what a signed-in reader opened (one row per account and article, the latest time),
-- and the accounts that switched it off (nothing is recorded for them).
CREATE TABLE reading_history (
  account_id BIGINT NOT NULL,
  article_id BIGINT NOT NULL,
  read_at    BIGINT NOT NULL,
  PRIMARY KEY (account_id, article_id)
);
CREATE INDEX reading_history_by_account ON reading_history (account_id, read_at);

CREATE TABLE reading_history_off (
  account_id BIGINT PRIMARY KEY,
  since      BIGINT NOT NULL
);
