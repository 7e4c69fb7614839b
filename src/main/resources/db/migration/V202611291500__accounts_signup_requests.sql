-- accounts module: sign-ups waiting for their e-mail link (only when mail is configured). The account is created
-- when the link is confirmed, so signing up neither reveals a registered address nor lets anyone squat one.
CREATE TABLE signup_requests (
  token_hash    VARCHAR(64)  PRIMARY KEY,
  email         VARCHAR(254) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(100) NOT NULL,
  expires_at    BIGINT       NOT NULL
);
CREATE INDEX signup_requests_expires ON signup_requests (expires_at);
