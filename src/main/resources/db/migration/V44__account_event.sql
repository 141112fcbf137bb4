-- What happened to an account, for its owner to see: the kind and when, never an address, a device or
-- anything typed. The same kind happening again in a row is one row counted up (times), so a run of
-- wrong passwords cannot push the rest out of the last 50 kept per account.
CREATE TABLE account_event (
    id          UUID        NOT NULL PRIMARY KEY,
    account_id  UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind        VARCHAR(32) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    times       INTEGER     NOT NULL
);
CREATE INDEX account_event_account_idx ON account_event (account_id, occurred_at);
