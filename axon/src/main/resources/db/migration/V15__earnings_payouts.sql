-- Earnings and payouts: the command side's log of payout provider events, and the read models of mentors' earnings
-- (balances and statement lines) and of payouts (with their timelines). Amounts are paise.

-- Command side: payout webhook deliveries acted on, written in the transaction of the command they caused, so that a
-- repeated or concurrent delivery of the same event does nothing.
CREATE TABLE payout_provider_event (
    event_id    VARCHAR(200)             NOT NULL,
    event_type  VARCHAR(60)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payout_provider_event_pk PRIMARY KEY (event_id)
);

-- Read model: a mentor's balances as their ledger's events left them (destination only masked).
CREATE TABLE mentor_earnings_view (
    mentor_id          UUID                     NOT NULL,
    pending            BIGINT                   NOT NULL DEFAULT 0,
    available          BIGINT                   NOT NULL DEFAULT 0,
    in_payout          BIGINT                   NOT NULL DEFAULT 0,
    paid               BIGINT                   NOT NULL DEFAULT 0,
    withheld           BIGINT                   NOT NULL DEFAULT 0,
    gross              BIGINT                   NOT NULL DEFAULT 0,
    commission         BIGINT                   NOT NULL DEFAULT 0,
    destination        VARCHAR(300),
    payouts_held_until TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE,
    last_sequence      BIGINT                   NOT NULL,
    CONSTRAINT mentor_earnings_view_pk PRIMARY KEY (mentor_id)
);

-- Read model: the statement, one row per ledger line (an event may write several: gross, commission, TDS).
CREATE TABLE earning_line (
    mentor_id UUID                     NOT NULL,
    sequence  BIGINT                   NOT NULL,
    line_no   INTEGER                  NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    type      VARCHAR(30)              NOT NULL,
    source    VARCHAR(20)              NOT NULL,
    source_id UUID                     NOT NULL,
    amount    BIGINT                   NOT NULL,
    bucket    VARCHAR(20)              NOT NULL,
    detail    VARCHAR(600),
    CONSTRAINT earning_line_pk PRIMARY KEY (mentor_id, sequence, line_no)
);
CREATE INDEX earning_line_time_idx ON earning_line (mentor_id, at);

-- Read model: one row per payout as its events left it.
CREATE TABLE payout_view (
    payout_id          UUID                     NOT NULL,
    mentor_id          UUID                     NOT NULL,
    amount             BIGINT                   NOT NULL,
    currency           VARCHAR(3)               NOT NULL,
    method             VARCHAR(10)              NOT NULL,
    destination        VARCHAR(300)             NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE,
    decided_by         UUID,
    decided_at         TIMESTAMP WITH TIME ZONE,
    batch_id           VARCHAR(40),
    send_at            TIMESTAMP WITH TIME ZONE,
    provider           VARCHAR(20),
    provider_payout_id VARCHAR(100),
    utr                VARCHAR(100),
    reason             VARCHAR(600),
    processed_at       TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence      BIGINT                   NOT NULL,
    CONSTRAINT payout_view_pk PRIMARY KEY (payout_id)
);
CREATE INDEX payout_view_status_idx ON payout_view (status, requested_at);
CREATE INDEX payout_view_mentor_idx ON payout_view (mentor_id, requested_at);
CREATE INDEX payout_view_batch_idx ON payout_view (batch_id);

-- Read model: each payout's timeline, one row per event.
CREATE TABLE payout_timeline (
    payout_id UUID                     NOT NULL,
    sequence  BIGINT                   NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status    VARCHAR(20)              NOT NULL,
    event     VARCHAR(40)              NOT NULL,
    actor     UUID,
    detail    VARCHAR(600),
    CONSTRAINT payout_timeline_pk PRIMARY KEY (payout_id, sequence)
);
