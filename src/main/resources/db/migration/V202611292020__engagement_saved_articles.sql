-- engagement module: 收藏 — articles a signed-in reader saved to read later (one row per account and article).
CREATE TABLE saved_articles (
  account_id BIGINT NOT NULL,
  article_id BIGINT NOT NULL,
  saved_at   BIGINT NOT NULL,
  PRIMARY KEY (account_id, article_id)
);
CREATE INDEX saved_articles_by_account ON saved_articles (account_id, saved_at);
