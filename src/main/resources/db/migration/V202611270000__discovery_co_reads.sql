-- discovery module: co-reads — how many readers read one article and then the other within 30 minutes
-- (an unordered pair, a < b). Feeds the collaborative half of 相关推荐.
CREATE TABLE co_reads (
  a          BIGINT NOT NULL,
  b          BIGINT NOT NULL,
  reads      BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (a, b)
);
CREATE INDEX co_reads_by_b ON co_reads (b);
