// One state move of a line: the table decides (subscription.transition.invalid otherwise), the row takes the new
// state and reason, and the history records it — in the caller's transaction, on a row the caller has locked.
import type { Tx } from '@bss/db';
import { currentContext } from '@bss/telemetry';
import { subscriptionStateMachine, type SubscriptionTrigger } from '../domain/subscription.state.ts';
import { insertHistory, updateSubscription, type NewSubscription } from '../repositories/subscription.repository.ts';
import type { SubscriptionRow } from '../schema.ts';

export async function transition(
  tx: Tx,
  row: SubscriptionRow,
  trigger: SubscriptionTrigger,
  reason: string,
  now: Date,
  extra: Partial<NewSubscription> = {},
): Promise<SubscriptionRow> {
  const to = subscriptionStateMachine.transition(row.state, trigger, { subscriptionId: row.id });
  const updated = await updateSubscription(tx, row.id, { ...extra, state: to, stateReason: reason, updatedAt: now });
  await insertHistory(tx, { subscriptionId: row.id, fromState: row.state, toState: to, trigger, reason, changedBy: currentContext().actor, occurredAt: now });
  return updated;
}
