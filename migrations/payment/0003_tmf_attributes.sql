-- TMF670 / TMF676 attributes a client may set and read back. A card's `name`, `description` and `validFor`
-- are patchable; a payment's `name`, `description` and `channel` are kept as sent on create (payments are
-- immutable). A card without a name is shown as "<brand> •••• <last4>", so existing rows need no backfill.
ALTER TABLE payment.payment_method
  ADD COLUMN name text,
  ADD COLUMN description text,
  ADD COLUMN valid_from timestamptz,
  ADD COLUMN valid_to timestamptz;
ALTER TABLE payment.payment_attempt
  ADD COLUMN name text,
  ADD COLUMN description text,
  ADD COLUMN channel_id text,
  ADD COLUMN channel_name text;
-- The operator listing filters on status and pages newest first across customers.
CREATE INDEX ix_payment_attempt_tenant_attempted ON payment.payment_attempt (tenant_id, attempted_at DESC, id DESC);
