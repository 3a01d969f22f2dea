-- Inventory pools owned by the CRM service: MSISDNs and eSIM profiles. Status columns are text with CHECKs;
-- the legal moves live in services/crm/src/inventory/domain/*.state.ts. Keys are the natural numbers (msisdn, iccid).
CREATE TABLE inventory.msisdn_pool (
  msisdn                       text        PRIMARY KEY,
  status                       text        NOT NULL DEFAULT 'available',
  -- where the number came from: the reset keeps seed/range numbers and deletes port-in ones
  origin                       text        NOT NULL DEFAULT 'seed',
  reserved_at                  timestamptz,
  assigned_at                  timestamptz,
  assigned_to_subscription_id  text,
  assigned_to_customer_id      text,
  ported_out_at                timestamptz,
  port_request_id              text,
  tenant_id                    text        NOT NULL DEFAULT 'DEFAULT',
  created_at                   timestamptz NOT NULL DEFAULT now(),
  updated_at                   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ck_msisdn_pool_status CHECK (status IN ('available', 'reserved', 'assigned', 'ported_out')),
  CONSTRAINT ck_msisdn_pool_origin CHECK (origin IN ('seed', 'range', 'port_in')),
  CONSTRAINT ck_msisdn_pool_digits CHECK (msisdn ~ '^[0-9]{6,15}$'),
  -- an assigned number always names its subscription (the v1.7 defect: links were never written)
  CONSTRAINT ck_msisdn_pool_assigned_link CHECK (status <> 'assigned' OR assigned_to_subscription_id IS NOT NULL)
);
CREATE INDEX ix_msisdn_pool_status ON inventory.msisdn_pool (tenant_id, status, msisdn);
CREATE INDEX ix_msisdn_pool_subscription ON inventory.msisdn_pool (assigned_to_subscription_id)
  WHERE assigned_to_subscription_id IS NOT NULL;

CREATE TABLE inventory.esim_profile (
  iccid                        text        PRIMARY KEY,
  imsi                         text        NOT NULL,
  -- HSM reference to the Ki; the Ki itself never enters the BSS and ki_ref is never served
  ki_ref                       text        NOT NULL,
  profile_state                text        NOT NULL DEFAULT 'available',
  smdp_server                  text        NOT NULL,
  matching_id                  text        NOT NULL,
  assigned_msisdn              text        REFERENCES inventory.msisdn_pool (msisdn),
  assigned_to_subscription_id  text,
  assigned_to_customer_id      text,
  reserved_at                  timestamptz,
  downloaded_at                timestamptz,
  activated_at                 timestamptz,
  tenant_id                    text        NOT NULL DEFAULT 'DEFAULT',
  created_at                   timestamptz NOT NULL DEFAULT now(),
  updated_at                   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_esim_profile_imsi UNIQUE (imsi),
  CONSTRAINT uq_esim_profile_matching_id UNIQUE (matching_id),
  CONSTRAINT ck_esim_profile_state CHECK (profile_state IN ('available', 'reserved', 'downloaded', 'activated'))
);
CREATE INDEX ix_esim_profile_state ON inventory.esim_profile (tenant_id, profile_state, iccid);
-- one live profile per number
CREATE UNIQUE INDEX uq_esim_profile_assigned_msisdn ON inventory.esim_profile (assigned_msisdn)
  WHERE assigned_msisdn IS NOT NULL;
