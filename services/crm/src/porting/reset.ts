// Operational reset of number porting (called by the CRM reset in its transaction): port requests are
// operational data, so they are truncated (v1.7 kept them across resets, api-surface §13.20).
import { truncateTables, type Tx } from '@bss/db';

const TABLES = ['crm.port_request'];

export async function resetPorting(tx: Tx): Promise<string[]> {
  await truncateTables(tx, TABLES);
  return [...TABLES];
}
