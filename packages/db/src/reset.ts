// Operational-data reset for scenarios: clears a service's operational tables in one transaction while
// reference data (catalog, agents, pools' identity) stays. Sequences are restarted too so ids read cleanly.
import { sql } from 'drizzle-orm';
import type { Tx } from './database.ts';

const QUALIFIED = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

/** TRUNCATEs `tables` (schema-qualified) with RESTART IDENTITY CASCADE. */
export async function truncateTables(tx: Tx, tables: string[]): Promise<void> {
  if (tables.length === 0) return;
  for (const t of tables) if (!QUALIFIED.test(t)) throw new Error(`not a schema-qualified table: ${t}`);
  await tx.execute(sql.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`));
}
