-- Transactional outbox and audit trail of {{schema}}: one row per domain event, written in the same
-- transaction as the state change. The relay publishes rows with published_at IS NULL and stamps them.
-- Per-schema (not one shared table) so each service can later move to its own database unchanged.
CREATE TABLE {{schema}}.outbox (
  id                bigserial PRIMARY KEY,
  event_id          uuid        NOT NULL,
  event_type        text        NOT NULL,
  aggregate_type    text        NOT NULL,
  aggregate_id      text        NOT NULL,
  occurred_at       timestamptz NOT NULL,
  actor             text        NOT NULL,
  channel           text        NOT NULL,
  tenant_id         text        NOT NULL DEFAULT 'DEFAULT',
  service_identity  text        NOT NULL DEFAULT 'default',
  request_id        text,
  trace_id          text,
  traceparent       text,
  schema_version    smallint    NOT NULL DEFAULT 1,
  payload           jsonb       NOT NULL,
  published_at      timestamptz,
  publish_attempts  integer     NOT NULL DEFAULT 0,
  last_publish_error text,
  CONSTRAINT outbox_event_id_key UNIQUE (event_id)
);
CREATE INDEX outbox_unpublished_idx ON {{schema}}.outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_aggregate_idx ON {{schema}}.outbox (aggregate_type, aggregate_id, occurred_at);
CREATE INDEX outbox_type_time_idx ON {{schema}}.outbox (event_type, occurred_at);
CREATE INDEX outbox_trace_idx ON {{schema}}.outbox (trace_id) WHERE trace_id IS NOT NULL;
