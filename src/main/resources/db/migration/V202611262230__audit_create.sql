-- audit module: the append-only record of moderation actions, staff sign-ins and settings changes
-- (who, when, what, why). The application has no update or delete path; vendor triggers refuse them too.
CREATE TABLE audit_log (
  id          BIGINT        PRIMARY KEY,
  at          BIGINT        NOT NULL,
  actor_id    BIGINT,
  actor_name  VARCHAR(100)  NOT NULL,
  action      VARCHAR(60)   NOT NULL,
  target_type VARCHAR(30),
  target_id   VARCHAR(60),
  reason      VARCHAR(1000),
  details     VARCHAR(2000)
);
CREATE INDEX audit_log_by_time ON audit_log (at, id);
CREATE INDEX audit_log_by_target ON audit_log (target_type, target_id);
