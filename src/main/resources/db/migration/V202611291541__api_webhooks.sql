-- api module: webhooks. A creator's endpoints hear about their own articles; an admin's site-wide endpoints
-- (creator_id NULL) hear about every article. Deliveries are an outbox: written in the transaction that saw the
-- change, sent afterwards by a scheduled sender, retried with back-off; the rows are the delivery log.
CREATE TABLE webhooks (
  id          BIGINT        PRIMARY KEY,
  account_id  BIGINT        NOT NULL,
  creator_id  BIGINT,
  url         VARCHAR(500)  NOT NULL,
  secret      VARCHAR(100)  NOT NULL,
  events      VARCHAR(200)  NOT NULL,
  created_at  BIGINT        NOT NULL,
  deleted_at  BIGINT
);
CREATE INDEX webhooks_by_creator ON webhooks (creator_id);
CREATE TABLE webhook_deliveries (
  id            BIGINT        PRIMARY KEY,
  webhook_id    BIGINT        NOT NULL REFERENCES webhooks (id),
  event         VARCHAR(40)   NOT NULL,
  payload       TEXT          NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  attempts      INT           NOT NULL DEFAULT 0,
  next_attempt  BIGINT        NOT NULL,
  last_status   INT,
  last_error    VARCHAR(300),
  created_at    BIGINT        NOT NULL,
  delivered_at  BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (webhook_id, created_at);
-- what each article last looked like to webhooks: tells published from updated from unpublished
CREATE TABLE webhook_article_states (
  article_id  BIGINT  PRIMARY KEY,
  published   BOOLEAN NOT NULL,
  modified_at BIGINT  NOT NULL
);
