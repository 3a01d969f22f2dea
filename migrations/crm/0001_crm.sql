-- CRM core: parties, customers, contact mediums, KYC identity, agents, interactions, cases, tickets, SLA,
-- chat transcripts. Business timestamps come from the app clock; created_at/updated_at are DB time.

CREATE TABLE crm.party (
  id text PRIMARY KEY,
  party_type text NOT NULL DEFAULT 'individual',
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crm.individual (
  party_id text PRIMARY KEY REFERENCES crm.party(id),
  given_name text NOT NULL,
  family_name text NOT NULL DEFAULT '',
  date_of_birth date,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crm.contact_medium (
  id text PRIMARY KEY,
  party_id text NOT NULL REFERENCES crm.party(id),
  medium_type text NOT NULL CHECK (medium_type IN ('email', 'phone', 'postal')),
  value text NOT NULL,
  is_primary boolean NOT NULL DEFAULT false,
  valid_from timestamptz,
  valid_to timestamptz,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_contact_medium_party ON crm.contact_medium (party_id);
-- Backs customer.create.email_unique: one live medium per email address (case-insensitive, all tenants).
CREATE UNIQUE INDEX uq_contact_medium_email_live ON crm.contact_medium (lower(value))
  WHERE valid_to IS NULL AND medium_type = 'email';

CREATE TABLE crm.customer (
  id text PRIMARY KEY,
  party_id text NOT NULL UNIQUE REFERENCES crm.party(id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'suspended', 'closed')),
  status_reason text,
  customer_since timestamptz,
  kyc_status text NOT NULL DEFAULT 'not_verified' CHECK (kyc_status IN ('not_verified', 'pending', 'verified', 'rejected', 'expired')),
  kyc_verified_at timestamptz,
  kyc_verification_method text,
  kyc_reference text,
  kyc_expires_at timestamptz,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_customer_status ON crm.customer (status);

-- One KYC identity per customer. The raw document number is never stored: only its last 4 characters and a
-- domain-separated SHA-256 (see domain/kyc.ts).
CREATE TABLE crm.customer_identity (
  customer_id text PRIMARY KEY REFERENCES crm.customer(id),
  document_type text NOT NULL,
  document_hash text NOT NULL,
  document_number_last4 varchar(4) NOT NULL,
  document_country text NOT NULL,
  date_of_birth date NOT NULL,
  nationality text,
  provider text NOT NULL,
  provider_reference text NOT NULL,
  verified_at timestamptz NOT NULL,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Backs customer.attest_kyc.document_hash_unique_per_tenant.
CREATE UNIQUE INDEX uq_customer_identity_doc ON crm.customer_identity (tenant_id, document_hash);

CREATE TABLE crm.agent (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text UNIQUE,
  role text CHECK (role IN ('csr', 'supervisor', 'engineer', 'system')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'terminated')),
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crm."case" (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES crm.customer(id),
  subject text NOT NULL,
  description text,
  state text NOT NULL DEFAULT 'open',
  priority text NOT NULL DEFAULT 'normal',
  category text NOT NULL DEFAULT 'general',
  resolution_code text,
  opened_by_agent_id text REFERENCES crm.agent(id),
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  chat_transcript_hash text,
  seq bigserial NOT NULL,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_case_customer ON crm."case" (customer_id, opened_at DESC);

CREATE TABLE crm.case_note (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES crm."case"(id),
  author_agent_id text REFERENCES crm.agent(id),
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  tenant_id text NOT NULL DEFAULT 'DEFAULT'
);
CREATE INDEX ix_case_note_case ON crm.case_note (case_id, created_at);

CREATE TABLE crm.ticket (
  id text PRIMARY KEY,
  case_id text REFERENCES crm."case"(id),
  customer_id text NOT NULL REFERENCES crm.customer(id),
  ticket_type text NOT NULL,
  subject text NOT NULL,
  description text,
  state text NOT NULL DEFAULT 'open',
  priority text NOT NULL DEFAULT 'normal',
  assigned_to_agent_id text REFERENCES crm.agent(id),
  resolution_notes text,
  opened_at timestamptz NOT NULL,
  state_changed_at timestamptz NOT NULL,
  resolved_at timestamptz,
  closed_at timestamptz,
  seq bigserial NOT NULL,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_ticket_customer ON crm.ticket (customer_id, opened_at DESC);
CREATE INDEX ix_ticket_case ON crm.ticket (case_id);

CREATE TABLE crm.ticket_state_history (
  id bigserial PRIMARY KEY,
  ticket_id text NOT NULL REFERENCES crm.ticket(id),
  from_state text,
  to_state text NOT NULL,
  trigger text,
  changed_by_agent_id text REFERENCES crm.agent(id),
  reason text,
  event_time timestamptz NOT NULL,
  tenant_id text NOT NULL DEFAULT 'DEFAULT'
);

CREATE TABLE crm.interaction (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES crm.customer(id),
  channel text NOT NULL,
  direction text NOT NULL DEFAULT 'inbound' CHECK (direction IN ('inbound', 'outbound')),
  summary text NOT NULL,
  body text,
  actor text,
  agent_id text REFERENCES crm.agent(id),
  related_case_id text REFERENCES crm."case"(id),
  related_ticket_id text REFERENCES crm.ticket(id),
  occurred_at timestamptz NOT NULL,
  -- Insertion order: breaks ties between interactions logged at the same business instant (frozen clock).
  seq bigserial NOT NULL,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_interaction_customer ON crm.interaction (customer_id, occurred_at DESC, seq DESC);

CREATE TABLE crm.sla_policy (
  id text PRIMARY KEY,
  ticket_type text NOT NULL,
  priority text NOT NULL,
  target_resolution_minutes bigint NOT NULL,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Chat transcripts are content-addressed (hash = sha256(body)) and append-only: rows can be inserted and
-- truncated (operational reset) but never updated or deleted one by one.
CREATE TABLE crm.chat_transcript (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  customer_id text REFERENCES crm.customer(id),
  body text NOT NULL,
  recorded_at timestamptz NOT NULL,
  tenant_id text NOT NULL DEFAULT 'DEFAULT',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION crm.chat_transcript_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'crm.chat_transcript is append-only';
END $$;
CREATE TRIGGER trg_chat_transcript_append_only BEFORE UPDATE OR DELETE ON crm.chat_transcript
  FOR EACH ROW EXECUTE FUNCTION crm.chat_transcript_append_only();
