-- Secret keys the application makes for itself once when none is configured (the known-device
-- cookie's HMAC key), shared by every instance.
CREATE TABLE signing_key (
    purpose    VARCHAR(32)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
