-- feed module: a signed-in reader's interest tags (channels and article tags of what they read), which the
-- reader can see and delete, and the personalisation switch (算法推荐管理规定 Art. 16–17).
CREATE TABLE reader_interests (
  account_id BIGINT        NOT NULL,
  tag        VARCHAR(40)   NOT NULL,
  kind       VARCHAR(10)   NOT NULL,
  weight     BIGINT        NOT NULL,
  last_article_id BIGINT,
  updated_at BIGINT        NOT NULL,
  PRIMARY KEY (account_id, tag)
);

CREATE TABLE reader_settings (
  account_id   BIGINT  PRIMARY KEY,
  personalised BOOLEAN NOT NULL,
  last_read_id BIGINT,
  updated_at   BIGINT  NOT NULL
);
