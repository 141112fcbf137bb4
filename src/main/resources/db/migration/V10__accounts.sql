-- Accounts hold no email and no real name: a username (case-insensitive unique) and a password hash.
CREATE TABLE account (
    id            UUID         NOT NULL PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    username_key  VARCHAR(32)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(100) NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    discreet      BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_username_key_uq UNIQUE (username_key)
);
