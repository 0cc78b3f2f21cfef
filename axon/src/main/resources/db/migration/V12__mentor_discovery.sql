-- Discovery: the read model behind the public mentor search, the leaderboard and public reviews
-- (processing group mentor-discovery; docs/discovery.md, ADR 0004). The same SQL runs on PostgreSQL and on the
-- embedded H2 (PostgreSQL mode): the search is token-wise LIKE over a normalised text column, not tsvector.

-- One row per mentor who ever applied. Personal columns are nulled when the person is erased.
CREATE TABLE discovery_mentor (
    user_id            UUID                     NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    erased             BOOLEAN                  NOT NULL,
    name               VARCHAR(200),
    headline           VARCHAR(200),
    bio                TEXT,
    expertise          TEXT                     NOT NULL,  -- JSON array of tags, as the mentor wrote them
    track              VARCHAR(80),
    track_key          VARCHAR(80),                        -- lower-cased, for the filter
    company            VARCHAR(120),
    company_key        VARCHAR(120),                       -- lower-cased, for the filter
    languages          TEXT                     NOT NULL,  -- JSON array
    price              INTEGER                  NOT NULL,
    -- name, headline, bio and tags: lower-cased, accents stripped, words separated by single spaces, with a
    -- leading and trailing space, so that ' word' finds a word start (SearchText)
    search_text        TEXT                     NOT NULL,
    completed_sessions BIGINT                   NOT NULL,
    ratings_count      BIGINT                   NOT NULL,
    ratings_sum        BIGINT                   NOT NULL,
    average_rating     NUMERIC(3, 2),                      -- null while unrated
    last_sequence      BIGINT                   NOT NULL,  -- the last mentor event applied
    CONSTRAINT discovery_mentor_pk PRIMARY KEY (user_id)
);
CREATE INDEX discovery_mentor_rating_idx ON discovery_mentor (status, average_rating DESC, completed_sessions DESC);
CREATE INDEX discovery_mentor_sessions_idx ON discovery_mentor (status, completed_sessions DESC);

-- Expertise and language tags of a mentor, lower-cased (kind EXPERTISE or LANGUAGE), for exact tag filters.
CREATE TABLE discovery_mentor_tag (
    user_id UUID         NOT NULL,
    kind    VARCHAR(20)  NOT NULL,
    tag_key VARCHAR(120) NOT NULL,
    CONSTRAINT discovery_mentor_tag_pk PRIMARY KEY (user_id, kind, tag_key)
);
CREATE INDEX discovery_mentor_tag_key_idx ON discovery_mentor_tag (kind, tag_key);

-- Sessions settled as COMPLETED, one row per booking: a redelivered or replayed settlement counts once.
CREATE TABLE discovery_completed_session (
    booking_id UUID                     NOT NULL,
    mentor_id  UUID                     NOT NULL,
    settled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT discovery_completed_session_pk PRIMARY KEY (booking_id)
);
CREATE INDEX discovery_completed_session_mentor_idx ON discovery_completed_session (mentor_id);

-- Ratings, one per booking. student_id is kept only to erase the comment with the student; it is never shown.
CREATE TABLE discovery_review (
    booking_id     UUID                     NOT NULL,
    mentor_id      UUID                     NOT NULL,
    student_id     UUID                     NOT NULL,
    stars          INTEGER                  NOT NULL,
    experience     VARCHAR(20)              NOT NULL,
    mentor_on_time BOOLEAN                  NOT NULL,
    comment        TEXT,
    rated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT discovery_review_pk PRIMARY KEY (booking_id)
);
CREATE INDEX discovery_review_mentor_idx ON discovery_review (mentor_id, rated_at DESC);
CREATE INDEX discovery_review_student_idx ON discovery_review (student_id);
