-- Audit: the tamper-evidence chain over the event store, and an index of every event's metadata for the audit feed.

-- One link per stored event, in the order the audit-chain processor saw them (global order, except that an event whose
-- transaction committed late is chained when it becomes visible). link = SHA-256(previous link || the event's
-- canonical bytes), hex; the first link's previous is 32 zero bytes (docs/audit.md). Never rebuilt: a rebuild would
-- recompute links over whatever the store holds now and hide tampering.
CREATE TABLE audit_chain (
    chain_number BIGINT                   NOT NULL,
    global_index BIGINT                   NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    link         CHAR(64)                 NOT NULL,
    chained_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_chain_pk PRIMARY KEY (chain_number),
    CONSTRAINT audit_chain_global_index_uk UNIQUE (global_index)
);
CREATE INDEX audit_chain_occurred_at_idx ON audit_chain (occurred_at);

-- Who, where and why of every event (from its metadata), for the feed's filters and correlation chains. A read model
-- (audit-event-index), rebuilt by replay like any other.
CREATE TABLE audit_event_index (
    global_index         BIGINT                   NOT NULL,
    event_identifier     VARCHAR(255)             NOT NULL,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    event_type           VARCHAR(255)             NOT NULL,
    payload_type         VARCHAR(255)             NOT NULL,
    occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor                VARCHAR(255),
    platform             VARCHAR(40),
    correlation_id       VARCHAR(255),
    causation_id         VARCHAR(255),
    CONSTRAINT audit_event_index_pk PRIMARY KEY (global_index)
);
CREATE INDEX audit_event_index_occurred_at_idx ON audit_event_index (occurred_at);
CREATE INDEX audit_event_index_actor_idx ON audit_event_index (actor, global_index);
CREATE INDEX audit_event_index_correlation_idx ON audit_event_index (correlation_id, global_index);
CREATE INDEX audit_event_index_platform_idx ON audit_event_index (platform, global_index);
CREATE INDEX audit_event_index_type_idx ON audit_event_index (event_type, global_index);
CREATE INDEX audit_event_index_aggregate_idx ON audit_event_index (aggregate_identifier, sequence_number);
