-- creators module: creator profiles and follows. Follower counts are COUNT(*) over follows, never stored.
CREATE TABLE creators (
  id           BIGINT       PRIMARY KEY,
  handle       VARCHAR(64)  NOT NULL UNIQUE,
  display_name VARCHAR(100) NOT NULL,
  avatar_url   VARCHAR(500),
  tagline      VARCHAR(200),
  account_type VARCHAR(16)  NOT NULL,
  verified     BOOLEAN      NOT NULL DEFAULT FALSE,
  region       VARCHAR(64),
  created_at   BIGINT       NOT NULL
);

-- reader_key: the anonymous reader cookie today; 'u:<account id>' once accounts land.
CREATE TABLE follows (
  reader_key   VARCHAR(40)  NOT NULL,
  creator_id   BIGINT       NOT NULL REFERENCES creators (id),
  created_at   BIGINT       NOT NULL,
  PRIMARY KEY (reader_key, creator_id)
);
CREATE INDEX follows_by_creator ON follows (creator_id);
