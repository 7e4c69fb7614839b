-- events module: Spring Modulith's event publication registry. One row per (event, listener) stored in the
-- publisher's transaction; the listener runs after commit and the row stays incomplete until it succeeds.
-- The column set is the 2.0.x JDBC repository's (schemas/v2), with portable types: the id is the UUID as
-- text and times are epoch milliseconds, so the same table serves SQLite and PostgreSQL.
CREATE TABLE event_publication (
  id                     VARCHAR(36)  NOT NULL PRIMARY KEY,
  listener_id            VARCHAR(512) NOT NULL,
  event_type             VARCHAR(512) NOT NULL,
  serialized_event       TEXT         NOT NULL,
  publication_date       BIGINT       NOT NULL,
  completion_date        BIGINT,
  status                 VARCHAR(20),
  completion_attempts    INT          NOT NULL DEFAULT 0,
  last_resubmission_date BIGINT
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date, publication_date);
