-- Exact usage accounting: one row per rated usage record (usage_event_id), whatever became of it. The unique
-- key is the second guard after the inbox (a usage record re-rated under a new event id is still counted once);
-- requested = applied + overage for decremented rows, so the balances can be audited against the usage stream.
CREATE TABLE subscription.usage_consumption (
  tenant_id          text        NOT NULL DEFAULT 'DEFAULT',
  usage_event_id     text        NOT NULL,
  subscription_id    text        NOT NULL REFERENCES subscription.subscription (id),
  allowance_type     text        NOT NULL CHECK (allowance_type IN ('data', 'voice', 'sms', 'data_roaming')),
  requested_quantity bigint      NOT NULL CHECK (requested_quantity > 0),
  applied_quantity   bigint      NOT NULL CHECK (applied_quantity >= 0),
  overage_quantity   bigint      NOT NULL CHECK (overage_quantity >= 0),
  -- decremented | rejected (rule id in reason)
  outcome            text        NOT NULL CHECK (outcome IN ('decremented', 'rejected')),
  reason             text,
  -- the state of the line when the usage was applied (a blocked line's in-flight usage is still counted)
  line_state         text        NOT NULL,
  event_time         timestamptz NOT NULL,
  recorded_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, usage_event_id),
  CONSTRAINT ck_usage_consumption_split CHECK (outcome = 'rejected' OR applied_quantity + overage_quantity = requested_quantity)
);
CREATE INDEX ix_usage_consumption_subscription ON subscription.usage_consumption (subscription_id, recorded_at);
