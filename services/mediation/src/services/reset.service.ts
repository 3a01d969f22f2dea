// Scenario reset: clears the usage records (ids are minted, not sequenced, so nothing else to keep).
import type { Tx } from '@bss/db';
import { truncateTables } from '@bss/db';
import type { ResetReport } from '@bss/server-kit';

const TABLES = ['mediation.usage'];

export async function resetMediationData(tx: Tx): Promise<ResetReport[]> {
  await truncateTables(tx, TABLES);
  return [{ schema: 'mediation', truncated: TABLES, updated: [] }];
}
