// Scenario reset: clears subscriptions, balances, history, usage accounting, VAS purchases and recorded activation outcomes.
import type { Tx } from '@bss/db';
import { truncateTables } from '@bss/db';
import type { ResetReport } from '@bss/server-kit';

const TABLES = [
  'subscription.charge',
  'subscription.usage_consumption',
  'subscription.vas_purchase',
  'subscription.activation', 'subscription.bundle_balance', 'subscription.subscription_state_history', 'subscription.subscription',
];

export async function resetSubscriptionData(tx: Tx): Promise<ResetReport[]> {
  await truncateTables(tx, TABLES);
  return [{ schema: 'subscription', truncated: TABLES, updated: [] }];
}
