-- engagement module: comments (跟帖, one level of replies), comment likes, per-article comment switch,
-- article likes. Authors are accounts; the name shown is copied so a deleted account's comments stay readable.
CREATE TABLE comments (
  id          BIGINT       PRIMARY KEY,
  article_id  BIGINT       NOT NULL,
  parent_id   BIGINT,
  account_id  BIGINT       NOT NULL,
  author_name VARCHAR(100) NOT NULL,
  body        VARCHAR(2000) NOT NULL,
  status      VARCHAR(16)  NOT NULL,
  created_at  BIGINT       NOT NULL
);
CREATE INDEX comments_by_article ON comments (article_id, created_at);

CREATE TABLE comment_likes (
  comment_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  PRIMARY KEY (comment_id, account_id)
);

CREATE TABLE comment_settings (
  article_id BIGINT  PRIMARY KEY,
  disabled   BOOLEAN NOT NULL
);

CREATE TABLE article_likes (
  article_id BIGINT      NOT NULL,
  reader_key VARCHAR(40) NOT NULL,
  created_at BIGINT      NOT NULL,
  PRIMARY KEY (article_id, reader_key)
);
