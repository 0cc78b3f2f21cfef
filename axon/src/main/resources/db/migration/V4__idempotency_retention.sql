-- Stored idempotent responses are purged after platform.idempotency.retention (IdempotencyRetention).
CREATE INDEX idempotency_record_created_at_idx ON idempotency_record (created_at);
