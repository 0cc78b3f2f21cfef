-- Payments: the command side's directory of provider ids and its log of provider events, and the orders' read model.

-- Command side: our order for the provider's order and payment ids (webhooks name those). Written in the
-- transaction of the order's events; the unique payment id keeps one provider payment to one order.
CREATE TABLE payment_directory (
    order_id            UUID         NOT NULL,
    user_id             UUID         NOT NULL,
    provider_order_id   VARCHAR(100) NOT NULL,
    provider_payment_id VARCHAR(100),
    CONSTRAINT payment_directory_pk PRIMARY KEY (order_id),
    CONSTRAINT payment_directory_provider_order_uq UNIQUE (provider_order_id),
    CONSTRAINT payment_directory_provider_payment_uq UNIQUE (provider_payment_id)
);

-- Command side: provider events (webhook deliveries) acted on, written in the transaction of the command they
-- caused, so that a repeated or concurrent delivery of the same event does nothing.
CREATE TABLE payment_provider_event (
    event_id    VARCHAR(200)             NOT NULL,
    event_type  VARCHAR(40)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payment_provider_event_pk PRIMARY KEY (event_id)
);

-- Read model: one row per payment order with its refund, as its events left it.
CREATE TABLE payment_order_view (
    order_id              UUID                     NOT NULL,
    user_id               UUID                     NOT NULL,
    pack                  VARCHAR(40)              NOT NULL,
    tokens                BIGINT                   NOT NULL,
    taxable_value         BIGINT                   NOT NULL,
    gst_rate_percent      INTEGER                  NOT NULL,
    cgst                  BIGINT                   NOT NULL,
    sgst                  BIGINT                   NOT NULL,
    igst                  BIGINT                   NOT NULL,
    amount                BIGINT                   NOT NULL,
    currency              VARCHAR(3)               NOT NULL,
    billing_state         VARCHAR(2)               NOT NULL,
    gstin                 VARCHAR(15),
    status                VARCHAR(20)              NOT NULL,
    provider              VARCHAR(20)              NOT NULL,
    provider_order_id     VARCHAR(100)             NOT NULL,
    provider_payment_id   VARCHAR(100),
    captured_via          VARCHAR(20),
    late                  BOOLEAN,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at               TIMESTAMP WITH TIME ZONE,
    expired_at            TIMESTAMP WITH TIME ZONE,
    refund_id             UUID,
    refund_status         VARCHAR(20),
    refund_tokens         BIGINT,
    refund_amount         BIGINT,
    refund_reason         VARCHAR(500),
    refund_requested_by   UUID,
    refund_requested_at   TIMESTAMP WITH TIME ZONE,
    provider_refund_id    VARCHAR(100),
    refund_failure_reason VARCHAR(500),
    refund_overdue        BOOLEAN                  NOT NULL DEFAULT FALSE,
    refund_settled_at     TIMESTAMP WITH TIME ZONE,
    last_sequence         BIGINT                   NOT NULL,
    CONSTRAINT payment_order_view_pk PRIMARY KEY (order_id)
);
CREATE INDEX payment_order_view_user_idx ON payment_order_view (user_id, created_at);
CREATE INDEX payment_order_view_status_idx ON payment_order_view (status, created_at);
CREATE INDEX payment_order_view_refund_idx ON payment_order_view (refund_status, refund_requested_at);
