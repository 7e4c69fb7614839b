-- engagement module: the id of the last cluster counter flush whose counts an article's row holds. A flush moves
-- Redis's pending counts into an in-flight entry tagged with its flush id, then adds them here and records the id in
-- the same transaction: a page counts the in-flight batch only while the row does not yet record its id, and a flush
-- cut short is applied once, under its own id, by the next one. Flush ids only grow (a PostgreSQL sequence), so a row
-- recording a later id already holds the batch. NULL in embedded mode, whose counters never leave the node.
ALTER TABLE article_stats ADD COLUMN last_flush BIGINT;
