-- The optional second step: an authenticator app's secret (encrypted, see account.SecondStepSecrets) and the
-- last 30-second step whose code was accepted, so a code works once.
CREATE TABLE second_step (
    account_id UUID         NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secret     VARCHAR(200) NOT NULL,
    last_step  BIGINT       NOT NULL,
    enabled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Base64 of a 12-byte nonce, the sealed 32-character secret and a 16-byte tag: 80 characters.
    CONSTRAINT second_step_secret_sealed CHECK (CHAR_LENGTH(secret) >= 80)
);
