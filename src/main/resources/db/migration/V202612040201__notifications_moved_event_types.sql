-- The mail events moved from the accounts module to notifications: deliveries stored
-- before the move (a mail waiting for its SMTP server) keep their event under its new name.
UPDATE event_publication SET event_type = 'io.inkstone.notifications.MailNotice'
  WHERE event_type = 'io.inkstone.accounts.MailNotice';
UPDATE event_publication SET event_type = 'io.inkstone.notifications.AccountNotice'
  WHERE event_type = 'io.inkstone.accounts.AccountNotice';
UPDATE event_publication SET event_type = 'io.inkstone.notifications.MessageMail'
  WHERE event_type = 'io.inkstone.accounts.MessageMail';
