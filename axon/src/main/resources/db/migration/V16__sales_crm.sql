-- Sales CRM: the command side's lookups (written in the command's transaction) and the read models.
-- Portable SQL: the embedded profile runs it on H2 in PostgreSQL mode.

-- ---- command side (CrmDirectory, subscribing) ------------------------------------------------------------------
-- one row per normalised phone ('phone:+919876543210') and e-mail ('email:a@b.in'): its primary key keeps one lead
-- per contact, also when two arrivals of the same number race
CREATE TABLE crm_contact_claim (
    contact_key VARCHAR(300) NOT NULL,
    lead_id     UUID         NOT NULL,
    CONSTRAINT crm_contact_claim_pk PRIMARY KEY (contact_key)
);
CREATE INDEX crm_contact_claim_lead ON crm_contact_claim (lead_id);

-- assigned leads that are not closed, with their rep (fewest-open-leads strategy)
CREATE TABLE crm_open_lead (
    lead_id UUID NOT NULL,
    rep_id  UUID NOT NULL,
    CONSTRAINT crm_open_lead_pk PRIMARY KEY (lead_id)
);
CREATE INDEX crm_open_lead_rep ON crm_open_lead (rep_id);

-- the unassigned queue the sweep retries
CREATE TABLE crm_unassigned (
    lead_id   UUID                     NOT NULL,
    queued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_unassigned_pk PRIMARY KEY (lead_id)
);

-- ---- read models (CrmProjection, tracking) --------------------------------------------------------------------
CREATE TABLE crm_read_position (
    aggregate_id  VARCHAR(200) NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT crm_read_position_pk PRIMARY KEY (aggregate_id)
);

CREATE TABLE crm_lead (
    lead_id              UUID                     NOT NULL,
    name                 VARCHAR(400),
    phone                VARCHAR(40),
    email                VARCHAR(300),
    city                 VARCHAR(100),
    course_interest      VARCHAR(100),
    language             VARCHAR(40),
    campaign_id          VARCHAR(100),
    source               VARCHAR(20)              NOT NULL,
    status               VARCHAR(30)              NOT NULL,
    temperature          VARCHAR(10),
    owner_id             UUID,
    rule_id              VARCHAR(100),
    rule_version         INTEGER,
    strategy             VARCHAR(20),
    assigned_at          TIMESTAMP WITH TIME ZONE,
    first_contact_due_at TIMESTAMP WITH TIME ZONE,
    first_contacted_at   TIMESTAMP WITH TIME ZONE,
    sla_breaches         INTEGER                  NOT NULL DEFAULT 0,
    escalated            BOOLEAN                  NOT NULL DEFAULT FALSE,
    queued               BOOLEAN                  NOT NULL DEFAULT FALSE,
    queue_reason         VARCHAR(100),
    duplicates           INTEGER                  NOT NULL DEFAULT 0,
    student_id           UUID,
    captured_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_lead_pk PRIMARY KEY (lead_id)
);
CREATE INDEX crm_lead_owner ON crm_lead (owner_id, status);
CREATE INDEX crm_lead_captured ON crm_lead (captured_at);
CREATE INDEX crm_lead_status ON crm_lead (status);
CREATE INDEX crm_lead_campaign ON crm_lead (campaign_id);

-- each lead's timeline, one row per event in the lead's order
CREATE TABLE crm_lead_event (
    lead_id UUID                     NOT NULL,
    seq     BIGINT                   NOT NULL,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    type    VARCHAR(40)              NOT NULL,
    actor   UUID,
    detail  TEXT                     NOT NULL,
    CONSTRAINT crm_lead_event_pk PRIMARY KEY (lead_id, seq)
);
CREATE INDEX crm_lead_event_type_actor ON crm_lead_event (type, actor);

CREATE TABLE crm_follow_up (
    follow_up_id UUID                     NOT NULL,
    lead_id      UUID                     NOT NULL,
    rep_id       UUID,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    note         TEXT,
    done         BOOLEAN                  NOT NULL,
    overdue      BOOLEAN                  NOT NULL,
    CONSTRAINT crm_follow_up_pk PRIMARY KEY (follow_up_id)
);
CREATE INDEX crm_follow_up_rep ON crm_follow_up (rep_id, done, due_at);

