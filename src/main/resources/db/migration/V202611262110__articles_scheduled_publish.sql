-- articles module: a draft may carry the time it is to be published (scheduled publishing).
ALTER TABLE articles ADD COLUMN publish_at BIGINT;
CREATE INDEX articles_by_publish_at ON articles (publish_at);
