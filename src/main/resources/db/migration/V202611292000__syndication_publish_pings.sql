-- syndication module: publish pings (Baidu 普通收录 push, IndexNow). One row per configured endpoint and
-- publication of an article, written after the publication commits and sent afterwards by a scheduled sender,
-- retried with back-off. The unique key makes the listener idempotent: a redelivered event queues nothing twice,
-- an edit of a published article queues nothing, a re-publication (new published_at) pings again.
CREATE TABLE publish_pings (
  id            BIGINT        PRIMARY KEY,
  endpoint      VARCHAR(60)   NOT NULL,
  article_id    BIGINT        NOT NULL,
  published_at  BIGINT        NOT NULL,
  url           VARCHAR(500)  NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  attempts      INT           NOT NULL DEFAULT 0,
  next_attempt  BIGINT        NOT NULL,
  last_status   INT,
  last_error    VARCHAR(300),
  created_at    BIGINT        NOT NULL,
  delivered_at  BIGINT,
  UNIQUE (endpoint, article_id, published_at)
);
CREATE INDEX publish_pings_due ON publish_pings (status, next_attempt);
