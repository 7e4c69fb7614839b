-- channels module: one row per channel (频道). Ids are application-generated (see shared.Ids).
CREATE TABLE channels (
  id           BIGINT       PRIMARY KEY,
  slug         VARCHAR(64)  NOT NULL UNIQUE,
  name         VARCHAR(64)  NOT NULL,
  position     INTEGER      NOT NULL,
  original_tab BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at   BIGINT       NOT NULL
);
