-- articles module: the versions of a published article. Editing a published article keeps the version
-- before the edit (once) and the new one, optionally with a public correction note (更正说明).
CREATE TABLE article_revisions (
  id            BIGINT        PRIMARY KEY,
  article_id    BIGINT        NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  body_markdown TEXT          NOT NULL,
  note          VARCHAR(500),
  created_at    BIGINT        NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, created_at);
