-- governance module: one moderation model. Every decision — on a report, on an article the machine checks held,
-- on a rights holder's notice — is one row here with its statement of reasons and its one appeal. The decision and
-- appeal columns of reports and the review_decisions table are no longer written or read; they stay (unused) until a
-- later release drops them, as migrations expand before they contract. Times are epoch millis.
CREATE TABLE moderation_decisions (
  id                BIGINT        PRIMARY KEY,
  ref               VARCHAR(30)   NOT NULL UNIQUE,
  source            VARCHAR(10)   NOT NULL,
  report_id         BIGINT,
  subject_type      VARCHAR(10)   NOT NULL,
  subject_id        BIGINT        NOT NULL,
  article_id        BIGINT,
  creator_id        BIGINT,
  action            VARCHAR(20)   NOT NULL,
  reason            VARCHAR(30)   NOT NULL,
  rule_text         VARCHAR(300),
  statement         VARCHAR(2000),
  decided_by        BIGINT,
  decided_at        BIGINT        NOT NULL,
  received_at       BIGINT        NOT NULL,
  appeal_status     VARCHAR(10)   NOT NULL,
  appeal_text       VARCHAR(2000),
  appealed_at       BIGINT,
  appeal_decided_by BIGINT,
  appeal_decided_at BIGINT,
  appeal_note       VARCHAR(2000)
);
CREATE INDEX moderation_decisions_by_report ON moderation_decisions (report_id);
CREATE INDEX moderation_decisions_by_creator ON moderation_decisions (creator_id, decided_at);
CREATE INDEX moderation_decisions_by_article ON moderation_decisions (article_id, decided_at);
CREATE INDEX moderation_decisions_by_appeal ON moderation_decisions (appeal_status, appealed_at);
CREATE INDEX moderation_decisions_by_received ON moderation_decisions (received_at);

-- a report's decision keeps the report's id and reference, so /appeals/{report id} stays the same address
INSERT INTO moderation_decisions (id, ref, source, report_id, subject_type, subject_id, article_id, creator_id, action,
    reason, rule_text, statement, decided_by, decided_at, received_at, appeal_status, appeal_text, appealed_at,
    appeal_decided_by, appeal_decided_at, appeal_note)
  SELECT id, ref, CASE WHEN claimant_name IS NULL THEN 'report' ELSE 'copyright' END, id, target_type, target_id,
    article_id, creator_id, decision, reason, decision_rule, decision_note, decided_by, COALESCE(decided_at, created_at),
    created_at, appeal_status, appeal_text, appealed_at, appeal_decided_by, appeal_decided_at, NULL
  FROM reports WHERE status = 'decided' AND decision IS NOT NULL;

-- a reviewer's decision on a held article keeps its id (old appeal addresses carry it)
INSERT INTO moderation_decisions (id, ref, source, report_id, subject_type, subject_id, article_id, creator_id, action,
    reason, rule_text, statement, decided_by, decided_at, received_at, appeal_status, appeal_text, appealed_at,
    appeal_decided_by, appeal_decided_at, appeal_note)
  SELECT id, 'RV-' || CAST(id AS VARCHAR(20)), 'review', NULL, 'article', article_id, article_id, creator_id,
    CASE outcome WHEN 'approved' THEN 'approve' WHEN 'rejected' THEN 'reject' ELSE 'needs-changes' END,
    reason_code, NULL, note, reviewer_id, created_at, created_at, appeal_status, appeal_text,
    CASE WHEN appeal_status = 'none' THEN NULL ELSE created_at END, appeal_decided_by, NULL, appeal_note
  FROM review_decisions;
