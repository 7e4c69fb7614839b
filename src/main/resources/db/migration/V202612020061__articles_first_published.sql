-- articles: the first publication time, kept when an article is unpublished (or held, or deleted) and published
-- again, so datePublished, the feeds' pubDate and the API's published stay what readers first saw.
-- Set on the first publication here and when a published article leaves the public; for articles public now it is
-- their publication time. (An article unpublished before this migration cannot be told from a draft: it keeps the
-- time of its next publication.)
ALTER TABLE articles ADD COLUMN first_published_at BIGINT;
UPDATE articles SET first_published_at = published_at WHERE status = 'published';
