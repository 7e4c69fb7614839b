-- Winnowed fingerprints of every public article's text (similarity/Winnowing), for finding passages copied into
-- a longer text. One row per article: the sorted distinct 32-bit fingerprints, big-endian, Base64 (text, so the same
-- column type serves SQLite and PostgreSQL). Filled by the change-feed follower "passages" from the start of the
-- feed; loaded into memory on start.
CREATE TABLE article_passage_prints (
  article_id BIGINT PRIMARY KEY,
  prints     TEXT   NOT NULL
);
