// Scenario reset: clears orders, their items, history and cancellation requests.
import type { Tx } from '@bss/db';
import { truncateTables } from '@bss/db';
import type { ResetReport } from '@bss/server-kit';

const TABLES = ['order_mgmt.cancel_request', 'order_mgmt.order_state_history', 'order_mgmt.order_item', 'order_mgmt.product_order'];

export async function resetOrderData(tx: Tx): Promise<ResetReport[]> {
  await truncateTables(tx, TABLES);
  return [{ schema: 'order_mgmt', truncated: TABLES, updated: [] }];
}
