-- Subscription schema: a customer's line (number + eSIM + plan), its bundle balances, its state history and
-- the recorded outcome of each order's activation. Shaped for the whole lifecycle (usage decrements, VAS
-- top-ups, renewal, plan change, termination); only activation writes it so far.

CREATE TABLE subscription.subscription (
  id                        text          PRIMARY KEY,
  tenant_id                 text          NOT NULL DEFAULT 'DEFAULT',
  customer_id               text          NOT NULL,
  offering_id               text          NOT NULL,
  -- The commercial order that created the line (NULL for an operator create without an order).
  commercial_order_id       text,
  service_order_id          text,
  cfs_service_id            text,
  msisdn                    text          NOT NULL,
  iccid                     text          NOT NULL,
  state                     text          NOT NULL CHECK (state IN ('pending', 'active', 'blocked', 'terminated')),
  state_reason              text,
  activated_at              timestamptz,
  current_period_start      timestamptz,
  current_period_end        timestamptz,
  next_renewal_at           timestamptz,
  terminated_at             timestamptz,
  last_renewal_attempted_at timestamptz,
  -- The price the order was placed at; renewals charge it, never the live catalog price.
  price_amount              numeric(12,2) NOT NULL CHECK (price_amount >= 0),
  price_currency            text          NOT NULL,
  price_offering_price_id   text          NOT NULL,
  payment_method_id         text          NOT NULL,
  activation_payment_id     text,
  pending_offering_id       text,
  pending_offering_price_id text,
  pending_effective_at      timestamptz,
  -- The eSIM view: what a device needs to download the profile (LPA code; no secret material).
  esim_activation_code      text,
  esim_smdp_server          text,
  esim_matching_id          text,
  created_at                timestamptz   NOT NULL,
  updated_at                timestamptz   NOT NULL,
  CONSTRAINT ck_subscription_period CHECK (current_period_end IS NULL OR current_period_end > current_period_start)
);
-- One subscription per commercial order: the backstop of the idempotent activation.
CREATE UNIQUE INDEX uq_subscription_commercial_order ON subscription.subscription (tenant_id, commercial_order_id) WHERE commercial_order_id IS NOT NULL;
-- A number and a profile belong to at most one line that is not terminated.
CREATE UNIQUE INDEX uq_subscription_msisdn ON subscription.subscription (tenant_id, msisdn) WHERE state <> 'terminated';
CREATE UNIQUE INDEX uq_subscription_iccid ON subscription.subscription (tenant_id, iccid) WHERE state <> 'terminated';
CREATE INDEX ix_subscription_customer ON subscription.subscription (tenant_id, customer_id, created_at DESC, id DESC);
CREATE INDEX ix_subscription_due_for_renewal ON subscription.subscription (state, next_renewal_at) WHERE state IN ('active', 'blocked');

-- One row per (subscription, allowance type); -1 total = unlimited.
CREATE TABLE subscription.bundle_balance (
  subscription_id text        NOT NULL REFERENCES subscription.subscription (id),
  allowance_type  text        NOT NULL CHECK (allowance_type IN ('data', 'voice', 'sms', 'data_roaming')),
  tenant_id       text        NOT NULL DEFAULT 'DEFAULT',
  total           bigint      NOT NULL CHECK (total >= -1),
  consumed        bigint      NOT NULL DEFAULT 0 CHECK (consumed >= 0),
  unit            text        NOT NULL,
  period_start    timestamptz NOT NULL,
  period_end      timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (subscription_id, allowance_type)
);

-- Every state transition, in order (the state machine's audit trail).
CREATE TABLE subscription.subscription_state_history (
  id              bigserial   PRIMARY KEY,
  subscription_id text        NOT NULL REFERENCES subscription.subscription (id),
  tenant_id       text        NOT NULL DEFAULT 'DEFAULT',
  from_state      text,
  to_state        text        NOT NULL,
  trigger         text        NOT NULL,
  reason          text,
  changed_by      text        NOT NULL,
  occurred_at     timestamptz NOT NULL
);
CREATE INDEX ix_subscription_state_history_subscription ON subscription.subscription_state_history (subscription_id, id);

-- The outcome of each order's activation, activated or declined, so a redelivered or concurrent
-- service_order.completed neither charges nor emits again (a declined order has no subscription row).
CREATE TABLE subscription.activation (
  tenant_id       text        NOT NULL DEFAULT 'DEFAULT',
  order_id        text        NOT NULL,
  outcome         text        NOT NULL CHECK (outcome IN ('activated', 'declined')),
  customer_id     text        NOT NULL,
  offering_id     text        NOT NULL,
  subscription_id text        REFERENCES subscription.subscription (id),
  payment_id      text,
  reason          text,
  decline_code    text,
  recorded_at     timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, order_id),
  CONSTRAINT ck_activation_outcome CHECK ((outcome = 'activated') = (subscription_id IS NOT NULL))
);
