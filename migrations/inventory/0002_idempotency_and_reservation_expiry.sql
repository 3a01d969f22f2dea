-- Idempotent inventory writes and expiring reservations.
--
-- A write that carries an idempotency key claims (tenant, caller, key) here in its own transaction and stores
-- its response before committing, so a redelivered consumer gets the first result back instead of a second
-- number; a concurrent duplicate blocks on the primary key until the first commits. `caller` is the service
-- identity of the perimeter token: one caller's keys can never replay (or reveal) another caller's results.
CREATE TABLE inventory.idempotency_key (
  tenant_id        text        NOT NULL,
  caller           text        NOT NULL,
  idempotency_key  text        NOT NULL,
  -- the write it was first used for (e.g. msisdn.reserve_next) and the canonical JSON of its request
  operation        text        NOT NULL,
  request          text        NOT NULL,
  -- written in the same transaction as the claim, so a committed row always has it
  response         jsonb,
  created_at       timestamptz NOT NULL,
  CONSTRAINT pk_idempotency_key PRIMARY KEY (tenant_id, caller, idempotency_key)
);

-- The expiry worker's scans: reservations by age. An eSIM counts as assigned once it names a subscription.
CREATE INDEX ix_msisdn_pool_reserved_at ON inventory.msisdn_pool (reserved_at, msisdn) WHERE status = 'reserved';
CREATE INDEX ix_esim_profile_reserved_at ON inventory.esim_profile (reserved_at, iccid)
  WHERE profile_state = 'reserved' AND assigned_to_subscription_id IS NULL;
