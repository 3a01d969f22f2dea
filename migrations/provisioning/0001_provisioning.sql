-- Provisioning simulator schema: one task per (service order, task type) and the operator's fault rules.
-- Ids are minted in the service (PTK-…, FLT-…).

CREATE TABLE provisioning.task (
  id               text        PRIMARY KEY,
  tenant_id        text        NOT NULL DEFAULT 'DEFAULT',
  service_order_id text        NOT NULL,
  order_id         text        NOT NULL,
  customer_id      text        NOT NULL,
  service_id       text        NOT NULL,
  offering_id      text        NOT NULL,
  task_type        text        NOT NULL CHECK (task_type IN ('HLR_PROVISION', 'PCRF_POLICY_PUSH', 'OCS_BALANCE_INIT', 'ESIM_PROFILE_PREPARE')),
  msisdn           text        NOT NULL,
  iccid            text        NOT NULL,
  imsi             text        NOT NULL,
  -- The provisioning.task.created event that asked for the task: the causation of the runner's events.
  request_event_id uuid        NOT NULL,
  -- 'running' is only ever seen inside the attempt's own transaction (see DECISIONS: provisioning execution).
  state            text        NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'failed', 'stuck', 'abandoned')),
  attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts     integer     NOT NULL CHECK (max_attempts >= 1),
  -- Meaningful for failed tasks: true → the order fails; false → an operator retries or abandons.
  permanent        boolean     NOT NULL DEFAULT false,
  last_error       text,
  -- The operator's latest resolve / abandon note.
  operator_note    text,
  started_at       timestamptz,
  completed_at     timestamptz,
  ended_at         timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  -- One task per (service order, task type): a redelivered or re-staged request creates nothing new.
  CONSTRAINT uq_task_service_order_type UNIQUE (service_order_id, task_type),
  CONSTRAINT ck_task_permanent_only_when_failed CHECK (NOT permanent OR state IN ('failed', 'abandoned'))
);
-- The runner's claim query: pending tasks, oldest first.
CREATE INDEX ix_task_pending ON provisioning.task (created_at, id) WHERE state = 'pending';
CREATE INDEX ix_task_list ON provisioning.task (tenant_id, created_at DESC, id DESC);
CREATE INDEX ix_task_service ON provisioning.task (service_id);

CREATE TABLE provisioning.fault_rule (
  id          text         PRIMARY KEY,
  -- Creation order (the tie-break among rules of equal specificity), independent of the scenario clock.
  seq         bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
  -- NULL: the rule applies to every task type.
  task_type   text         CHECK (task_type IN ('HLR_PROVISION', 'PCRF_POLICY_PUSH', 'OCS_BALANCE_INIT', 'ESIM_PROFILE_PREPARE')),
  mode        text         NOT NULL CHECK (mode IN ('fail_first_attempt', 'fail_always', 'stuck', 'slow')),
  probability numeric(7,6) NOT NULL CHECK (probability >= 0 AND probability <= 1),
  permanent   boolean      NOT NULL DEFAULT false,
  enabled     boolean      NOT NULL,
  created_at  timestamptz  NOT NULL,
  updated_at  timestamptz  NOT NULL,
  CONSTRAINT ck_fault_rule_permanent_fail_always CHECK (NOT permanent OR mode = 'fail_always')
);
