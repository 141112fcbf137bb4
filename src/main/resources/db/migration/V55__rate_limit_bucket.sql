-- Bucket4j's PostgreSQL token buckets (web.PostgresTokenBuckets): attempt and rate limits shared by every
-- instance in the postgres profile. The embedded default keeps its buckets in memory and leaves this empty.
-- id is the SHA-256 of the limit's key (Base64, 43 characters), never a username or an address.
CREATE TABLE rate_limit_bucket (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    state BYTEA,
    expires_at BIGINT,
    explicit_lock BIGINT
);

CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);
