-- pages module: static pages (关于我们, 联系我们 …) at /pages/{path}, nested paths allowed (about/team).
-- footer_position orders the footer links; NULL keeps a page out of the footer. Every save adds a revision.
CREATE TABLE static_pages (
  id              BIGINT        PRIMARY KEY,
  path            VARCHAR(200)  NOT NULL UNIQUE,
  title           VARCHAR(200)  NOT NULL,
  body_markdown   TEXT          NOT NULL,
  body_html       TEXT          NOT NULL,
  footer_position INTEGER,
  import_key      VARCHAR(200)  UNIQUE,
  created_at      BIGINT        NOT NULL,
  updated_at      BIGINT        NOT NULL
);

CREATE TABLE static_page_revisions (
  id            BIGINT        PRIMARY KEY,
  page_id       BIGINT        NOT NULL REFERENCES static_pages (id),
  title         VARCHAR(200)  NOT NULL,
  body_markdown TEXT          NOT NULL,
  author_id     BIGINT,
  created_at    BIGINT        NOT NULL
);
CREATE INDEX static_page_revisions_by_page ON static_page_revisions (page_id, created_at);
