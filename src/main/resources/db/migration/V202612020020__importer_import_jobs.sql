-- importer module: WordPress imports started from /admin/import. The import runs on the node that took the upload;
-- the row lets every node show its progress and summary (behind a load balancer the page's polls reach any node)
-- and refuse a second import while one runs anywhere.
CREATE TABLE import_jobs (
  id          BIGINT        PRIMARY KEY,
  file_name   VARCHAR(300)  NOT NULL,
  state       VARCHAR(16)   NOT NULL,
  done        BIGINT        NOT NULL,
  total       BIGINT        NOT NULL,
  summary     TEXT          NOT NULL,
  created_at  BIGINT        NOT NULL,
  updated_at  BIGINT        NOT NULL
);
CREATE INDEX import_jobs_by_time ON import_jobs (created_at);
