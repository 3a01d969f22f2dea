-- Mobile number portability requests (MNP). No FKs into the CRM core tables or the inventory schema: the
-- donor MSISDN may not be ours yet (port-in) and the subscription lives in another service.
CREATE TABLE crm.port_request (
  id                      text        PRIMARY KEY,
  direction               text        NOT NULL,
  donor_carrier           text        NOT NULL,
  donor_msisdn            text        NOT NULL,
  target_subscription_id  text,
  target_customer_id      text,
  requested_port_date     date        NOT NULL,
  state                   text        NOT NULL DEFAULT 'requested',
  rejection_reason        text,
  approved_at             timestamptz,
  completed_at            timestamptz,
  rejected_at             timestamptz,
  tenant_id               text        NOT NULL DEFAULT 'DEFAULT',
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  CONSTRAINT ck_port_request_direction CHECK (direction IN ('port_in', 'port_out')),
  CONSTRAINT ck_port_request_state CHECK (state IN ('requested', 'validated', 'approved', 'completed', 'rejected'))
);
-- backs port_request.create.donor_msisdn_unique_among_pending
CREATE UNIQUE INDEX uq_port_request_donor_pending ON crm.port_request (donor_msisdn, tenant_id)
  WHERE state IN ('requested', 'validated', 'approved');
CREATE INDEX ix_port_request_state_direction ON crm.port_request (state, direction, created_at DESC);
