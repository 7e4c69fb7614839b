-- articles module: the mark staff leave on an article they held, rejected or sent back (需修改). While it is set,
-- a creator's publish or schedule submits the article for review again instead of making it public; a reviewer's
-- approval (or a reversed rejection or takedown) clears it.
ALTER TABLE articles ADD COLUMN review_required BOOLEAN NOT NULL DEFAULT FALSE;

-- what staff decided before the mark existed: rejected and waiting articles, and drafts whose latest review asked
-- for changes
UPDATE articles SET review_required = TRUE
WHERE status IN ('rejected', 'pending')
   OR (status = 'draft' AND (SELECT d.action FROM moderation_decisions d
                             WHERE d.article_id = articles.id AND d.source = 'review'
                             ORDER BY d.decided_at DESC, d.id DESC LIMIT 1) = 'needs-changes');
