-- The "Trà Đá" mentor hub: the command side's directories (written in the command's transaction) and the read models.
-- Portable SQL: the embedded profile runs it on H2 in PostgreSQL mode.

-- ---- command side (HubDirectory, subscribing) ------------------------------------------------------------------
CREATE TABLE hub_application_directory (
    application_id UUID NOT NULL,
    mentor_id      UUID NOT NULL,
    mentee_id      UUID NOT NULL,
    CONSTRAINT hub_application_directory_pk PRIMARY KEY (application_id)
);

CREATE TABLE hub_pairing_directory (
    pairing_id UUID    NOT NULL,
    mentor_id  UUID    NOT NULL,
    mentee_id  UUID    NOT NULL,
    active     BOOLEAN NOT NULL,
    CONSTRAINT hub_pairing_directory_pk PRIMARY KEY (pairing_id)
);

-- one row per mentee with an active pairing: its primary key keeps a mentee with one mentor at a time, also when two
-- mentors accept the same mentee at once
CREATE TABLE hub_active_pairing (
    mentee_id  UUID NOT NULL,
    pairing_id UUID NOT NULL,
    CONSTRAINT hub_active_pairing_pk PRIMARY KEY (mentee_id)
);

CREATE TABLE hub_group_directory (
    group_id  UUID NOT NULL,
    mentor_id UUID NOT NULL,
    CONSTRAINT hub_group_directory_pk PRIMARY KEY (group_id)
);

-- ---- read models (projections, tracking) ---------------------------------------------------------------------
-- the last event sequence applied per aggregate, so that redelivered events change nothing
CREATE TABLE hub_read_position (
    aggregate_id  VARCHAR(200) NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT hub_read_position_pk PRIMARY KEY (aggregate_id)
);

CREATE TABLE hub_circle (
    mentor_id   UUID    NOT NULL,
    max_mentees INTEGER,            -- NULL: the default (platform.hub.default-max-mentees)
    CONSTRAINT hub_circle_pk PRIMARY KEY (mentor_id)
);

CREATE TABLE hub_application (
    application_id  UUID                     NOT NULL,
    mentor_id       UUID                     NOT NULL,
    mentee_id       UUID                     NOT NULL,
    goals           TEXT,
    interests       TEXT                     NOT NULL,  -- JSON array of tags
    track           VARCHAR(80)              NOT NULL,
    background      TEXT,
    status          VARCHAR(30)              NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_by UUID,
    admin_override  BOOLEAN                  NOT NULL,
    last_reason     VARCHAR(500),
    CONSTRAINT hub_application_pk PRIMARY KEY (application_id)
);
CREATE INDEX hub_application_mentor_idx ON hub_application (mentor_id, submitted_at);
CREATE INDEX hub_application_mentee_idx ON hub_application (mentee_id, submitted_at);

CREATE TABLE hub_pairing (
    pairing_id     UUID                     NOT NULL,
    mentor_id      UUID                     NOT NULL,
    mentee_id      UUID                     NOT NULL,
    application_id UUID                     NOT NULL,
    paired_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    active         BOOLEAN                  NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE,
    ended_by       UUID,
    end_cause      VARCHAR(20),
    end_reason     VARCHAR(500),
    CONSTRAINT hub_pairing_pk PRIMARY KEY (pairing_id)
);
CREATE INDEX hub_pairing_mentor_idx ON hub_pairing (mentor_id, active);
CREATE INDEX hub_pairing_mentee_idx ON hub_pairing (mentee_id, active);

CREATE TABLE hub_group (
    group_id   UUID                     NOT NULL,
    mentor_id  UUID                     NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    cohort     VARCHAR(20)              NOT NULL,
    track      VARCHAR(80)              NOT NULL,
    max_size   INTEGER                  NOT NULL,
    created_by UUID                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT hub_group_pk PRIMARY KEY (group_id)
);
CREATE INDEX hub_group_cohort_idx ON hub_group (cohort, mentor_id);

-- memberships past and present (left_at set): cohort progress counts a pair in the cohorts of its groups
CREATE TABLE hub_group_member (
    group_id  UUID                     NOT NULL,
    mentee_id UUID                     NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    left_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT hub_group_member_pk PRIMARY KEY (group_id, mentee_id)
);

CREATE TABLE hub_session_log (
    pairing_id            UUID                     NOT NULL,
    session_date          DATE                     NOT NULL,
    mentor_id             UUID                     NOT NULL,
    mentee_id             UUID                     NOT NULL,
    mentor_topic          VARCHAR(200),
    mentor_score          INTEGER,
    mentor_needs_support  BOOLEAN,
    mentor_support_reason VARCHAR(1000),
    mentor_submitted_at   TIMESTAMP WITH TIME ZONE,
    mentee_topic          VARCHAR(200),
    mentee_score          INTEGER,
    mentee_needs_support  BOOLEAN,
    mentee_support_reason VARCHAR(1000),
    mentee_submitted_at   TIMESTAMP WITH TIME ZONE,
    completed_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT hub_session_log_pk PRIMARY KEY (pairing_id, session_date)
);
CREATE INDEX hub_session_log_mentor_idx ON hub_session_log (mentor_id);
CREATE INDEX hub_session_log_mentee_idx ON hub_session_log (mentee_id);

CREATE TABLE hub_support_request (
    support_request_id UUID                     NOT NULL,
    pairing_id         UUID                     NOT NULL,
    session_date       DATE                     NOT NULL,
    mentor_id          UUID                     NOT NULL,
    mentee_id          UUID                     NOT NULL,
    side               VARCHAR(10)              NOT NULL,
    raised_by          UUID                     NOT NULL,
    reason             VARCHAR(1000),
    raised_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    resolved_by        UUID,
    resolution_note    VARCHAR(500),
    CONSTRAINT hub_support_request_pk PRIMARY KEY (support_request_id)
);
CREATE INDEX hub_support_request_queue_idx ON hub_support_request (raised_at DESC);
