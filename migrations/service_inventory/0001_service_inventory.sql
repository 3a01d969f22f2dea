-- SOM schema: service orders (TMF641), their services (TMF638, a CFS with RFS children) and the progress of the
-- provisioning tasks each order requested. Every row carries the tenant of the event that created it.

CREATE TABLE service_inventory.service_order (
  id                 text        PRIMARY KEY,
  tenant_id          text        NOT NULL DEFAULT 'DEFAULT',
  -- The commercial order (COM) this decomposes: one service order per commercial order, ever. A cancel that
  -- arrives before the order's in_progress event inserts a cancelled row (a tombstone) so it is never decomposed.
  order_id           text        NOT NULL,
  item_id            text,
  customer_id        text,
  offering_id        text,
  msisdn_preference  text,
  payment_method_id  text,
  -- The price the order was placed at, as COM sent it ({priceId, amount, currency}); handed on to subscription.
  price_snapshot     jsonb,
  state              text        NOT NULL CHECK (state IN ('acknowledged', 'in_progress', 'completed', 'failed', 'cancelled', 'torn_down')),
  state_reason       text,
  failed_task_type   text,
  -- What the order holds in inventory (CRM), so failure, cancel and teardown release exactly that.
  msisdn             text,
  iccid              text,
  order_date         timestamptz NOT NULL,
  started_at         timestamptz,
  completed_at       timestamptz,
  ended_at           timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_service_order_order UNIQUE (order_id)
);
CREATE INDEX ix_service_order_tenant_date ON service_inventory.service_order (tenant_id, order_date DESC, id DESC);
CREATE INDEX ix_service_order_customer ON service_inventory.service_order (tenant_id, customer_id);

CREATE TABLE service_inventory.service (
  id                 text        PRIMARY KEY,
  tenant_id          text        NOT NULL DEFAULT 'DEFAULT',
  service_order_id   text        NOT NULL REFERENCES service_inventory.service_order (id),
  parent_service_id  text        REFERENCES service_inventory.service (id),
  spec_id            text        NOT NULL,
  kind               text        NOT NULL CHECK (kind IN ('CFS', 'RFS')),
  state              text        NOT NULL CHECK (state IN ('designed', 'reserved', 'activated', 'terminated', 'failed')),
  customer_id        text        NOT NULL,
  order_id           text        NOT NULL,
  subscription_id    text,
  -- CFS only: the resources it runs on and the eSIM activation code the customer's device downloads with.
  msisdn             text,
  iccid              text,
  imsi               text,
  activation_code    text,
  activated_at       timestamptz,
  ended_at           timestamptz,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CONSTRAINT ck_service_parent CHECK ((kind = 'CFS') = (parent_service_id IS NULL))
);
CREATE INDEX ix_service_order ON service_inventory.service (service_order_id);
CREATE INDEX ix_service_tenant ON service_inventory.service (tenant_id, created_at DESC, id DESC);
CREATE INDEX ix_service_subscription ON service_inventory.service (subscription_id) WHERE subscription_id IS NOT NULL;
CREATE INDEX ix_service_customer ON service_inventory.service (tenant_id, customer_id);

-- One row per (service order, task type): what SOM last heard from provisioning about that task.
CREATE TABLE service_inventory.provisioning_task (
  service_order_id   text        NOT NULL REFERENCES service_inventory.service_order (id),
  task_type          text        NOT NULL CHECK (task_type IN ('HLR_PROVISION', 'PCRF_POLICY_PUSH', 'OCS_BALANCE_INIT', 'ESIM_PROFILE_PREPARE')),
  service_id         text        NOT NULL REFERENCES service_inventory.service (id),
  state              text        NOT NULL CHECK (state IN ('pending', 'completed', 'failed', 'stuck')),
  -- provisioning's task id (PTK-…), known from its first event
  task_id            text,
  last_error         text,
  updated_at         timestamptz NOT NULL,
  PRIMARY KEY (service_order_id, task_type)
);
