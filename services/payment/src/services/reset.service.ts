// Scenario reset: clears cards on file and charge attempts. The id sequences are plain sequences not owned
// by a column, so TRUNCATE … RESTART IDENTITY leaves them alone and ids keep counting after a reset.
import type { Tx } from '@bss/db';
import { truncateTables } from '@bss/db';
import type { ResetReport } from '@bss/server-kit';

const TABLES = ['payment.payment_attempt', 'payment.payment_method'];

export async function resetPaymentData(tx: Tx): Promise<ResetReport[]> {
  await truncateTables(tx, TABLES);
  return [{ schema: 'payment', truncated: TABLES, updated: [] }];
}
