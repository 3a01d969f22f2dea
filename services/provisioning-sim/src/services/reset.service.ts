// Scenario reset: clears tasks and fault rules. Rules are operator-made here (none are seeded), and a rule a
// scenario left enabled would break the next one, so they are operational data too.
import type { Tx } from '@bss/db';
import { truncateTables } from '@bss/db';
import type { ResetReport } from '@bss/server-kit';

const TABLES = ['provisioning.task', 'provisioning.fault_rule'];

export async function resetProvisioningData(tx: Tx): Promise<ResetReport[]> {
  await truncateTables(tx, TABLES);
  return [{ schema: 'provisioning', truncated: TABLES, updated: [] }];
}