CREATE TABLE crm_bulk_assignment (
    request_id   UUID                     NOT NULL,
    lead_ids     TEXT                     NOT NULL,  -- JSON array
    lead_count   INTEGER                  NOT NULL,
    rep_id       UUID                     NOT NULL,
    requested_by UUID,
    reason       VARCHAR(500),
    status       VARCHAR(20)              NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decide_by    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by   UUID,
    comment      VARCHAR(1000),
    decided_at   TIMESTAMP WITH TIME ZONE,
    assigned     INTEGER,
    failures     TEXT,                                -- JSON array
    CONSTRAINT crm_bulk_assignment_pk PRIMARY KEY (request_id)
);

-- the current rule list (one row)
CREATE TABLE crm_rules (
    id           INTEGER                  NOT NULL,
    version      INTEGER                  NOT NULL,
    rules        TEXT                     NOT NULL,  -- JSON array of rules
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by UUID,
    CONSTRAINT crm_rules_pk PRIMARY KEY (id)
);

CREATE TABLE crm_rep (
    rep_id         UUID        NOT NULL,
    daily_capacity INTEGER     NOT NULL,
    availability   VARCHAR(20) NOT NULL,
    CONSTRAINT crm_rep_pk PRIMARY KEY (rep_id)
);

-- ---- CSV imports (LeadImports): the job's own state; the leads it creates are events ------------------------------
CREATE TABLE crm_import (
    import_id   UUID                     NOT NULL,
    file_name   VARCHAR(300),
    status      VARCHAR(20)              NOT NULL,
    total_rows  INTEGER                  NOT NULL,
    processed   INTEGER                  NOT NULL,
    captured    INTEGER                  NOT NULL,
    duplicates  INTEGER                  NOT NULL,
    failed      INTEGER                  NOT NULL,
    created_by  UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT crm_import_pk PRIMARY KEY (import_id)
);

CREATE TABLE crm_import_error (
    import_id  UUID          NOT NULL,
    row_number INTEGER       NOT NULL,
    code       VARCHAR(100)  NOT NULL,
    message    VARCHAR(1000),
    line       VARCHAR(1000),
    CONSTRAINT crm_import_error_pk PRIMARY KEY (import_id, row_number)
);

-- ---- vendor API keys (VendorKeyStore): SHA-256 hashes only, outside the event store ----------------------------
CREATE TABLE crm_vendor_key (
    key_id          UUID                     NOT NULL,
    vendor          VARCHAR(100)             NOT NULL,
    scopes          VARCHAR(100)             NOT NULL,  -- comma separated
    rate_per_minute INTEGER                  NOT NULL,
    prefix          VARCHAR(20)              NOT NULL,
    secret_hash     VARCHAR(64)              NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at      TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT crm_vendor_key_pk PRIMARY KEY (key_id),
    CONSTRAINT crm_vendor_key_hash UNIQUE (secret_hash)
);

ALTER TABLE crm_lead ADD COLUMN vendor_key_id UUID;

-- ---- monthly targets per rep (CrmProjection); progress is counted from crm_lead_event ---------------------------
CREATE TABLE crm_target (
    rep_id             UUID        NOT NULL,
    target_month       VARCHAR(7)  NOT NULL,  -- 2026-11 ("month" is a keyword of H2)
    target_calls       INTEGER     NOT NULL,
    target_conversions INTEGER     NOT NULL,
    CONSTRAINT crm_target_pk PRIMARY KEY (rep_id, target_month)
);

-- ---- merges -------------------------------------------------------------------------------------------------------
-- command side: the contact claims a merge moved to the survivor, so that undoing it moves exactly those back
CREATE TABLE crm_merge_claim (
    merge_id    UUID         NOT NULL,
    contact_key VARCHAR(300) NOT NULL,
    CONSTRAINT crm_merge_claim_pk PRIMARY KEY (merge_id, contact_key)
);

-- read side: the timeline rows a merge moved onto the survivor, and the lead each showed on before
ALTER TABLE crm_lead_event ADD COLUMN shown_on UUID;
UPDATE crm_lead_event SET shown_on = lead_id;
CREATE INDEX crm_lead_event_shown_on ON crm_lead_event (shown_on, at);
ALTER TABLE crm_lead ADD COLUMN merged_into UUID;
CREATE TABLE crm_merge_move (
    merge_id  UUID   NOT NULL,
    lead_id   UUID   NOT NULL,
    seq       BIGINT NOT NULL,
    from_lead UUID   NOT NULL,
    CONSTRAINT crm_merge_move_pk PRIMARY KEY (merge_id, lead_id, seq)
);
