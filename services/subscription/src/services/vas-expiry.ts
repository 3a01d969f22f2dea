// Applying the expiry of a line's top-ups, on a line the caller has locked: a finite top-up takes back its
// unused part; a day pass simply ends (its window is on the balance). An active line whose data is then
// exhausted is blocked — a top-up that ran out stops the service like usage that ran out does.
import type { Tx } from '@bss/db';
import type { SubscriptionDeps } from '../deps.ts';
import { effectiveLevel, expiryTakeBack, isExhausted } from '../domain/consumption.ts';
import { subscriptionBlocked, subscriptionExhausted, vasExpired } from '../events/lifecycle.events.ts';
import { lockBalance, lockBalances, setBalance } from '../repositories/lifecycle.repository.ts';
import { dueVasOf, markVasExpired } from '../repositories/vas.repository.ts';
import type { SubscriptionRow } from '../schema.ts';
import { transition } from './transition.ts';

/** Applies the due expiries of `sub` (locked) at `now`; returns the line as it is afterwards. */
export async function applyVasExpiry(tx: Tx, deps: Pick<SubscriptionDeps, 'outbox'>, sub: SubscriptionRow, now: Date): Promise<SubscriptionRow> {
  const due = await dueVasOf(tx, sub.id, now);
  if (due.length === 0) return sub;
  for (const p of due) {
    const balance = await lockBalance(tx, sub.id, p.allowanceType);
    const takenBack = balance && p.quantity > 0 ? expiryTakeBack(balance, p.quantity) : 0;
    if (balance && takenBack > 0) await setBalance(tx, sub.id, p.allowanceType, { total: balance.total - takenBack }, now);
    await markVasExpired(tx, p.id, now, takenBack);
    await deps.outbox.stage(tx, vasExpired(sub, p, takenBack));
  }
  if (sub.state !== 'active') return sub;
  const data = (await lockBalances(tx, sub.id)).find((b) => b.allowanceType === 'data');
  if (!data || !isExhausted(effectiveLevel(data, now))) return sub;
  const blocked = await transition(tx, sub, 'exhaust', 'primary_allowance_exhausted', now);
  await deps.outbox.stage(tx, subscriptionExhausted(blocked, { usageEventId: null, total: data.total, consumed: data.consumed, overage: 0 }));
  await deps.outbox.stage(tx, subscriptionBlocked(blocked, 'exhausted', sub.state));
  return blocked;
}
