-- engagement module: flushed counters (reads, shares) and the once-per-reader-per-day share marks.
CREATE TABLE article_stats (
  article_id BIGINT PRIMARY KEY,
  reads      BIGINT NOT NULL DEFAULT 0,
  shares     BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);

CREATE TABLE share_marks (
  article_id BIGINT      NOT NULL,
  reader_key VARCHAR(40) NOT NULL,
  day        INTEGER     NOT NULL,
  PRIMARY KEY (article_id, reader_key, day)
);
