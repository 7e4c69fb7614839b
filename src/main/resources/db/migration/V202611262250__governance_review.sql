-- governance module: machine-review findings for articles held for a human reviewer, the reviewer's decision,
-- and the SimHash signatures (4 × 64 bits) of public articles (the originality engine's index is rebuilt from them).
CREATE TABLE review_findings (
  id          BIGINT        PRIMARY KEY,
  article_id  BIGINT        NOT NULL,
  kind        VARCHAR(30)   NOT NULL,
  detail      VARCHAR(1000),
  matched_id  BIGINT,
  created_at  BIGINT        NOT NULL
);
CREATE INDEX review_findings_by_article ON review_findings (article_id);

CREATE TABLE review_decisions (
  id          BIGINT        PRIMARY KEY,
  article_id  BIGINT        NOT NULL,
  creator_id  BIGINT        NOT NULL,
  outcome     VARCHAR(20)   NOT NULL,
  reason_code VARCHAR(30)   NOT NULL,
  note        VARCHAR(2000),
  reviewer_id BIGINT        NOT NULL,
  created_at  BIGINT        NOT NULL
);
CREATE INDEX review_decisions_by_article ON review_decisions (article_id, created_at);
CREATE INDEX review_decisions_by_creator ON review_decisions (creator_id);

CREATE TABLE article_fingerprints (
  article_id   BIGINT  PRIMARY KEY,
  creator_id   BIGINT  NOT NULL,
  simhash      BIGINT  NOT NULL,
  simhash1     BIGINT  NOT NULL,
  simhash2     BIGINT  NOT NULL,
  simhash3     BIGINT  NOT NULL,
  published_at BIGINT  NOT NULL
);

CREATE TABLE governance_cursors (
  name VARCHAR(40) PRIMARY KEY,
  seq  BIGINT      NOT NULL
);
