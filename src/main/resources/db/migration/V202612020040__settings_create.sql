-- settings module: values an admin changed at /admin/settings (a missing row or a NULL value means the configured
-- default). Every write gives the row a new unique version; each node polls (name, version) every few seconds and
-- reloads when anything differs, so a change made on one node takes effect on all of them without a restart.
CREATE TABLE site_settings (
  name       VARCHAR(64) NOT NULL PRIMARY KEY,
  value      TEXT,
  version    BIGINT      NOT NULL,
  updated_at BIGINT      NOT NULL,
  updated_by BIGINT
);
