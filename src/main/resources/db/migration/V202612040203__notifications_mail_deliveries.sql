-- The mails already sent, by the id of their request, so a redelivered request sends nothing
-- twice (notifications/MailDeliveries); rows older than 30 days are removed.
CREATE TABLE mail_deliveries (
  id      BIGINT PRIMARY KEY,
  sent_at BIGINT NOT NULL
);
CREATE INDEX mail_deliveries_sent_at ON mail_deliveries (sent_at);
