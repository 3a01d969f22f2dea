// Applying rated usage to a line's bundle balance (block-on-exhaust), inside the consumer's transaction that also
// holds the inbox rows. A batch of usages is applied per line — every line of the batch locked once, in id order
// (so two batches never wait on each other in a cycle), each line's usages in delivery order — with the effect
// of applying them one at a time; a single usage is a batch of one. Per line, in order:
//   1. lock the subscription row (every writer of a line serialises here), then look the usage records up in
//      usage_consumption — a record re-rated under another event id (or twice in the batch) is counted once;
//      due top-up expiries are applied first (a day pass makes the balance unlimited while it runs);
//   2. a terminated (or never-activated) line, a roaming usage without roaming balance, or a type the plan has
//      no balance for is rejected with its rule id (subscription.usage_rejected) and the state is untouched;
//   3. otherwise the balance is decremented: the usage that crosses zero takes the balance to exactly 0 and the
//      rest is recorded as overage; usage of a blocked line that was in flight is counted the same way (it
//      cannot go below zero and never unblocks);
//   4. an active line whose data balance is now zero is blocked at that usage, in the same transaction
//      (subscription.exhausted + subscription.blocked), and the usages after it count as a blocked line's.
//      Roaming, voice and sms never block.
// Each step is one statement for the whole batch (lock the lines, look the records up, find due top-ups, lock
// the balances, insert the consumption rows, write the touched balances); the balances are followed in memory
// in between. Events are staged in the order one-at-a-time application would stage them, each in its usage's
// context. A batch of 50 usages over 10 lines is ~8 round trips instead of ~450.
import type { EventPayload } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { SubscriptionDeps } from '../deps.ts';
import { consume, effectiveLevel, isExhausted, remainingOf } from '../domain/consumption.ts';
import { subscriptionBlocked, subscriptionExhausted, usageRejected } from '../events/lifecycle.events.ts';
import { findConsumptions, insertConsumptions, lockBalancesOf, lockSubscriptions, setConsumedMany, type NewConsumption } from '../repositories/lifecycle.repository.ts';
import { dueVasAmong } from '../repositories/vas.repository.ts';
import type { BundleBalanceRow } from '../schema.ts';
import { transition } from './transition.ts';
import { applyVasExpiry } from './vas-expiry.ts';

export const ROAMING_BALANCE_REQUIRED = 'subscription.usage_rated.roaming_balance_required';
export const LINE_NOT_LIVE = 'subscription.usage_rated.line_not_live';
export const NO_ALLOWANCE = 'subscription.usage_rated.no_allowance';

export type UsageOutcome = 'decremented' | 'exhausted' | 'rejected' | 'duplicate' | 'unknown_subscription';

type Rated = EventPayload<'usage.rated'>;

/** One usage of a batch, and how to run code in the context of the event that carried it (what it stages). */
export interface UsageItem {
  usage: Rated;
  within<T>(fn: () => T): T;
}

const inPlace = <T>(fn: () => T) => fn();

/** The consumption row inserted at the end of a batch would not be new: another writer recorded it meanwhile. */
export class ConsumptionRace extends Error {
  override readonly name = 'ConsumptionRace';
}

