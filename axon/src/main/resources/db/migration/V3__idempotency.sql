-- Responses to write requests that carried an Idempotency-Key, per caller (see IdempotencyFilter).
CREATE TABLE idempotency_record (
    principal             VARCHAR(64)              NOT NULL,
    idempotency_key       VARCHAR(255)             NOT NULL,
    fingerprint           CHAR(64)                 NOT NULL,
    completed             BOOLEAN                  NOT NULL,
    response_status       INT,
    response_content_type VARCHAR(255),
    response_location     VARCHAR(2048),
    response_body         BYTEA,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (principal, idempotency_key)
);
