-- articles module: the label a moderation decision put on a published article ("label" action, undone by a reversed
-- appeal); NULL when there is none. The value is the label's code (bundle key article.label.<code>).
ALTER TABLE articles ADD COLUMN moderation_label VARCHAR(40);
