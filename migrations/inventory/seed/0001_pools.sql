-- Seed pools (idempotent, re-run on every migrate): 1,000 MSISDNs 90000000–90000999 and 1,000 eSIM profiles.
-- Random ki_ref / matching_id are drawn once: ON CONFLICT DO NOTHING keeps the first run's values.
INSERT INTO inventory.msisdn_pool (msisdn, status, origin)
SELECT '9000' || lpad(i::text, 4, '0'), 'available', 'seed'
FROM generate_series(0, 999) AS i
ON CONFLICT (msisdn) DO NOTHING;

INSERT INTO inventory.esim_profile (iccid, imsi, ki_ref, profile_state, smdp_server, matching_id)
SELECT '8910101' || lpad(i::text, 12, '0'),
       '525010000' || lpad(i::text, 6, '0'),
       'hsm://ref/' || gen_random_uuid()::text,
       'available',
       'smdp.bss-cli.local',
       substr(md5(random()::text || clock_timestamp()::text || i::text), 1, 16)
FROM generate_series(0, 999) AS i
ON CONFLICT (iccid) DO NOTHING;
