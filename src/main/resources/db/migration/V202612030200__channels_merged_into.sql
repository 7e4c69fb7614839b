-- channels module: an admin can merge a channel into another at /admin/settings; the merged channel keeps its row
-- (its slug stays taken and its old addresses answer 301 to the channel it went into) but leaves every list.
ALTER TABLE channels ADD COLUMN merged_into BIGINT;
