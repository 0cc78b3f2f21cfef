-- Operations on event processors and their dead letters (docs/adr/0011): who asked for a replay, a retry or an
-- eviction, when, why, and what came of it. Written by the runtime, never by an event handler, so a replay leaves it
-- as it is. Runs unchanged on PostgreSQL and on H2 (PostgreSQL mode).
CREATE TABLE projection_operation (
    operation_id     UUID                     NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id         UUID,
    action           VARCHAR(40)              NOT NULL,
    processing_group VARCHAR(255)             NOT NULL,
    dead_letter_id   VARCHAR(255),
    event_identifier VARCHAR(255),
    reason           VARCHAR(1000),
    outcome          VARCHAR(40)              NOT NULL,
    detail           VARCHAR(1000),
    CONSTRAINT projection_operation_pk PRIMARY KEY (operation_id)
);
CREATE INDEX projection_operation_group_idx ON projection_operation (processing_group, at);
