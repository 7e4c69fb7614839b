-- discovery module: forward-decay hot scores (Cormode et al., ICDE 2009) kept in the log domain:
-- log_score = ln(sum of weight * exp(lambda * (t - landmark))). Scores never need rewriting.
CREATE TABLE hot_scores (
  article_id BIGINT           PRIMARY KEY,
  channel_id BIGINT           NOT NULL,
  log_score  DOUBLE PRECISION NOT NULL,
  updated_at BIGINT           NOT NULL
);
CREATE INDEX hot_scores_by_channel ON hot_scores (channel_id, log_score);
