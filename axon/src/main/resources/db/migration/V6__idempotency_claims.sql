-- A claim has its own id (what a keyed request creates derives its ids from it) and may be left retriable:
-- a retry takes the claim over and addresses the same grant or hold (IdempotencyFilter).
ALTER TABLE idempotency_record ADD COLUMN claim_id UUID;
ALTER TABLE idempotency_record ADD COLUMN retriable BOOLEAN DEFAULT FALSE NOT NULL;
