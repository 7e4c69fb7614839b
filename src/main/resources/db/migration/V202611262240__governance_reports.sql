-- governance module: reports (举报) with their decision, statement of reasons and one appeal; notices sent
-- to creators; publishing restrictions. Times are epoch millis.
CREATE TABLE reports (
  id               BIGINT        PRIMARY KEY,
  ref              VARCHAR(20)   NOT NULL UNIQUE,
  target_type      VARCHAR(10)   NOT NULL,
  target_id        BIGINT        NOT NULL,
  article_id       BIGINT,
  creator_id       BIGINT,
  reason           VARCHAR(20)   NOT NULL,
  detail           VARCHAR(2000),
  evidence         VARCHAR(500),
  reporter_key     VARCHAR(40)   NOT NULL,
  reporter_account BIGINT,
  status           VARCHAR(10)   NOT NULL,
  decision         VARCHAR(20),
  decision_rule    VARCHAR(300),
  decision_note    VARCHAR(2000),
  decided_by       BIGINT,
  decided_at       BIGINT,
  appeal_status    VARCHAR(10)   NOT NULL,
  appeal_text      VARCHAR(2000),
  appealed_at      BIGINT,
  appeal_decided_by BIGINT,
  appeal_decided_at BIGINT,
  created_at       BIGINT        NOT NULL
);
CREATE INDEX reports_by_status ON reports (status, created_at);
CREATE INDEX reports_by_reporter ON reports (reporter_key, created_at);
CREATE INDEX reports_by_creator ON reports (creator_id);

CREATE TABLE creator_restrictions (
  creator_id BIGINT        PRIMARY KEY,
  until_at   BIGINT        NOT NULL,
  reason     VARCHAR(300)  NOT NULL
);
