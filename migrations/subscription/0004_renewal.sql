-- Renewal bookkeeping. Each sweep has its own once-per-boundary marker (the reference shared one column
-- between the due, skip and reminder sweeps, so a line that failed on a policy or was blocked at the boundary
-- and topped up later was never picked again): a due active line is renewed until its next_renewal_at moves
-- (renewal) or it is blocked (declined); the skip and reminder events are sent once per boundary.
ALTER TABLE subscription.subscription
  ADD COLUMN renewal_skipped_for      timestamptz,
  ADD COLUMN renewal_reminder_sent_for timestamptz,
  -- declined renewal attempts of the current period: part of the charge key, so a retry after a decline is
  -- a new charge while a retry after a crash replays the same one
  ADD COLUMN renewal_attempts         integer NOT NULL DEFAULT 0 CHECK (renewal_attempts >= 0),
  -- the price a scheduled plan change / price migration will charge, snapshotted when it was scheduled
  -- (the pivot never reads the live catalog price)
  ADD COLUMN pending_price_amount     numeric(12,2) CHECK (pending_price_amount >= 0),
  ADD COLUMN pending_price_currency   text,
  -- plan_change | price_migration
  ADD COLUMN pending_kind             text CHECK (pending_kind IN ('plan_change', 'price_migration'));

CREATE INDEX ix_subscription_reminder_due ON subscription.subscription (next_renewal_at) WHERE state = 'active';

-- Every approved charge of a line (activation, renewal, VAS): what a prepaid receipt (TMF678 customerBill)
-- is made from. Tax-inclusive prices; nothing is ever owed.
CREATE TABLE subscription.charge (
  id              text          PRIMARY KEY,
  tenant_id       text          NOT NULL DEFAULT 'DEFAULT',
  subscription_id text          NOT NULL REFERENCES subscription.subscription (id),
  customer_id     text          NOT NULL,
  kind            text          NOT NULL CHECK (kind IN ('activation', 'renewal', 'vas')),
  payment_id      text          NOT NULL,
  amount          numeric(12,2) NOT NULL CHECK (amount >= 0),
  currency        text          NOT NULL,
  offering_id     text          NOT NULL,
  description     text          NOT NULL,
  period_start    timestamptz,
  period_end      timestamptz,
  charged_at      timestamptz   NOT NULL,
  CONSTRAINT uq_charge_payment UNIQUE (tenant_id, payment_id)
);
CREATE INDEX ix_charge_customer ON subscription.charge (tenant_id, customer_id, charged_at DESC, id DESC);
