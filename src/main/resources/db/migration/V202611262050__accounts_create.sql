-- accounts module: sign-in identities and roles. Passwords are BCrypt hashes.
CREATE TABLE accounts (
  id            BIGINT       PRIMARY KEY,
  email         VARCHAR(254) NOT NULL UNIQUE,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(100) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  created_at    BIGINT       NOT NULL
);
