-- engagement: where counted reads came from, per article and platform day (yyyymmdd): the category (direct,
-- search, feed, internal, other) and, for search, feed and other sites, the referring host only — never a path,
-- a query or anything about the reader. Filled by additive upserts from each node's buffer, like article_stats.
CREATE TABLE article_read_sources (
  article_id BIGINT       NOT NULL,
  day        INTEGER      NOT NULL,
  source     VARCHAR(16)  NOT NULL,
  host       VARCHAR(253) NOT NULL,
  reads      BIGINT       NOT NULL,
  PRIMARY KEY (article_id, day, source, host)
);
CREATE INDEX article_read_sources_by_day ON article_read_sources (day);
