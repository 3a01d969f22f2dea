-- VAS top-ups. A finite top-up adds its quantity to the balance total; a day pass (quantity -1) makes the
-- balance unlimited until `unlimited_until` instead (usage under the pass does not draw the bundle down).
-- A top-up with an expiry takes back its unused part when it expires (the worker sweep, or the usage path).
ALTER TABLE subscription.bundle_balance ADD COLUMN unlimited_until timestamptz;

CREATE TABLE subscription.vas_purchase (
  id               text          PRIMARY KEY,
  tenant_id        text          NOT NULL DEFAULT 'DEFAULT',
  subscription_id  text          NOT NULL REFERENCES subscription.subscription (id),
  customer_id      text          NOT NULL,
  vas_offering_id  text          NOT NULL,
  -- the caller's key (or a minted one): the same key again returns this purchase, charged once
  idempotency_key  text          NOT NULL,
  payment_id       text          NOT NULL,
  amount           numeric(12,2) NOT NULL CHECK (amount >= 0),
  currency         text          NOT NULL,
  allowance_type   text          NOT NULL CHECK (allowance_type IN ('data', 'voice', 'sms', 'data_roaming')),
  quantity         bigint        NOT NULL CHECK (quantity = -1 OR quantity > 0),
  unit             text          NOT NULL,
  previous_state   text          NOT NULL,
  unblocked        boolean       NOT NULL,
  purchased_at     timestamptz   NOT NULL,
  expires_at       timestamptz,
  -- set when the expiry was applied to the balance (once)
  expired_at       timestamptz,
  -- what the expiry took back from the balance
  expired_quantity bigint,
  CONSTRAINT uq_vas_purchase_key UNIQUE (tenant_id, subscription_id, idempotency_key)
);
CREATE INDEX ix_vas_purchase_due_expiry ON subscription.vas_purchase (expires_at) WHERE expired_at IS NULL AND expires_at IS NOT NULL;
CREATE INDEX ix_vas_purchase_subscription ON subscription.vas_purchase (subscription_id, purchased_at);
