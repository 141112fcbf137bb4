-- The cluster profile's search coordination (Hibernate Search outbox-polling, README "Running at scale"):
-- every instance writes the services it changed to the outbox in the same transaction, and the instances'
-- agents (one row each, with a heartbeat) share out the events and index them into OpenSearch. The columns
-- are those Hibernate Search 8.2 maps, named by the app's naming strategy (snake case); Hibernate validates
-- them. Unused by the embedded default.
CREATE TABLE hsearch_outbox_event (
    id             UUID                        NOT NULL PRIMARY KEY,
    entity_name    VARCHAR(256)                NOT NULL,
    entity_id      VARCHAR(256)                NOT NULL,
    entity_id_hash INTEGER                     NOT NULL,
    payload        BYTEA                       NOT NULL,
    retries        INTEGER                     NOT NULL,
    process_after  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status         VARCHAR(255)                NOT NULL,
    tenant_id      VARCHAR(255)
);
CREATE INDEX hsearch_outbox_event_entity_id_hash ON hsearch_outbox_event (entity_id_hash);
CREATE INDEX hsearch_outbox_event_status ON hsearch_outbox_event (status);
CREATE INDEX hsearch_outbox_event_process_after ON hsearch_outbox_event (process_after);

CREATE TABLE hsearch_agent (
    id                   UUID                        NOT NULL PRIMARY KEY,
    type                 VARCHAR(255)                NOT NULL,
    name                 VARCHAR(255)                NOT NULL,
    expiration           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    state                VARCHAR(255)                NOT NULL,
    total_shard_count    INTEGER,
    assigned_shard_index INTEGER,
    payload              BYTEA,
    tenant_id            VARCHAR(255)
);
