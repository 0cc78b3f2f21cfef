-- TokensGranted revision 2 states where a grant's tokens came from (source MANUAL or PURCHASE) and, for a purchase,
-- the payment order that bought them; the grant read model shows both. Rows written before this migration are filled
-- by the rule revision 1 was written under (a purchase had no granting person and named its order only in its
-- reason, "token purchase, order <orderId>"): the values a replay of token-grants gives through the upcaster.
-- Runs unchanged on PostgreSQL and on H2 (PostgreSQL mode).

ALTER TABLE token_grant ADD COLUMN source VARCHAR(20);
ALTER TABLE token_grant ADD COLUMN order_id UUID;

UPDATE token_grant SET source = CASE WHEN requested_by IS NULL THEN 'PURCHASE' ELSE 'MANUAL' END;
UPDATE token_grant SET order_id = CAST(SUBSTRING(reason FROM 23 FOR 36) AS UUID)
 WHERE requested_by IS NULL AND reason LIKE 'token purchase, order %' AND CHAR_LENGTH(reason) = 58;

ALTER TABLE token_grant ALTER COLUMN source SET NOT NULL;
