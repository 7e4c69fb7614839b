-- importer module: the WordPress imports started from /admin/import, so that an import cut short by a restart says
-- how far it came (and that uploading the same file again finishes it) instead of vanishing. owner is the process
-- that ran it; updated_at its last sign of life.
CREATE TABLE import_jobs (
  id          BIGINT       PRIMARY KEY,
  file_name   VARCHAR(300) NOT NULL,
  state       VARCHAR(16)  NOT NULL,
  done        BIGINT       NOT NULL,
  total       BIGINT       NOT NULL,
  summary     TEXT,
  owner       VARCHAR(64)  NOT NULL,
  created_at  BIGINT       NOT NULL,
  updated_at  BIGINT       NOT NULL
);
CREATE INDEX import_jobs_by_time ON import_jobs (created_at);
