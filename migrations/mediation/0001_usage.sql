-- Mediation schema: usage records that passed the edge checks (TMF635 Usage). Refused records are never stored;
-- only their `usage.rejected` event is (in the outbox).
--
-- One plain table, not partitioned (decided in DECISIONS.md 2026-12-01): rows are append-only and narrow, every
-- read is by id or by (tenant, line/subscription, time) through the indexes below, and a prepaid operator of this
-- size writes well under the volume where partition pruning or detach-to-drop pays back its cost (partitioned
-- tables cannot carry the global unique index that makes an external id count once). If retention of usage rows
-- is ever needed, range-partition on event_time then, with the idempotency index per partition plus a window.
CREATE TABLE mediation.usage (
  id              text        PRIMARY KEY,
  tenant_id       text        NOT NULL DEFAULT 'DEFAULT',
  msisdn          text        NOT NULL,
  subscription_id text        NOT NULL,
  customer_id     text        NOT NULL,
  offering_id     text        NOT NULL,
  event_type      text        NOT NULL CHECK (event_type IN ('data', 'voice', 'sms')),
  event_time      timestamptz NOT NULL,
  quantity        bigint      NOT NULL CHECK (quantity > 0),
  unit            text        NOT NULL CHECK (unit IN ('mb', 'minutes', 'count')),
  roaming         boolean     NOT NULL DEFAULT false,
  source          text        NOT NULL,
  -- The sender's own id of the record; the same id twice is stored (and so rated and decremented) once.
  external_id     text,
  description     text,
  created_at      timestamptz NOT NULL,
  -- An event type has exactly one canonical unit; the edge policy refuses any other, this keeps it so.
  CONSTRAINT ck_usage_unit_of_event_type CHECK (
    (event_type = 'data' AND unit = 'mb') OR (event_type = 'voice' AND unit = 'minutes') OR (event_type = 'sms' AND unit = 'count'))
);
-- Idempotency of the ingest: one record per sender id and tenant (tenants' senders do not share an id space).
CREATE UNIQUE INDEX uq_usage_external_id ON mediation.usage (tenant_id, external_id) WHERE external_id IS NOT NULL;
-- The list filters: by line or by subscription, newest event first.
CREATE INDEX ix_usage_msisdn_time ON mediation.usage (tenant_id, msisdn, event_time DESC, id DESC);
CREATE INDEX ix_usage_subscription_time ON mediation.usage (tenant_id, subscription_id, event_time DESC, id DESC);
CREATE INDEX ix_usage_time ON mediation.usage (tenant_id, event_time DESC, id DESC);
