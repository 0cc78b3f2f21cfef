-- Identity and access: secrets kept outside the event store (hashes only), the command side's e-mail directory,
-- and the read models of accounts, sessions and invitations.

-- Password hashes and TOTP secrets (sealed with the owner's personal-data key). Never in an event; deleted on
-- erasure.
CREATE TABLE account_credential (
    user_id             UUID                     NOT NULL,
    password_hash       VARCHAR(100),
    totp_secret         VARCHAR(300),
    totp_pending_secret VARCHAR(300),
    totp_last_step      BIGINT,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_credential_pk PRIMARY KEY (user_id)
);

-- BCrypt hashes of e-mailed 6-digit codes, one per account and purpose.
CREATE TABLE one_time_code (
    user_id    UUID                     NOT NULL,
    purpose    VARCHAR(30)              NOT NULL,
    code_hash  VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT one_time_code_pk PRIMARY KEY (user_id, purpose)
);

-- SHA-256 of refresh tokens (per session and generation) and invitation tokens.
CREATE TABLE opaque_token (
    token_hash VARCHAR(64)              NOT NULL,
    kind       VARCHAR(20)              NOT NULL,
    subject_id UUID                     NOT NULL,
    generation INTEGER                  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT opaque_token_pk PRIMARY KEY (token_hash)
);
CREATE INDEX opaque_token_subject_idx ON opaque_token (subject_id);
CREATE INDEX opaque_token_expiry_idx ON opaque_token (expires_at);

-- Command side: keyed e-mail hash -> account. Written in the registering transaction; its key keeps e-mails unique.
CREATE TABLE account_email_directory (
    email_index VARCHAR(64) NOT NULL,
    user_id     UUID        NOT NULL,
    CONSTRAINT account_email_directory_pk PRIMARY KEY (email_index),
    CONSTRAINT account_email_directory_user_uq UNIQUE (user_id)
);

-- Read model: accounts. Personal columns are nulled when the person is erased.
CREATE TABLE user_account (
    user_id              UUID                     NOT NULL,
    email                VARCHAR(320),
    name                 VARCHAR(200),
    phone                VARCHAR(40),
    profession           VARCHAR(120),
    domain               VARCHAR(120),
    photo_url            VARCHAR(500),
    roles                VARCHAR(200)             NOT NULL,
    platforms            VARCHAR(100)             NOT NULL,
    stage                VARCHAR(20)              NOT NULL,
    status               VARCHAR(20)              NOT NULL,
    registration_method  VARCHAR(20)              NOT NULL,
    has_password         BOOLEAN                  NOT NULL,
    google_linked        BOOLEAN                  NOT NULL,
    totp_enrolled        BOOLEAN                  NOT NULL,
    registered_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at          TIMESTAMP WITH TIME ZONE,
    profile_completed_at TIMESTAMP WITH TIME ZONE,
    last_sign_in_at      TIMESTAMP WITH TIME ZONE,
    deactivated_reason   VARCHAR(500),
    erased_at            TIMESTAMP WITH TIME ZONE,
    -- the last password change: sessions started before it are over (except the one that made the change)
    sessions_valid_after TIMESTAMP WITH TIME ZONE,
    kept_session_id      UUID,
    CONSTRAINT user_account_pk PRIMARY KEY (user_id)
);
CREATE INDEX user_account_registered_idx ON user_account (registered_at DESC);

-- Read model: sign-in sessions (refresh-token families); the request filter checks revocation here.
CREATE TABLE user_session (
    session_id      UUID                     NOT NULL,
    user_id         UUID                     NOT NULL,
    method          VARCHAR(20)              NOT NULL,
    platform        VARCHAR(20)              NOT NULL,
    generation      INTEGER                  NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_refresh_at TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_reason  VARCHAR(40),
    client_ip       VARCHAR(64),
    CONSTRAINT user_session_pk PRIMARY KEY (session_id)
);
CREATE INDEX user_session_user_idx ON user_session (user_id, started_at DESC);
CREATE INDEX user_session_method_idx ON user_session (method, started_at DESC);

-- Read model: invitations.
CREATE TABLE user_invitation (
    invitation_id UUID                     NOT NULL,
    user_id       UUID                     NOT NULL,
    email         VARCHAR(320),
    role          VARCHAR(20)              NOT NULL,
    platforms     VARCHAR(100)             NOT NULL,
    invited_by    UUID                     NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(20)              NOT NULL,
    accepted_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT user_invitation_pk PRIMARY KEY (invitation_id)
);

-- Generic counters for rate limits (sign-up, code resend, password reset) per key and window.
CREATE TABLE rate_limit_hit (
    bucket     VARCHAR(40)              NOT NULL,
    hit_key    VARCHAR(200)             NOT NULL,
    hit_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_limit_hit_key_idx ON rate_limit_hit (bucket, hit_key, hit_at);
