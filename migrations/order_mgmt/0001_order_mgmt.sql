-- COM (commercial order management, TMF622): product orders with their one item, the state history of each
-- order, and TMF622 cancellation requests. Ids are minted in code (mintId: ORD-, OI-, CPO-).
CREATE TABLE order_mgmt.product_order (
  id                  text        PRIMARY KEY,
  tenant_id           text        NOT NULL DEFAULT 'DEFAULT',
  customer_id         text        NOT NULL,
  state               text        NOT NULL CHECK (state IN ('acknowledged', 'in_progress', 'completed', 'failed', 'cancelled')),
  order_date          timestamptz NOT NULL,
  -- Chosen at create (the preferred card on file, else the newest active one) and carried by order.in_progress.
  payment_method_id   text        NOT NULL,
  msisdn_preference   text,
  description         text,
  external_id         text,
  category            text,
  -- TMF622 notes as sent ([{text, author?, date?}]); never acted on.
  note                jsonb       NOT NULL DEFAULT '[]'::jsonb,
  -- When the order entered in_progress: the stuck sweeper measures from here (not from order_date).
  submitted_at        timestamptz,
  completion_date     timestamptz,
  cancellation_date   timestamptz,
  cancellation_reason text,
  failure_cause       text        CHECK (failure_cause IN ('provisioning_failed', 'activation_declined', 'fulfilment_refused')),
  failure_reason      text,
  service_order_id    text,
  -- Operator backstop: set once by the sweeper when order.stuck is staged; never cleared by the system.
  stuck_flagged_at    timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  CONSTRAINT ck_product_order_submitted CHECK (state = 'acknowledged' OR state = 'cancelled' OR submitted_at IS NOT NULL)
);
-- Lists: a tenant's orders newest first, optionally of one customer and/or in one state.
CREATE INDEX ix_product_order_tenant_date ON order_mgmt.product_order (tenant_id, order_date DESC, id DESC);
CREATE INDEX ix_product_order_customer ON order_mgmt.product_order (tenant_id, customer_id, order_date DESC, id DESC);
-- The sweeper's scan: in-progress orders not yet flagged, oldest submit first.
CREATE INDEX ix_product_order_unflagged_in_progress ON order_mgmt.product_order (submitted_at, id)
  WHERE state = 'in_progress' AND stuck_flagged_at IS NULL;

CREATE TABLE order_mgmt.order_item (
  id               text          PRIMARY KEY,
  order_id         text          NOT NULL REFERENCES order_mgmt.product_order (id) ON DELETE CASCADE,
  tenant_id        text          NOT NULL DEFAULT 'DEFAULT',
  action           text          NOT NULL DEFAULT 'add' CHECK (action = 'add'),
  offering_id      text          NOT NULL,
  state            text          NOT NULL CHECK (state IN ('acknowledged', 'in_progress', 'completed', 'failed', 'cancelled')),
  -- The price snapshot: the offering's lowest active price at order time, never re-read from the catalog.
  price_id         text          NOT NULL,
  price_amount     numeric(12,2) NOT NULL CHECK (price_amount >= 0),
  price_currency   text          NOT NULL,
  subscription_id  text,
  msisdn           text,
  iccid            text,
  created_at       timestamptz   NOT NULL,
  updated_at       timestamptz   NOT NULL
);
-- One line per order: a prepaid eSIM order is one plan. Reads join the item in the same query.
CREATE UNIQUE INDEX uq_order_item_order ON order_mgmt.order_item (order_id);

CREATE TABLE order_mgmt.order_state_history (
  id          bigserial   PRIMARY KEY,
  order_id    text        NOT NULL REFERENCES order_mgmt.product_order (id) ON DELETE CASCADE,
  tenant_id   text        NOT NULL DEFAULT 'DEFAULT',
  from_state  text,
  to_state    text        NOT NULL,
  trigger     text        NOT NULL,
  changed_by  text        NOT NULL,
  reason      text,
  event_time  timestamptz NOT NULL
);
CREATE INDEX ix_order_state_history_order ON order_mgmt.order_state_history (order_id, id);

-- TMF622 CancelProductOrder: a cancellation that was carried out (a refused one answers 422 and is not kept).
CREATE TABLE order_mgmt.cancel_request (
  id                          text        PRIMARY KEY,
  tenant_id                   text        NOT NULL DEFAULT 'DEFAULT',
  order_id                    text        NOT NULL REFERENCES order_mgmt.product_order (id) ON DELETE CASCADE,
  state                       text        NOT NULL CHECK (state IN ('acknowledged', 'inProgress', 'done', 'terminatedWithError')),
  cancellation_reason         text,
  requested_cancellation_date timestamptz,
  effective_cancellation_date timestamptz,
  created_at                  timestamptz NOT NULL
);
-- An order is cancelled once, so it has at most one carried-out cancellation request.
CREATE UNIQUE INDEX uq_cancel_request_order ON order_mgmt.cancel_request (order_id);
CREATE INDEX ix_cancel_request_tenant ON order_mgmt.cancel_request (tenant_id, created_at DESC, id DESC);
