-- Mentorship: the read model of mentors (application, profile, status, availability).

CREATE TABLE mentor_profile (
    user_id          UUID                     NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    application_id   UUID,
    headline         VARCHAR(200),
    bio              TEXT,
    expertise        TEXT                     NOT NULL,  -- JSON array of tags
    track            VARCHAR(80),
    company          VARCHAR(120),
    languages        TEXT                     NOT NULL,  -- JSON array
    time_zone        VARCHAR(60)              NOT NULL,
    price            INTEGER                  NOT NULL,
    buffer_minutes   INTEGER                  NOT NULL,
    weekly           TEXT                     NOT NULL,  -- JSON array of {day, start, end}
    dates            TEXT                     NOT NULL,  -- JSON object date -> [{start, end}]
    applied_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE,
    decided_by       UUID,
    rejection_reason VARCHAR(500),
    suspension_reason VARCHAR(500),
    last_sequence    BIGINT                   NOT NULL,
    CONSTRAINT mentor_profile_pk PRIMARY KEY (user_id)
);
CREATE INDEX mentor_profile_status_idx ON mentor_profile (status, applied_at DESC);
