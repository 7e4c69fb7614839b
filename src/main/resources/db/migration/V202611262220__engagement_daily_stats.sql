-- engagement module: reads and shares per article per platform day (Asia/Shanghai, yyyymmdd), written by the
-- same flush that updates article_stats, so the creator's charts add up to the totals.
CREATE TABLE article_daily_stats (
  article_id BIGINT  NOT NULL,
  day        INTEGER NOT NULL,
  reads      BIGINT  NOT NULL,
  shares     BIGINT  NOT NULL,
  PRIMARY KEY (article_id, day)
);
CREATE INDEX article_daily_stats_by_day ON article_daily_stats (day);
