-- Catalog reference data (data-model §12.1), re-run on every migrate: inserts only, never overwrites.
-- last_update: the catalog's publication instant (business time; the seed has no scenario clock to ask).
INSERT INTO catalog.product_specification (id, name, description, brand, lifecycle_status, last_update) VALUES
  ('SPEC_MOBILE_PREPAID', 'Mobile Prepaid Bundle', 'Bundled prepaid mobile plan', 'BSS-CLI', 'active', '2026-01-01T00:00:00Z')
ON CONFLICT (id) DO NOTHING;

INSERT INTO catalog.product_offering (id, name, spec_id, is_sellable, was_sellable, lifecycle_status, valid_from, valid_to, last_update) VALUES
  ('PLAN_S', 'Lite',     'SPEC_MOBILE_PREPAID', true, true, 'active', NULL, NULL, '2026-01-01T00:00:00Z'),
  ('PLAN_M', 'Standard', 'SPEC_MOBILE_PREPAID', true, true, 'active', NULL, NULL, '2026-01-01T00:00:00Z'),
  ('PLAN_L', 'Max',      'SPEC_MOBILE_PREPAID', true, true, 'active', NULL, NULL, '2026-01-01T00:00:00Z')
ON CONFLICT (id) DO NOTHING;

INSERT INTO catalog.product_offering_price
  (id, offering_id, name, lifecycle_status, price_type, recurring_period_length, recurring_period_type, amount, currency, valid_from, valid_to, last_update) VALUES
  ('PRICE_PLAN_S', 'PLAN_S', 'Lite monthly',     'active', 'recurring', 1, 'month', 10.00, 'SGD', NULL, NULL, '2026-01-01T00:00:00Z'),
  ('PRICE_PLAN_M', 'PLAN_M', 'Standard monthly', 'active', 'recurring', 1, 'month', 25.00, 'SGD', NULL, NULL, '2026-01-01T00:00:00Z'),
  ('PRICE_PLAN_L', 'PLAN_L', 'Max monthly',      'active', 'recurring', 1, 'month', 45.00, 'SGD', NULL, NULL, '2026-01-01T00:00:00Z')
ON CONFLICT (id) DO NOTHING;

-- Quantities in base units (mb, minutes, count); -1 = unlimited.
INSERT INTO catalog.bundle_allowance (id, offering_id, allowance_type, quantity, unit) VALUES
  ('BA_S_DATA',  'PLAN_S', 'data',         5120,   'mb'),
  ('BA_S_VOICE', 'PLAN_S', 'voice',        100,    'minutes'),
  ('BA_S_SMS',   'PLAN_S', 'sms',          100,    'count'),
  ('BA_S_ROAM',  'PLAN_S', 'data_roaming', 0,      'mb'),
  ('BA_M_DATA',  'PLAN_M', 'data',         30720,  'mb'),
  ('BA_M_VOICE', 'PLAN_M', 'voice',        -1,     'minutes'),
  ('BA_M_SMS',   'PLAN_M', 'sms',          -1,     'count'),
  ('BA_M_ROAM',  'PLAN_M', 'data_roaming', 500,    'mb'),
  ('BA_L_DATA',  'PLAN_L', 'data',         153600, 'mb'),
  ('BA_L_VOICE', 'PLAN_L', 'voice',        -1,     'minutes'),
  ('BA_L_SMS',   'PLAN_L', 'sms',          -1,     'count'),
  ('BA_L_ROAM',  'PLAN_L', 'data_roaming', 2048,   'mb')
ON CONFLICT (id) DO NOTHING;

INSERT INTO catalog.vas_offering
  (id, name, price_amount, currency, allowance_type, allowance_quantity, allowance_unit, expiry_hours) VALUES
  ('VAS_DATA_1GB',      'Data Top-Up 1GB',         3.00,  'SGD', 'data',         1024, 'mb', NULL),
  ('VAS_DATA_5GB',      'Data Top-Up 5GB',         12.00, 'SGD', 'data',         5120, 'mb', NULL),
  ('VAS_UNLIMITED_DAY', 'Unlimited Data Day Pass', 5.00,  'SGD', 'data',         -1,   'mb', 24),
  ('VAS_ROAMING_1GB',   'Roaming Data 1GB',        8.00,  'SGD', 'data_roaming', 1024, 'mb', NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO catalog.service_specification (id, name, type, parameters) VALUES
  ('SSPEC_CFS_MOBILE_BROADBAND', 'Mobile Broadband CFS', 'CFS', '{}'::jsonb),
  ('SSPEC_RFS_DATA_BEARER',      'Data Bearer RFS',      'RFS', '{}'::jsonb),
  ('SSPEC_RFS_VOICE_BEARER',     'Voice Bearer RFS',     'RFS', '{}'::jsonb)
ON CONFLICT (id) DO NOTHING;

INSERT INTO catalog.product_to_service_mapping (offering_id, cfs_spec_id, rfs_spec_ids) VALUES
  ('PLAN_S', 'SSPEC_CFS_MOBILE_BROADBAND', ARRAY['SSPEC_RFS_DATA_BEARER', 'SSPEC_RFS_VOICE_BEARER']),
  ('PLAN_M', 'SSPEC_CFS_MOBILE_BROADBAND', ARRAY['SSPEC_RFS_DATA_BEARER', 'SSPEC_RFS_VOICE_BEARER']),
  ('PLAN_L', 'SSPEC_CFS_MOBILE_BROADBAND', ARRAY['SSPEC_RFS_DATA_BEARER', 'SSPEC_RFS_VOICE_BEARER'])
ON CONFLICT (offering_id, cfs_spec_id) DO NOTHING;
