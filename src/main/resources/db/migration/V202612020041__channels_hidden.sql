-- channels module: an admin can hide a channel from the reader navigation at /admin/settings (its articles and page
-- stay reachable).
ALTER TABLE channels ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;
