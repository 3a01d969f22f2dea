-- Catalog schema: product specifications, offerings with their recurring prices and bundle allowances, VAS
-- top-ups, and the service specifications / product-to-service mappings SOM may consult. Promotions are not here.
-- Windows are half-open [valid_from, valid_to); NULL bounds are open. Money is NUMERIC(12,2), never float.

CREATE TABLE catalog.product_specification (
  id               text        NOT NULL,
  name             text,
  description      text,
  brand            text,
  lifecycle_status text,
  tenant_id        text        NOT NULL DEFAULT 'DEFAULT',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk_product_specification PRIMARY KEY (id)
);

CREATE TABLE catalog.product_offering (
  id               text        NOT NULL,
  name             text,
  spec_id          text,
  is_bundle        boolean     NOT NULL DEFAULT true,
  is_sellable      boolean,
  lifecycle_status text,
  valid_from       timestamptz,
  valid_to         timestamptz,
  tenant_id        text        NOT NULL DEFAULT 'DEFAULT',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk_product_offering PRIMARY KEY (id),
  CONSTRAINT fk_product_offering_spec_id_product_specification FOREIGN KEY (spec_id) REFERENCES catalog.product_specification (id),
  CONSTRAINT ck_product_offering_lifecycle_status CHECK (lifecycle_status IN ('active', 'retired')),
  -- >= not >: retiring an offering that has not started yet closes it to an empty window.
  CONSTRAINT ck_product_offering_window CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE catalog.product_offering_price (
  id                      text          NOT NULL,
  offering_id             text          NOT NULL,
  price_type              text          NOT NULL,
  recurring_period_length smallint,
  recurring_period_type   text,
  amount                  numeric(12,2) NOT NULL,
  currency                text          NOT NULL DEFAULT 'SGD',
  valid_from              timestamptz,
  valid_to                timestamptz,
  tenant_id               text          NOT NULL DEFAULT 'DEFAULT',
  created_at              timestamptz   NOT NULL DEFAULT now(),
  updated_at              timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_product_offering_price PRIMARY KEY (id),
  CONSTRAINT fk_product_offering_price_offering_id_product_offering FOREIGN KEY (offering_id) REFERENCES catalog.product_offering (id),
  CONSTRAINT ck_product_offering_price_price_type CHECK (price_type IN ('recurring', 'one_time')),
  CONSTRAINT ck_product_offering_price_amount CHECK (amount > 0),
  -- valid_to = valid_from is allowed: retireCurrent closes a not-yet-started price to an empty window.
  CONSTRAINT ck_product_offering_price_window CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX ix_product_offering_price_offering_id ON catalog.product_offering_price (offering_id);

CREATE TABLE catalog.bundle_allowance (
  id             text        NOT NULL,
  offering_id    text        NOT NULL,
  allowance_type text        NOT NULL,
  quantity       bigint      NOT NULL,
  unit           text        NOT NULL,
  tenant_id      text        NOT NULL DEFAULT 'DEFAULT',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk_bundle_allowance PRIMARY KEY (id),
  CONSTRAINT fk_bundle_allowance_offering_id_product_offering FOREIGN KEY (offering_id) REFERENCES catalog.product_offering (id),
  CONSTRAINT uq_bundle_allowance_offering_type UNIQUE (offering_id, allowance_type),
  CONSTRAINT ck_bundle_allowance_allowance_type CHECK (allowance_type IN ('data', 'voice', 'sms', 'data_roaming')),
  CONSTRAINT ck_bundle_allowance_quantity CHECK (quantity >= -1)
);

CREATE TABLE catalog.vas_offering (
  id                 text          NOT NULL,
  name               text,
  price_amount       numeric(12,2) NOT NULL,
  currency           text          NOT NULL DEFAULT 'SGD',
  allowance_type     text,
  allowance_quantity bigint,
  allowance_unit     text,
  expiry_hours       smallint,
  tenant_id          text          NOT NULL DEFAULT 'DEFAULT',
  created_at         timestamptz   NOT NULL DEFAULT now(),
  updated_at         timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_vas_offering PRIMARY KEY (id)
);

CREATE TABLE catalog.service_specification (
  id         text        NOT NULL,
  name       text,
  type       text,
  parameters jsonb,
  tenant_id  text        NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk_service_specification PRIMARY KEY (id)
);

CREATE TABLE catalog.product_to_service_mapping (
  id           bigserial   NOT NULL,
  offering_id  text        NOT NULL,
  cfs_spec_id  text        NOT NULL,
  rfs_spec_ids text[]      NOT NULL,
  tenant_id    text        NOT NULL DEFAULT 'DEFAULT',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk_product_to_service_mapping PRIMARY KEY (id),
  CONSTRAINT fk_product_to_service_mapping_offering_id_product_offering FOREIGN KEY (offering_id) REFERENCES catalog.product_offering (id),
  CONSTRAINT fk_product_to_service_mapping_cfs_spec_id_service_specification FOREIGN KEY (cfs_spec_id) REFERENCES catalog.service_specification (id),
  -- Makes the seed idempotent with ON CONFLICT instead of the reference's WHERE NOT EXISTS.
  CONSTRAINT uq_product_to_service_mapping_offering_cfs UNIQUE (offering_id, cfs_spec_id)
);
