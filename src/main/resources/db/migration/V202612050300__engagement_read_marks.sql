-- engagement module: which readers read which article on which platform day (yyyymmdd, the site's time zone). A read
-- counts once per reader, article and day: the first view of the day inserts the mark (INSERT ... ON CONFLICT DO
-- NOTHING) and is the counted one. Stored, the marks survive a restart and are shared by every cluster node; marks of
-- past days are deleted every hour. The day leads the key, so that deletion walks the primary key.
CREATE TABLE read_marks (
  day        INTEGER     NOT NULL,
  reader_key VARCHAR(40) NOT NULL,
  article_id BIGINT      NOT NULL,
  PRIMARY KEY (day, reader_key, article_id)
);
