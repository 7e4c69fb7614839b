-- discovery module: editors' interventions in the hot list (pin, remove, demote), each with a reason; shown
-- publicly on /algorithms and recorded in the audit log. Removing the row ends the intervention.
CREATE TABLE hot_overrides (
  article_id  BIGINT        PRIMARY KEY,
  action      VARCHAR(10)   NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  actor_id    BIGINT        NOT NULL,
  actor_name  VARCHAR(100)  NOT NULL,
  created_at  BIGINT        NOT NULL
);
