-- Mail requests now name a template and carry its values; the mails stored before (still
-- waiting for the SMTP server) carry their written subject and text. They become
-- RenderedMail deliveries, sent as they were written, under that listener.
UPDATE event_publication
  SET event_type = 'io.inkstone.notifications.RenderedMail', listener_id = 'notifications.rendered-mail'
  WHERE event_type IN ('io.inkstone.notifications.MailNotice', 'io.inkstone.notifications.AccountNotice',
    'io.inkstone.notifications.MessageMail');
