// Operational reset for scenarios: clears CRM-core operational tables (customers, cases, tickets, notes,
// interactions, KYC identities, transcripts) and delegates to the inventory and porting modules. Agents and SLA stay.
import { truncateTables, type Tx } from '@bss/db';
import type { ResetReport } from '@bss/server-kit';
import { resetInventory } from './inventory/reset.ts';
import { resetPorting } from './porting/reset.ts';

/** CRM-core operational tables, children first (one TRUNCATE … CASCADE handles the order anyway). */
export const CRM_OPERATIONAL_TABLES = [
  'crm.ticket_state_history',
  'crm.ticket',
  'crm.case_note',
  'crm.case',
  'crm.interaction',
  'crm.chat_transcript',
  'crm.customer_identity',
  'crm.customer',
  'crm.contact_medium',
  'crm.individual',
  'crm.party',
];

/** Resets everything the CRM service owns, in the caller's transaction. */
export async function resetCrm(tx: Tx): Promise<ResetReport[]> {
  const porting = await resetPorting(tx);
  await truncateTables(tx, CRM_OPERATIONAL_TABLES);
  const inventory = await resetInventory(tx);
  return [{ schema: 'crm', truncated: [...CRM_OPERATIONAL_TABLES, ...porting], updated: [] }, inventory];
}
