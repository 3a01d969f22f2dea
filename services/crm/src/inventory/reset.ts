// Operational reset of the pools (called by the CRM reset in its transaction). Restores the seeded state:
// every eSIM available with links cleared; every number available with links/timestamps cleared, including
// ported-out ones. Port-in numbers are DELETED: they entered through an MNP transaction (operational data)
// and a scenario re-running that port-in must find them absent. Seed and add-range numbers stay (operator stock).
// Idempotency keys of inventory writes are forgotten.
import { truncateTables, type Tx } from '@bss/db';
import type { ResetReport } from '@bss/server-kit';
import { sql } from 'drizzle-orm';

export async function resetInventory(tx: Tx): Promise<ResetReport> {
  // eSIMs first: they reference numbers (assigned_msisdn FK) that the next statements delete
  await tx.execute(sql`
    UPDATE inventory.esim_profile SET profile_state = 'available', assigned_msisdn = NULL,
      assigned_to_subscription_id = NULL, assigned_to_customer_id = NULL,
      reserved_at = NULL, downloaded_at = NULL, activated_at = NULL, ever_assigned = false, updated_at = now()
    WHERE profile_state <> 'available' OR ever_assigned OR assigned_msisdn IS NOT NULL OR assigned_to_subscription_id IS NOT NULL
      OR assigned_to_customer_id IS NOT NULL OR reserved_at IS NOT NULL`);
  await tx.execute(sql`DELETE FROM inventory.msisdn_pool WHERE origin = 'port_in'`);
  await tx.execute(sql`
    UPDATE inventory.msisdn_pool SET status = 'available', reserved_at = NULL, assigned_at = NULL,
      assigned_to_subscription_id = NULL, assigned_to_customer_id = NULL, ported_out_at = NULL,
      port_request_id = NULL, ever_assigned = false, quarantined_until = NULL, updated_at = now()
    WHERE status <> 'available' OR ever_assigned OR reserved_at IS NOT NULL OR assigned_to_subscription_id IS NOT NULL
      OR assigned_to_customer_id IS NOT NULL OR port_request_id IS NOT NULL OR quarantined_until IS NOT NULL`);
  // remembered responses describe the state just wiped: a replay after the reset must run afresh
  await truncateTables(tx, ['inventory.idempotency_key']);
  return { schema: 'inventory', truncated: ['inventory.idempotency_key'], updated: ['inventory.esim_profile', 'inventory.msisdn_pool'] };
}
