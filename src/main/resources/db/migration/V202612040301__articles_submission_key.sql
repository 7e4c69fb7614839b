-- articles module: the key the studio's new-article form carries (made when the form is rendered). The server creates
-- at most one article per creator and key, so a double-click, two parallel submits or preview → Back → 发布 reuse
-- the article the first submit made. NULL for articles made elsewhere (API, import); NULLs never collide.
ALTER TABLE articles ADD COLUMN submission_key VARCHAR(64);
CREATE UNIQUE INDEX articles_creator_submission_key ON articles (creator_id, submission_key);
