-- One key per person for the personal fields of events (runtime.privacy.PersonalDataVault), outside the event store.
-- wrapped_key: the person's AES-256 key, AES-GCM-wrapped with a key derived from PII_MASTER_KEY.
-- Erasure drops wrapped_key and sets erased_at; the row stays as a tombstone so that no new key is ever made.
CREATE TABLE personal_data_key (
    subject_id  UUID                     NOT NULL,
    wrapped_key BYTEA,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT personal_data_key_pk PRIMARY KEY (subject_id),
    CONSTRAINT personal_data_key_erased_ck CHECK ((wrapped_key IS NULL AND erased_at IS NOT NULL)
        OR (wrapped_key IS NOT NULL AND erased_at IS NULL))
);
