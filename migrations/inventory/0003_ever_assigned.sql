-- TMF639 DELETE removes only resources that never served anyone. Release and recycle clear every link and
-- timestamp (the row returns to the pool as new), so the fact "this was once assigned" needs its own column:
-- set by MSISDN assign and by binding a number to an eSIM profile, never cleared (an operational reset
-- restores the seeded state and clears it with the rest).
ALTER TABLE inventory.msisdn_pool ADD COLUMN ever_assigned boolean NOT NULL DEFAULT false;
ALTER TABLE inventory.esim_profile ADD COLUMN ever_assigned boolean NOT NULL DEFAULT false;
UPDATE inventory.msisdn_pool SET ever_assigned = true WHERE status IN ('assigned', 'ported_out') OR assigned_at IS NOT NULL;
UPDATE inventory.esim_profile SET ever_assigned = true
  WHERE assigned_msisdn IS NOT NULL OR assigned_to_subscription_id IS NOT NULL OR profile_state IN ('downloaded', 'activated');
