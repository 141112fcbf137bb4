-- One-time recovery codes: only a SHA-256 hash of each code is kept. A spent code is deleted.
CREATE TABLE recovery_code (
    id         UUID        NOT NULL PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recovery_code_uq UNIQUE (account_id, code_hash)
);
