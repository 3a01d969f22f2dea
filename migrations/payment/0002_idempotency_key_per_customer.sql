-- Idempotency keys belong to the customer who chose them. A global unique index let two customers clash on
-- the same key, and the clash answered with the other customer's payment id; now each customer has its own
-- key space, and a replay can only ever find that customer's own attempt.
DROP INDEX payment.uq_payment_attempt_idempotency_key;
CREATE UNIQUE INDEX uq_payment_attempt_customer_idempotency_key ON payment.payment_attempt (customer_id, idempotency_key);
-- The reconciler's scan: attempts still pending (the process died mid-charge), oldest first.
CREATE INDEX ix_payment_attempt_pending ON payment.payment_attempt (attempted_at, id) WHERE status = 'pending';
