-- importer module: posts that were sticky on WordPress. Inkstone has no front-page pinning (the hot list's "pin" is an
-- editor's public intervention with a reason, not a site setting), so the flag is kept here: the import summary counts
-- it, and the WordPress export writes it back (wp:is_sticky), so a round trip through Inkstone keeps it.
CREATE TABLE import_sticky_posts (
  article_id BIGINT       PRIMARY KEY,
  source_key VARCHAR(300) NOT NULL,
  created_at BIGINT       NOT NULL
);
