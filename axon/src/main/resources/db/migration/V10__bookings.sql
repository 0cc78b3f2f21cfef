-- Bookings: the command side's slot claims, the booking read models, and the mail outbox.

-- Command side: one row per minute of a mentor's time taken by an open booking (start .. end + buffer). Written in
-- the transaction that stores the booking's event; the key makes overlapping bookings impossible.
CREATE TABLE booking_slot_claim (
    mentor_id  UUID                     NOT NULL,
    minute_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    booking_id UUID                     NOT NULL,
    CONSTRAINT booking_slot_claim_pk PRIMARY KEY (mentor_id, minute_at)
);
CREATE INDEX booking_slot_claim_booking_idx ON booking_slot_claim (booking_id);

-- Command side: the same for the student's time (start .. end), so that nobody is booked into two sessions at once.
CREATE TABLE booking_student_claim (
    student_id UUID                     NOT NULL,
    minute_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    booking_id UUID                     NOT NULL,
    CONSTRAINT booking_student_claim_pk PRIMARY KEY (student_id, minute_at)
);
CREATE INDEX booking_student_claim_booking_idx ON booking_student_claim (booking_id);

-- Read model: one row per booking, as its events left it.
CREATE TABLE booking_view (
    booking_id         UUID                     NOT NULL,
    student_id         UUID                     NOT NULL,
    mentor_id          UUID                     NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    start_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    buffer_minutes     INTEGER                  NOT NULL,
    mentor_time_zone   VARCHAR(60)              NOT NULL,
    topic              VARCHAR(500),
    price_tokens       BIGINT                   NOT NULL,
    hold_id            UUID                     NOT NULL,
    respond_by         TIMESTAMP WITH TIME ZONE NOT NULL,
    meeting_url        VARCHAR(500),
    calendar_sequence  INTEGER                  NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE,
    student_joined_at  TIMESTAMP WITH TIME ZONE,
    mentor_joined_at   TIMESTAMP WITH TIME ZONE,
    cancelled_by_party VARCHAR(10),
    end_reason         VARCHAR(500),
    late_cancellation  BOOLEAN                  NOT NULL DEFAULT FALSE,
    absent_party       VARCHAR(10),
    completed_automatically BOOLEAN            NOT NULL DEFAULT FALSE,
    token_outcome      VARCHAR(10),
    captured_tokens    BIGINT,
    released_tokens    BIGINT,
    settled_at         TIMESTAMP WITH TIME ZONE,
    rated              BOOLEAN                  NOT NULL DEFAULT FALSE,
    reschedule_count   INTEGER                  NOT NULL DEFAULT 0,
    last_sequence      BIGINT                   NOT NULL,
    CONSTRAINT booking_view_pk PRIMARY KEY (booking_id)
);
CREATE INDEX booking_view_student_idx ON booking_view (student_id, start_at);
CREATE INDEX booking_view_mentor_idx ON booking_view (mentor_id, start_at);
CREATE INDEX booking_view_status_idx ON booking_view (status, start_at);

-- Read model: what happened to a booking, in order (its aggregate sequence), for its timeline.
CREATE TABLE booking_timeline (
    booking_id UUID                     NOT NULL,
    sequence   BIGINT                   NOT NULL,
    type       VARCHAR(40)              NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id   UUID,
    detail     VARCHAR(500),
    CONSTRAINT booking_timeline_pk PRIMARY KEY (booking_id, sequence)
);

-- Read model: the student's rating of a completed session (one per booking).
CREATE TABLE booking_feedback (
    booking_id     UUID                     NOT NULL,
    student_id     UUID                     NOT NULL,
    mentor_id      UUID                     NOT NULL,
    stars          INTEGER                  NOT NULL,
    experience     VARCHAR(20)              NOT NULL,
    mentor_on_time BOOLEAN                  NOT NULL,
    comment        VARCHAR(2000),
    rated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT booking_feedback_pk PRIMARY KEY (booking_id)
);
CREATE INDEX booking_feedback_mentor_idx ON booking_feedback (mentor_id, rated_at DESC);

-- Read model: mentors' private notes on bookings.
CREATE TABLE booking_note (
    note_id    UUID                     NOT NULL,
    booking_id UUID                     NOT NULL,
    mentor_id  UUID                     NOT NULL,
    text       VARCHAR(4000),
    kept_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT booking_note_pk PRIMARY KEY (note_id)
);
CREATE INDEX booking_note_booking_idx ON booking_note (booking_id, kept_at);

-- E-mails decided by sagas: stored in the saga's transaction, sent afterwards by the outbox relay. The unique key
-- (message, recipient) makes a notice handed over twice a no-op; the recipient's address is looked up when sending,
-- so an erased person receives nothing.
CREATE TABLE mail_outbox (
    id              UUID                     NOT NULL,
    message_key     VARCHAR(200)             NOT NULL,
    recipient_id    UUID                     NOT NULL,
    subject         VARCHAR(300)             NOT NULL,
    body            TEXT                     NOT NULL,
    calendar        TEXT,
    calendar_method VARCHAR(10),
    status          VARCHAR(10)              NOT NULL,
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    CONSTRAINT mail_outbox_pk PRIMARY KEY (id),
    CONSTRAINT mail_outbox_message_uq UNIQUE (message_key, recipient_id)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (status, next_attempt_at);
