// Applying rated usage to a line's bundle balance (block-on-exhaust), inside the consumer's transaction that also
// holds the inbox rows. A batch of usages is applied per line — one lock of each line per batch, lines locked in
// id order (so two batches never wait on each other in a cycle), each line's usages in delivery order — with the
// effect of applying them one at a time; a single usage is a batch of one. Per line, in order:
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
// The balance rows are locked once, followed in memory, and written once per touched type; the consumption rows
// are inserted in one statement. Events are staged in the order one-at-a-time application would stage them.
import type { EventPayload } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { SubscriptionDeps } from '../deps.ts';
import { consume, effectiveLevel, isExhausted, remainingOf } from '../domain/consumption.ts';
import { subscriptionBlocked, subscriptionExhausted, usageRejected } from '../events/lifecycle.events.ts';
import { findConsumptions, insertConsumptions, lockBalances, lockSubscription, setConsumed, type NewConsumption } from '../repositories/lifecycle.repository.ts';
import type { BundleBalanceRow, SubscriptionRow } from '../schema.ts';
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

  /** Applies one line's usages (all of `subscriptionId`, in order); outcomes in the same order. */
  async function applyLine(tx: Tx, subscriptionId: string, items: UsageItem[]): Promise<UsageOutcome[]> {
    const locked = await lockSubscription(tx, subscriptionId);
    if (!locked) return items.map(() => 'unknown_subscription');
    const recorded = await findConsumptions(
      tx,
      items.map((i) => i.usage.usageEventId),
    );
    // A record counted before, or a second copy of one inside the batch, is a duplicate.
    const outcomes: UsageOutcome[] = items.map((i) => {
      if (recorded.has(i.usage.usageEventId)) return 'duplicate';
      recorded.add(i.usage.usageEventId);
      return 'decremented';
    });
    const first = items.find((_, n) => outcomes[n] !== 'duplicate');
    if (!first) return outcomes;

    const now = clock.now();
    // A top-up that ran out is taken back before the usage is counted (expiry on the injected clock).
    let sub = await first.within(() => applyVasExpiry(tx, deps, locked, now));
    const live = sub.state === 'active' || sub.state === 'blocked';
    const balances = new Map<string, BundleBalanceRow>();
    if (live) for (const b of await lockBalances(tx, sub.id)) balances.set(b.allowanceType, b);
    // What each balance has consumed so far in this batch (written once per touched type at the end).
    const consumedNow = new Map<string, number>();
    const rows: NewConsumption[] = [];
    const touched = new Set<BundleBalanceRow['allowanceType']>();

    const consumption = (usage: Rated, lineState: string, applied: number, overage: number, outcome: 'decremented' | 'rejected', reason?: string): NewConsumption => ({
      usageEventId: usage.usageEventId,
      subscriptionId: sub.id,
      allowanceType: usage.allowanceType,
      requestedQuantity: usage.consumedQuantity,
      appliedQuantity: applied,
      overageQuantity: overage,
      outcome,
      ...(reason ? { reason } : {}),
      lineState,
      eventTime: new Date(usage.eventTime),
      recordedAt: now,
    });

    for (const [n, item] of items.entries()) {
      if (outcomes[n] === 'duplicate') continue;
      const { usage } = item;
      const reject = async (reason: string, remaining: number | null) => {
        rows.push(consumption(usage, sub.state, 0, 0, 'rejected', reason));
        const event = usageRejected(sub, { usageEventId: usage.usageEventId, allowanceType: usage.allowanceType, consumedQuantity: usage.consumedQuantity, remaining }, reason);
        await item.within(() => outbox.stage(tx, event));
        outcomes[n] = 'rejected';
      };
      if (!live) {
        await reject(LINE_NOT_LIVE, null);
        continue;
      }
      const row = balances.get(usage.allowanceType);
      const balance = row && { ...row, consumed: consumedNow.get(usage.allowanceType) ?? row.consumed };
      // Roaming is additive: without a roaming balance left the usage is refused, the line stays as it is.
      if (!balance) {
        await reject(usage.allowanceType === 'data_roaming' ? ROAMING_BALANCE_REQUIRED : NO_ALLOWANCE, null);
        continue;
      }
      // Under a running day pass the balance is unlimited: the usage is counted, the bundle is not drawn down.
      const level = effectiveLevel(balance, now);
      const underPass = level.total !== balance.total;
      if (usage.allowanceType === 'data_roaming' && isExhausted(level)) {
        await reject(ROAMING_BALANCE_REQUIRED, remainingOf(level));
        continue;
      }
      const used = consume(level, usage.consumedQuantity);
      rows.push(consumption(usage, sub.state, used.applied, used.overage, 'decremented'));
      if (used.applied > 0 && !underPass) {
        consumedNow.set(usage.allowanceType, used.consumed);
        touched.add(usage.allowanceType);
      }
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

    // We hold the line's lock and looked its records up under it, so every row is new; if one is not, the batch
    // rolls back and the consumer applies its usages one at a time (the next attempt sees the record).
    if ((await insertConsumptions(tx, rows)) !== rows.length) throw new ConsumptionRace(`a usage of ${sub.id} was recorded by another writer during the batch`);
    for (const type of touched) await setConsumed(tx, sub.id, type, consumedNow.get(type)!, now);
    return outcomes;
  }

  /** Applies `items` (each line's in order, lines in id order); one outcome per item, in the items' order. */
  async function applyMany(tx: Tx, items: UsageItem[]): Promise<UsageOutcome[]> {
    const byLine = new Map<string, number[]>();
    items.forEach((i, n) => {
      const list = byLine.get(i.usage.subscriptionId) ?? [];
      byLine.set(i.usage.subscriptionId, list);
      list.push(n);
    });
    const outcomes: UsageOutcome[] = new Array<UsageOutcome>(items.length);
    for (const id of [...byLine.keys()].sort()) {
      const indexes = byLine.get(id)!;
      const lineOutcomes = await applyLine(
        tx,
        id,
        indexes.map((n) => items[n]!),
      );
      indexes.forEach((n, k) => (outcomes[n] = lineOutcomes[k]!));
    }
    return outcomes;
  }

  /** One usage, in the current (event's) context. */
  async function apply(tx: Tx, usage: Rated): Promise<UsageOutcome> {
    const [outcome] = await applyMany(tx, [{ usage, within: inPlace }]);
    return outcome!;
  }

  return { apply, applyMany };
}