export function createUsageApplier(deps: SubscriptionDeps) {
  const { clock, outbox } = deps;

  /** Applies `items` (each line's in order, lines in id order); one outcome per item, in the items' order. */
  async function applyMany(tx: Tx, items: UsageItem[]): Promise<UsageOutcome[]> {
    // Every line of the batch locked in one statement, in id order (two batches never wait on each other in a cycle).
    const lines = new Map((await lockSubscriptions(tx, [...new Set(items.map((i) => i.usage.subscriptionId))])).map((r) => [r.id, r] as const));
    // A record counted before, or a second copy of one inside the batch, is a duplicate.
    const recorded = await findConsumptions(
      tx,
      items.map((i) => i.usage.usageEventId),
    );
    const outcomes: UsageOutcome[] = items.map((i) => {
      if (!lines.has(i.usage.subscriptionId)) return 'unknown_subscription';
      if (recorded.has(i.usage.usageEventId)) return 'duplicate';
      recorded.add(i.usage.usageEventId);
      return 'decremented';
    });
    const byLine = new Map<string, number[]>();
    outcomes.forEach((o, n) => {
      if (o !== 'decremented') return;
      const id = items[n]!.usage.subscriptionId;
      byLine.set(id, [...(byLine.get(id) ?? []), n]);
    });
    if (byLine.size === 0) return outcomes;

    const now = clock.now();
    // A top-up that ran out is taken back before the usage is counted (expiry on the injected clock), in the
    // context of the line's first usage.
    const ids = [...byLine.keys()].sort();
    const expiring = await dueVasAmong(tx, ids, now);
    for (const id of ids) {
      if (expiring.has(id)) lines.set(id, await items[byLine.get(id)![0]!]!.within(() => applyVasExpiry(tx, deps, lines.get(id)!, now)));
    }
    const live = ids.filter((id) => ['active', 'blocked'].includes(lines.get(id)!.state));
    const balances = new Map<string, BundleBalanceRow>();
    for (const b of await lockBalancesOf(tx, live)) balances.set(`${b.subscriptionId}/${b.allowanceType}`, b);
    const rows: NewConsumption[] = [];
    // What each balance has consumed so far in this batch (written once per touched balance at the end).
    const consumedNow = new Map<string, { subscriptionId: string; allowanceType: BundleBalanceRow['allowanceType']; consumed: number }>();

    for (const id of ids) {
      let sub = lines.get(id)!;
      const isLive = live.includes(id);
      for (const n of byLine.get(id)!) {
        const item = items[n]!;
        const { usage } = item;
        const consumption = (applied: number, overage: number, outcome: 'decremented' | 'rejected', reason?: string): NewConsumption => ({
          usageEventId: usage.usageEventId,
          subscriptionId: sub.id,
          allowanceType: usage.allowanceType,
          requestedQuantity: usage.consumedQuantity,
          appliedQuantity: applied,
          overageQuantity: overage,
          outcome,
          ...(reason ? { reason } : {}),
          lineState: sub.state,
          eventTime: new Date(usage.eventTime),
          recordedAt: now,
        });
        const reject = async (reason: string, remaining: number | null) => {
          rows.push(consumption(0, 0, 'rejected', reason));
          const event = usageRejected(sub, { usageEventId: usage.usageEventId, allowanceType: usage.allowanceType, consumedQuantity: usage.consumedQuantity, remaining }, reason);
          await item.within(() => outbox.stage(tx, event));
          outcomes[n] = 'rejected';
        };
        if (!isLive) {
          await reject(LINE_NOT_LIVE, null);
          continue;
        }
        const key = `${id}/${usage.allowanceType}`;
        const row = balances.get(key);
        // Roaming is additive: without a roaming balance left the usage is refused, the line stays as it is.
        if (!row) {
          await reject(usage.allowanceType === 'data_roaming' ? ROAMING_BALANCE_REQUIRED : NO_ALLOWANCE, null);
          continue;
        }
        const balance = { ...row, consumed: consumedNow.get(key)?.consumed ?? row.consumed };
        // Under a running day pass the balance is unlimited: the usage is counted, the bundle is not drawn down.
        const level = effectiveLevel(balance, now);
        const underPass = level.total !== balance.total;
        if (usage.allowanceType === 'data_roaming' && isExhausted(level)) {
          await reject(ROAMING_BALANCE_REQUIRED, remainingOf(level));
          continue;
        }
        const used = consume(level, usage.consumedQuantity);
        rows.push(consumption(used.applied, used.overage, 'decremented'));
        if (used.applied > 0 && !underPass) consumedNow.set(key, { subscriptionId: id, allowanceType: usage.allowanceType, consumed: used.consumed });
        if (usage.allowanceType !== 'data' || sub.state !== 'active' || !isExhausted({ total: level.total, consumed: used.consumed })) continue;
        const before = sub;
        sub = await item.within(async () => {
          const blocked = await transition(tx, before, 'exhaust', 'primary_allowance_exhausted', now);
          await outbox.stage(tx, subscriptionExhausted(blocked, { usageEventId: usage.usageEventId, total: balance.total, consumed: used.consumed, overage: used.overage }));
          await outbox.stage(tx, subscriptionBlocked(blocked, 'exhausted', before.state));
          return blocked;
        });
        outcomes[n] = 'exhausted';
      }
    }

    // We hold the lines' locks and looked their records up under them, so every row is new; if one is not, the
    // batch rolls back and the consumer applies its usages one at a time (the next attempt sees the record).
    if ((await insertConsumptions(tx, rows)) !== rows.length) throw new ConsumptionRace('a usage of the batch was recorded by another writer meanwhile');
    await setConsumedMany(tx, [...consumedNow.values()], now);
    return outcomes;
  }

  /** One usage, in the current (event's) context. */
  async function apply(tx: Tx, usage: Rated): Promise<UsageOutcome> {
    const [outcome] = await applyMany(tx, [{ usage, within: inPlace }]);
    return outcome!;
  }

  return { apply, applyMany };
}
