-- CRM reference data (data-model §12.3): agents and SLA targets. Idempotent: re-run on every migrate.
INSERT INTO crm.agent (id, name, email, role, status) VALUES
  ('AGT-001', 'Alice Tan', 'alice.tan@bss-cli.local', 'csr', 'active'),
  ('AGT-002', 'Bob Lim', 'bob.lim@bss-cli.local', 'csr', 'active'),
  ('AGT-003', 'Carol Ng', 'carol.ng@bss-cli.local', 'supervisor', 'active'),
  ('AGT-004', 'Dave Koh', 'dave.koh@bss-cli.local', 'engineer', 'active'),
  ('AGT-SYS', 'System', 'system@bss-cli.local', 'system', 'active')
ON CONFLICT (id) DO NOTHING;

INSERT INTO crm.sla_policy (id, ticket_type, priority, target_resolution_minutes) VALUES
  ('SLA_BILLING_DISPUTE_LOW', 'billing_dispute', 'low', 2880),
  ('SLA_BILLING_DISPUTE_NORMAL', 'billing_dispute', 'normal', 1440),
  ('SLA_BILLING_DISPUTE_HIGH', 'billing_dispute', 'high', 480),
  ('SLA_BILLING_DISPUTE_URGENT', 'billing_dispute', 'urgent', 120),
  ('SLA_SERVICE_OUTAGE_LOW', 'service_outage', 'low', 480),
  ('SLA_SERVICE_OUTAGE_NORMAL', 'service_outage', 'normal', 240),
  ('SLA_SERVICE_OUTAGE_HIGH', 'service_outage', 'high', 60),
  ('SLA_SERVICE_OUTAGE_URGENT', 'service_outage', 'urgent', 30),
  ('SLA_CONFIGURATION_LOW', 'configuration', 'low', 2880),
  ('SLA_CONFIGURATION_NORMAL', 'configuration', 'normal', 1440),
  ('SLA_CONFIGURATION_HIGH', 'configuration', 'high', 720),
  ('SLA_CONFIGURATION_URGENT', 'configuration', 'urgent', 240)
ON CONFLICT (id) DO NOTHING;
