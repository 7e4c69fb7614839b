-- media module: a creator's image library. Bytes live in MediaStorage under content-addressed keys
-- (<sha256>/<rendition>.<ext>); this table says who uploaded what, with which alt text and renditions.
CREATE TABLE media (
  id          BIGINT       PRIMARY KEY,
  creator_id  BIGINT       NOT NULL,
  sha256      VARCHAR(64)  NOT NULL,
  extension   VARCHAR(8)   NOT NULL,
  width       INTEGER      NOT NULL,
  height      INTEGER      NOT NULL,
  bytes       BIGINT       NOT NULL,
  renditions  VARCHAR(100) NOT NULL,
  alt         VARCHAR(200) NOT NULL,
  ai_source   VARCHAR(60),
  created_at  BIGINT       NOT NULL,
  UNIQUE (creator_id, sha256)
);
CREATE INDEX media_by_creator ON media (creator_id, created_at);
CREATE INDEX media_by_sha ON media (sha256);
