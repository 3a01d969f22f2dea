// Scenario reset: clears service orders, services and task progress (ids are minted, nothing to restart).
import type { Tx } from '@bss/db';
import { truncateTables } from '@bss/db';
import type { ResetReport } from '@bss/server-kit';

const TABLES = ['service_inventory.provisioning_task', 'service_inventory.service', 'service_inventory.service_order'];

export async function resetSomData(tx: Tx): Promise<ResetReport[]> {
  await truncateTables(tx, TABLES);
  return [{ schema: 'service_inventory', truncated: TABLES, updated: [] }];
}
