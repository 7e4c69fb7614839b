-- 你要找的是不是：<作者名>: a search's correction that is a creator's name leads to that creator (exact name).
CREATE INDEX creators_by_display_name ON creators (display_name);
