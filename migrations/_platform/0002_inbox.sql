-- Inbox of {{schema}}: one row per (event, consumer) handled, inserted in the handler's transaction so a
-- redelivered event is recognised and skipped (exactly-once effect over at-least-once delivery).
CREATE TABLE {{schema}}.inbox (
  event_id     uuid        NOT NULL,
  consumer     text        NOT NULL,
  event_type   text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, consumer)
);
