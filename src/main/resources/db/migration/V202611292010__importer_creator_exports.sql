-- importer module: a creator's own export (/studio/export), built in the background. The zip is a file in the data
-- directory (exports/<id>.zip); the row says how far the build is, and until when its owner may download it.
CREATE TABLE creator_exports (
  id          BIGINT       PRIMARY KEY,
  creator_id  BIGINT       NOT NULL,
  state       VARCHAR(16)  NOT NULL,
  done        BIGINT       NOT NULL,
  total       BIGINT       NOT NULL,
  bytes       BIGINT       NOT NULL,
  message     VARCHAR(500),
  created_at  BIGINT       NOT NULL,
  updated_at  BIGINT       NOT NULL,
  expires_at  BIGINT
);
CREATE INDEX creator_exports_by_creator ON creator_exports (creator_id, created_at);
