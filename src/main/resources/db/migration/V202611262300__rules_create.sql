-- rules module: platform rules pages (平台公约, creator agreement, privacy policy), every edit a new version,
-- and which version each account accepted.
CREATE TABLE rules_pages (
  id            BIGINT        PRIMARY KEY,
  slug          VARCHAR(40)   NOT NULL,
  version       INTEGER       NOT NULL,
  title         VARCHAR(100)  NOT NULL,
  body_markdown TEXT          NOT NULL,
  body_html     TEXT          NOT NULL,
  change_note   VARCHAR(500),
  author_id     BIGINT,
  created_at    BIGINT        NOT NULL,
  UNIQUE (slug, version)
);

CREATE TABLE rule_acceptances (
  account_id  BIGINT      NOT NULL,
  slug        VARCHAR(40) NOT NULL,
  version     INTEGER     NOT NULL,
  accepted_at BIGINT      NOT NULL,
  PRIMARY KEY (account_id, slug, version)
);
