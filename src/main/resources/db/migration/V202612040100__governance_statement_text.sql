-- governance module: the statement of reasons as it was sent (Chinese, then English), rendered from the template an
-- admin set at the time or the wording the decider adjusted for the case; a later edit of a template leaves it as it
-- was. NULL for decisions that send no statement and for those made before this column.
ALTER TABLE moderation_decisions ADD COLUMN statement_text TEXT;
