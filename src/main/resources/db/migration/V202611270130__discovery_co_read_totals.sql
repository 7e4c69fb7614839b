-- discovery module: how many co-reads each article takes part in (article_id 0 holds the sum over all articles),
-- so a pair can be compared with what chance alone would give two articles that popular (see CoReads).
CREATE TABLE co_read_totals (
  article_id BIGINT PRIMARY KEY,
  reads      BIGINT NOT NULL
);
INSERT INTO co_read_totals (article_id, reads)
  SELECT article_id, SUM(reads) FROM (SELECT a AS article_id, reads FROM co_reads UNION ALL SELECT b, reads FROM co_reads) pairs
  GROUP BY article_id;
INSERT INTO co_read_totals (article_id, reads) SELECT 0, COALESCE(2 * SUM(reads), 0) FROM co_reads;
