-- Named, persisted positions in the articles change feed (change_seq), one row per follower that keeps its place
-- in the database. The fingerprint follower's place moves here from governance_cursors (left in place: contract later).
CREATE TABLE article_feed_cursors (
  name VARCHAR(40) PRIMARY KEY,
  seq  BIGINT      NOT NULL
);

INSERT INTO article_feed_cursors (name, seq) SELECT name, seq FROM governance_cursors WHERE name = 'fingerprints';
