-- web module: secrets the server generates once and every node shares (signing reader ids, remember-me).
CREATE TABLE server_secrets (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  secret     VARCHAR(128) NOT NULL,
  created_at BIGINT       NOT NULL
);
