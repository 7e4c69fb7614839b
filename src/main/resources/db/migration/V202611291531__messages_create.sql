-- messages: the message centre (消息中心). One row per notice, or per aggregate (today's likes of one article,
-- today's new followers), unique per recipient by group_key; actor_count counts the aggregate's actors.
-- message_receipts remembers every event that reached a recipient, so a redelivered event creates nothing.
CREATE TABLE messages (
  id           BIGINT       NOT NULL PRIMARY KEY,
  recipient_id BIGINT       NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  group_key    VARCHAR(200) NOT NULL,
  outcome      VARCHAR(32),
  ref          VARCHAR(64),
  title        VARCHAR(300),
  actor        VARCHAR(100),
  actor_count  INT          NOT NULL DEFAULT 1,
  note         TEXT,
  link         VARCHAR(300) NOT NULL,
  created_at   BIGINT       NOT NULL,
  updated_at   BIGINT       NOT NULL,
  read_at      BIGINT,
  CONSTRAINT messages_group UNIQUE (recipient_id, group_key)
);
CREATE INDEX messages_inbox ON messages (recipient_id, updated_at, id);
CREATE INDEX messages_unread ON messages (recipient_id, read_at);

CREATE TABLE message_receipts (
  event_key    VARCHAR(200) NOT NULL,
  recipient_id BIGINT       NOT NULL,
  created_at   BIGINT       NOT NULL,
  PRIMARY KEY (event_key, recipient_id)
);
CREATE INDEX message_receipts_by_recipient ON message_receipts (recipient_id);
