-- importer module: what a WordPress (WXR) import brought in, so that importing again adds nothing twice, and the
-- old addresses of imported posts and pages (/?p=12, /2024/05/slug/, old slugs) with the new address they answer
-- a permanent redirect to.
CREATE TABLE import_attachments (
  source_key VARCHAR(300) PRIMARY KEY,
  url        VARCHAR(500) NOT NULL,
  created_at BIGINT       NOT NULL
);

CREATE TABLE legacy_paths (
  path       VARCHAR(500) PRIMARY KEY,
  target     VARCHAR(500) NOT NULL,
  created_at BIGINT       NOT NULL
);
