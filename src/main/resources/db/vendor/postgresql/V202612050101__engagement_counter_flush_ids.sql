-- PostgreSQL (cluster mode's database): the ids of the cluster counter flushes (see article_stats.last_flush). A
-- sequence only grows, here where the rows recording its ids live: a Redis that lost its recent writes cannot hand
-- out an id again that a row already records. SQLite has no cluster mode, hence no such sequence.
CREATE SEQUENCE counter_flush_ids;
