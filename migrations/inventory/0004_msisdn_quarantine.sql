-- A number released from service (its line terminated) rests in quarantine before it is sold again, so calls
-- and messages meant for the previous holder do not reach a new customer (the reference resold it at once).
-- It stays `available` in the state table; reservation skips it until quarantined_until (injected clock).
ALTER TABLE inventory.msisdn_pool ADD COLUMN quarantined_until timestamptz;
