-- Correlation and causation of {{schema}}'s events: correlation_id names the business flow an event belongs
-- to (e.g. the order id), causation_id the event whose handling staged this one (NULL for a direct write).
ALTER TABLE {{schema}}.outbox ADD COLUMN correlation_id text;
ALTER TABLE {{schema}}.outbox ADD COLUMN causation_id uuid;
CREATE INDEX outbox_correlation_idx ON {{schema}}.outbox (correlation_id) WHERE correlation_id IS NOT NULL;
