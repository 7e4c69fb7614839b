-- articles module. Times are epoch milliseconds (portable across SQLite and PostgreSQL).
-- change_seq is a time-sortable id bumped on every change: the durable feed search indexes follow.
CREATE TABLE articles (
  id             BIGINT       PRIMARY KEY,
  import_key     VARCHAR(200) UNIQUE,
  creator_id     BIGINT       NOT NULL,
  channel_id     BIGINT       NOT NULL,
  title          VARCHAR(300) NOT NULL,
  body_markdown  TEXT         NOT NULL,
  body_html      TEXT         NOT NULL,
  summary        VARCHAR(400) NOT NULL,
  cover_image    VARCHAR(500),
  tags           VARCHAR(500) NOT NULL DEFAULT '',
  original       BOOLEAN      NOT NULL DEFAULT FALSE,
  aigc           VARCHAR(16)  NOT NULL DEFAULT 'none',
  source         VARCHAR(300),
  status         VARCHAR(16)  NOT NULL,
  removal_reason VARCHAR(300),
  published_at   BIGINT       NOT NULL,
  updated_at     BIGINT       NOT NULL,
  created_at     BIGINT       NOT NULL,
  change_seq     BIGINT       NOT NULL
);
CREATE INDEX articles_by_status_time ON articles (status, published_at, id);
CREATE INDEX articles_by_channel_time ON articles (channel_id, status, published_at, id);
CREATE INDEX articles_by_creator_time ON articles (creator_id, status, published_at, id);
CREATE INDEX articles_by_change ON articles (change_seq);
