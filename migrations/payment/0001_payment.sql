-- Payment schema: cards on file (tokens only, never a PAN or CVV) and charge attempts.
-- Ids come from plain sequences (not owned by a column) so an operational reset keeps them counting.
CREATE SEQUENCE payment.payment_method_id_seq;
CREATE SEQUENCE payment.payment_attempt_id_seq;

CREATE TABLE payment.payment_method (
  id             text        PRIMARY KEY DEFAULT ('PM-' || lpad(nextval('payment.payment_method_id_seq')::text, 4, '0')),
  customer_id    text        NOT NULL,
  type           text        NOT NULL DEFAULT 'card',
  -- The provider's opaque token for the card; the PAN itself never reaches this service's storage.
  token          text        NOT NULL,
  token_provider text        NOT NULL,
  brand          text        NOT NULL,
  last4          text        NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
  exp_month      smallint    NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year       smallint    NOT NULL CHECK (exp_year BETWEEN 2000 AND 2200),
  is_default     boolean     NOT NULL DEFAULT false,
  status         text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed', 'expired')),
  tenant_id      text        NOT NULL DEFAULT 'DEFAULT',
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  removed_at     timestamptz,
  CONSTRAINT uq_payment_method_token UNIQUE (token),
  -- A removed method can never stay the default.
  CONSTRAINT ck_payment_method_default_is_active CHECK (NOT is_default OR status = 'active')
);
-- Exactly one default per customer: backs the set-default / promotion rules.
CREATE UNIQUE INDEX uq_payment_method_one_default ON payment.payment_method (customer_id) WHERE is_default;
CREATE INDEX ix_payment_method_customer ON payment.payment_method (customer_id, status, created_at DESC);

CREATE TABLE payment.payment_attempt (
  id                text          PRIMARY KEY DEFAULT ('PAY-' || lpad(nextval('payment.payment_attempt_id_seq')::text, 6, '0')),
  customer_id       text          NOT NULL,
  payment_method_id text          NOT NULL REFERENCES payment.payment_method (id),
  amount            numeric(12,2) NOT NULL CHECK (amount > 0),
  currency          text          NOT NULL DEFAULT 'SGD',
  purpose           text          NOT NULL CHECK (purpose IN ('activation', 'renewal', 'vas')),
  -- 'pending' only while the single gateway call is in flight; then final and never changed again.
  status            text          NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'errored')),
  idempotency_key   text          NOT NULL,
  gateway_ref       text,
  decline_code      text,
  decline_reason    text,
  attempted_at      timestamptz   NOT NULL,
  completed_at      timestamptz,
  tenant_id         text          NOT NULL DEFAULT 'DEFAULT',
  created_at        timestamptz   NOT NULL,
  updated_at        timestamptz   NOT NULL
);
-- One attempt per idempotency key, so a replayed or concurrent duplicate can never charge twice.
CREATE UNIQUE INDEX uq_payment_attempt_idempotency_key ON payment.payment_attempt (idempotency_key);
CREATE INDEX ix_payment_attempt_customer ON payment.payment_attempt (customer_id, attempted_at DESC, id DESC);
