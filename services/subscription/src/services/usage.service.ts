// Applying one rated usage to a line's bundle balance (block-on-exhaust), inside the consumer's transaction
// that also holds the inbox row. In order:
//   1. lock the subscription row (every writer of a line serialises here), then look the usage record up in
//      usage_consumption — a record re-rated under another event id is counted once; due top-up expiries are
//      applied first (a day pass makes the balance unlimited while it runs);
//   2. a terminated (or never-activated) line, a roaming usage without roaming balance, or a type the plan has
//      no balance for is rejected with its rule id (subscription.usage_rejected) and the state is untouched;
//   3. otherwise the balance row is locked and decremented: the usage that crosses zero takes the balance to
//      exactly 0 and the rest is recorded as overage; usage of a blocked line that was in flight is counted the
//      same way (it cannot go below zero and never unblocks);
//   4. an active line whose data balance is now zero is blocked in the same transaction
//      (subscription.exhausted + subscription.blocked). Roaming, voice and sms never block.
import type { EventPayload } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { SubscriptionDeps } from '../deps.ts';
import { consume, effectiveLevel, isExhausted, remainingOf } from '../domain/consumption.ts';
import { subscriptionBlocked, subscriptionExhausted, usageRejected } from '../events/lifecycle.events.ts';
import { findConsumption, insertConsumption, lockBalance, lockSubscription, setConsumed } from '../repositories/lifecycle.repository.ts';
import type { SubscriptionRow } from '../schema.ts';
import { transition } from './transition.ts';
import { applyVasExpiry } from './vas-expiry.ts';

export const ROAMING_BALANCE_REQUIRED = 'subscription.usage_rated.roaming_balance_required';
export const LINE_NOT_LIVE = 'subscription.usage_rated.line_not_live';
export const NO_ALLOWANCE = 'subscription.usage_rated.no_allowance';

export type UsageOutcome = 'decremented' | 'exhausted' | 'rejected' | 'duplicate' | 'unknown_subscription';

type Rated = EventPayload<'usage.rated'>;

export function createUsageApplier(deps: SubscriptionDeps) {
  const { clock, outbox } = deps;

  async function reject(tx: Tx, sub: SubscriptionRow, usage: Rated, reason: string, remaining: number | null): Promise<UsageOutcome> {
    const now = clock.now();
    const fresh = await insertConsumption(tx, {
      usageEventId: usage.usageEventId,
      subscriptionId: sub.id,
      allowanceType: usage.allowanceType,
      requestedQuantity: usage.consumedQuantity,
      appliedQuantity: 0,
      overageQuantity: 0,
      outcome: 'rejected',
      reason,
      lineState: sub.state,
      eventTime: new Date(usage.eventTime),
      recordedAt: now,
    });
    if (!fresh) return 'duplicate';
    await outbox.stage(
      tx,
      usageRejected(sub, { usageEventId: usage.usageEventId, allowanceType: usage.allowanceType, consumedQuantity: usage.consumedQuantity, remaining }, reason),
    );
    return 'rejected';
  }

  async function apply(tx: Tx, usage: Rated): Promise<UsageOutcome> {
    const locked = await lockSubscription(tx, usage.subscriptionId);
    if (!locked) return 'unknown_subscription';
    if (await findConsumption(tx, usage.usageEventId)) return 'duplicate';
    // A top-up that ran out is taken back before the usage is counted (expiry on the injected clock).
    const sub = await applyVasExpiry(tx, deps, locked, clock.now());
    if (sub.state !== 'active' && sub.state !== 'blocked') return reject(tx, sub, usage, LINE_NOT_LIVE, null);

    const balance = await lockBalance(tx, sub.id, usage.allowanceType);
    if (!balance) return reject(tx, sub, usage, usage.allowanceType === 'data_roaming' ? ROAMING_BALANCE_REQUIRED : NO_ALLOWANCE, null);
    // Roaming is additive: without a roaming balance left the usage is refused, the line stays as it is.
    const now = clock.now();
    // Under a running day pass the balance is unlimited: the usage is counted, the bundle is not drawn down.
    const level = effectiveLevel(balance, now);
    const underPass = level.total !== balance.total;
    if (usage.allowanceType === 'data_roaming' && isExhausted(level)) return reject(tx, sub, usage, ROAMING_BALANCE_REQUIRED, remainingOf(level));

    const used = consume(level, usage.consumedQuantity);
    await insertConsumption(tx, {
      usageEventId: usage.usageEventId,
      subscriptionId: sub.id,
      allowanceType: usage.allowanceType,
      requestedQuantity: usage.consumedQuantity,
      appliedQuantity: used.applied,
      overageQuantity: used.overage,
      outcome: 'decremented',
      lineState: sub.state,
      eventTime: new Date(usage.eventTime),
      recordedAt: now,
    });
    if (used.applied > 0 && !underPass) await setConsumed(tx, sub.id, usage.allowanceType, used.consumed, now);

    if (usage.allowanceType !== 'data' || sub.state !== 'active' || !isExhausted({ total: level.total, consumed: used.consumed })) return 'decremented';
    const blocked = await transition(tx, sub, 'exhaust', 'primary_allowance_exhausted', now);
    await outbox.stage(tx, subscriptionExhausted(blocked, { usageEventId: usage.usageEventId, total: balance.total, consumed: used.consumed, overage: used.overage }));
    await outbox.stage(tx, subscriptionBlocked(blocked, 'exhausted', sub.state));
    return 'exhausted';
  }

  return { apply };
}
