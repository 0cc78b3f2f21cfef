-- Token ledger: the command side's directory (grant/hold id -> wallet owner) and the read models.

CREATE TABLE token_wallet_directory (
    reference_id   UUID        NOT NULL,
    reference_kind VARCHAR(10) NOT NULL,
    user_id        UUID        NOT NULL,
    CONSTRAINT token_wallet_directory_pk PRIMARY KEY (reference_id)
);

CREATE TABLE token_account (
    user_id       UUID                     NOT NULL,
    balance       BIGINT                   NOT NULL,
    held          BIGINT                   NOT NULL,
    last_sequence BIGINT                   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT token_account_pk PRIMARY KEY (user_id)
);

CREATE TABLE token_account_lot (
    grant_id   UUID                     NOT NULL,
    user_id    UUID                     NOT NULL,
    category   VARCHAR(20)              NOT NULL,
    remaining  BIGINT                   NOT NULL,
    held       BIGINT                   NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    closed     BOOLEAN                  NOT NULL,
    CONSTRAINT token_account_lot_pk PRIMARY KEY (grant_id)
);
CREATE INDEX token_account_lot_user_idx ON token_account_lot (user_id);

CREATE TABLE token_ledger_entry (
    entry_id        VARCHAR(64)              NOT NULL,
    user_id         UUID                     NOT NULL,
    wallet_sequence BIGINT                   NOT NULL,
    entry_type      VARCHAR(20)              NOT NULL,
    amount          BIGINT                   NOT NULL,
    balance_after   BIGINT                   NOT NULL,
    held_after      BIGINT                   NOT NULL,
    category        VARCHAR(20),
    reference       VARCHAR(255),
    reason          VARCHAR(500),
    actor           UUID,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT token_ledger_entry_pk PRIMARY KEY (entry_id)
);
CREATE INDEX token_ledger_entry_user_sequence_idx ON token_ledger_entry (user_id, wallet_sequence DESC);

CREATE TABLE token_grant (
    grant_id      UUID                     NOT NULL,
    user_id       UUID                     NOT NULL,
    amount        BIGINT                   NOT NULL,
    category      VARCHAR(20)              NOT NULL,
    status        VARCHAR(20)              NOT NULL,
    reason        VARCHAR(500),
    expires_at    TIMESTAMP WITH TIME ZONE,
    requested_by  UUID,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by    UUID,
    decided_at    TIMESTAMP WITH TIME ZONE,
    decision_note VARCHAR(500),
    remaining     BIGINT                   NOT NULL,
    last_sequence BIGINT                   NOT NULL,
    CONSTRAINT token_grant_pk PRIMARY KEY (grant_id)
);
CREATE INDEX token_grant_status_idx ON token_grant (status, requested_at DESC);
