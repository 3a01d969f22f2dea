// The usage.rated consumer on a real database through the real inbox path (handleOnce / deliverShuffled): exact
// decrements, block at zero, overage of the crossing usage, in-flight usage of a blocked line, roaming rules,
// and the §4 accounting run — shuffled, duplicated, re-rated and concurrent deliveries add up exactly.
import { deliverShuffled, handleOnce } from '@bss/events';
import { createTestDatabase, testPlatform, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_RATED_QUEUE, usageRatedHandler } from '../src/consumers/usage-rated.consumer.ts';
import { createDeps } from '../src/deps.ts';
import { balancesOf, insertLine, NOW, outboxOf, stateOf, usageRated } from './lifecycle-fixtures.ts';

let db: TestDatabase;
let handler: ReturnType<typeof usageRatedHandler>;
beforeAll(async () => {
  db = await createTestDatabase();
  handler = usageRatedHandler(createDeps(testPlatform('subscription', db, { now: NOW })));
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

const deliver = (event: Parameters<typeof handler>[1]) => handleOnce(db, USAGE_RATED_QUEUE.inboxSchema, USAGE_RATED_QUEUE.queue, event, handler);
const consumption = async (id: string) =>
  (await db.pool.query('SELECT usage_event_id, allowance_type, applied_quantity::int AS applied, overage_quantity::int AS overage, outcome, reason, line_state FROM subscription.usage_consumption WHERE subscription_id = $1', [id])).rows;

describe('usage.rated → balance', () => {
  it('decrements the matching balance once; a redelivery and a re-rated copy of the record change nothing', async () => {
    const line = await insertLine(db, { balances: [{ type: 'data', total: 1000 }, { type: 'voice', total: 100 }] });
    const e = usageRated(line, 'data', 300);
    expect(await deliver(e)).toBe('handled');
    expect(await deliver(e)).toBe('duplicate');
    // the same usage record under a new event id (rating re-ran): counted once by its usage id
    expect(await deliver(usageRated(line, 'data', 300, { usageEventId: e.payload.usageEventId as string }))).toBe('handled');
    await deliver(usageRated(line, 'voice', 7));
    expect(await balancesOf(db, line.id)).toEqual({ data: { total: 1000, consumed: 300 }, voice: { total: 100, consumed: 7 } });
    expect(await stateOf(db, line.id)).toBe('active');
    expect(await outboxOf(db, 'subscription.blocked', line.id)).toEqual([]);
  });

  it('counts usage on an unlimited balance and never blocks on it', async () => {
    const line = await insertLine(db, { balances: [{ type: 'data', total: -1 }, { type: 'sms', total: -1 }] });
    await deliver(usageRated(line, 'data', 5000));
    await deliver(usageRated(line, 'sms', 3));
    expect(await balancesOf(db, line.id)).toEqual({ data: { total: -1, consumed: 5000 }, sms: { total: -1, consumed: 3 } });
    expect(await stateOf(db, line.id)).toBe('active');
  });

  it('blocks the instant data reaches zero: the crossing usage takes it to 0 and the rest is overage', async () => {
    const line = await insertLine(db, { balances: [{ type: 'data', total: 100, consumed: 90 }] });
    const e = usageRated(line, 'data', 25);
    await deliver(e);
    expect(await balancesOf(db, line.id)).toEqual({ data: { total: 100, consumed: 100 } });
    expect(await stateOf(db, line.id)).toBe('blocked');
    expect(await outboxOf(db, 'subscription.exhausted', line.id)).toEqual([
      { subscriptionId: line.id, customerId: line.customerId, msisdn: line.msisdn, allowanceType: 'data', usageEventId: e.payload.usageEventId, total: 100, consumed: 100, overageQuantity: 15 },
    ]);
    expect(await outboxOf(db, 'subscription.blocked', line.id)).toEqual([
      { subscriptionId: line.id, customerId: line.customerId, msisdn: line.msisdn, reason: 'exhausted', previousState: 'active' },
    ]);
    const { rows } = await db.pool.query('SELECT from_state, to_state, trigger, reason FROM subscription.subscription_state_history WHERE subscription_id = $1', [line.id]);
    expect(rows).toEqual([{ from_state: 'active', to_state: 'blocked', trigger: 'exhaust', reason: 'primary_allowance_exhausted' }]);
    expect(await consumption(line.id)).toMatchObject([{ applied: 10, overage: 15, outcome: 'decremented', line_state: 'active' }]);
  });

  it('blocks on landing exactly on zero too', async () => {
    const line = await insertLine(db, { balances: [{ type: 'data', total: 100, consumed: 60 }] });
    await deliver(usageRated(line, 'data', 40));
    expect(await stateOf(db, line.id)).toBe('blocked');
    expect(await outboxOf(db, 'subscription.exhausted', line.id)).toMatchObject([{ consumed: 100, overageQuantity: 0 }]);
  });

  it('counts in-flight usage of a blocked line (never below zero, never a second block, never unblocks)', async () => {
    const line = await insertLine(db, { state: 'blocked', balances: [{ type: 'data', total: 100, consumed: 100 }, { type: 'voice', total: 50, consumed: 0 }] });
    await deliver(usageRated(line, 'data', 12));
    await deliver(usageRated(line, 'voice', 4));
    expect(await balancesOf(db, line.id)).toEqual({ data: { total: 100, consumed: 100 }, voice: { total: 50, consumed: 4 } });
    expect(await stateOf(db, line.id)).toBe('blocked');
    expect(await outboxOf(db, 'subscription.blocked', line.id)).toEqual([]);
    expect(await consumption(line.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ allowance_type: 'data', applied: 0, overage: 12, line_state: 'blocked' }),
        expect.objectContaining({ allowance_type: 'voice', applied: 4, overage: 0, line_state: 'blocked' }),
      ]),
    );
  });

  it('voice and sms running out never block the line', async () => {
    const line = await insertLine(db, { balances: [{ type: 'data', total: 100 }, { type: 'voice', total: 10 }, { type: 'sms', total: 1 }] });
    await deliver(usageRated(line, 'voice', 15));
    await deliver(usageRated(line, 'sms', 1));
    expect(await balancesOf(db, line.id)).toMatchObject({ voice: { consumed: 10 }, sms: { consumed: 1 } });
    expect(await stateOf(db, line.id)).toBe('active');
  });

  describe('roaming is additive and never blocks', () => {
    it('decrements the roaming balance, to zero at most, and the line stays active', async () => {
      const line = await insertLine(db, { balances: [{ type: 'data', total: 100 }, { type: 'data_roaming', total: 50 }] });
      await deliver(usageRated(line, 'data_roaming', 80));
      expect(await balancesOf(db, line.id)).toEqual({ data: { total: 100, consumed: 0 }, data_roaming: { total: 50, consumed: 50 } });
      expect(await stateOf(db, line.id)).toBe('active');
      expect(await outboxOf(db, 'subscription.exhausted', line.id)).toEqual([]);
    });

    it.each([
      ['no roaming balance row', [{ type: 'data' as const, total: 100 }], null],
      ['a roaming balance of 0 (PLAN_S)', [{ type: 'data' as const, total: 100 }, { type: 'data_roaming' as const, total: 0 }], 0],
      ['a used-up roaming balance', [{ type: 'data' as const, total: 100 }, { type: 'data_roaming' as const, total: 20, consumed: 20 }], 0],
    ])('rejects roaming usage with %s (rule id event), nothing decremented, line active', async (_what, balances, remaining) => {
      const line = await insertLine(db, { balances });
      const e = usageRated(line, 'data_roaming', 5);
      await deliver(e);
      expect(await stateOf(db, line.id)).toBe('active');
      expect(await outboxOf(db, 'subscription.usage_rejected', line.id)).toEqual([
        {
          subscriptionId: line.id,
          customerId: line.customerId,
          msisdn: line.msisdn,
          usageEventId: e.payload.usageEventId,
          allowanceType: 'data_roaming',
          consumedQuantity: 5,
          remaining,
          reason: 'subscription.usage_rated.roaming_balance_required',
        },
      ]);
      expect((await balancesOf(db, line.id)).data).toEqual({ total: 100, consumed: 0 });
      // a redelivery of the rejected usage is not rejected twice
      await deliver(usageRated(line, 'data_roaming', 5, { usageEventId: e.payload.usageEventId as string }));
      expect(await outboxOf(db, 'subscription.usage_rejected', line.id)).toHaveLength(1);
    });
  });

  it('rejects usage of a terminated line and of a type the plan has no balance for', async () => {
    const gone = await insertLine(db, { state: 'terminated' });
    await deliver(usageRated(gone, 'data', 5));
    expect(await outboxOf(db, 'subscription.usage_rejected', gone.id)).toMatchObject([{ reason: 'subscription.usage_rated.line_not_live' }]);
    expect(await balancesOf(db, gone.id)).toEqual({ data: { total: 1000, consumed: 0 } });

    const dataOnly = await insertLine(db, { balances: [{ type: 'data', total: 100 }] });
    await deliver(usageRated(dataOnly, 'sms', 1));
    expect(await outboxOf(db, 'subscription.usage_rejected', dataOnly.id)).toMatchObject([{ reason: 'subscription.usage_rated.no_allowance', allowanceType: 'sms' }]);
    expect(await stateOf(db, dataOnly.id)).toBe('active');
  });

  it('drops usage for a subscription it does not have (logged), without failing the delivery', async () => {
    const e = usageRated({ id: 'SUB-NOPE', customerId: 'CUST-X', msisdn: '90000000', iccid: 'x' }, 'data', 1);
    expect(await deliver(e)).toBe('handled');
  });
});

describe('§4 exact accounting under shuffled, duplicated and concurrent delivery', () => {
  it.each([1, 7, 42])('seed %i: decrements = distinct usage, block exactly at zero, nothing lost', async (seed) => {
    const total = 1200;
    const line = await insertLine(db, { balances: [{ type: 'data', total }, { type: 'voice', total: -1 }, { type: 'data_roaming', total: 300 }] });
    // 60 distinct usage records whose data sum exceeds the allowance
    const events = Array.from({ length: 60 }, (_, i) => usageRated(line, i % 5 === 0 ? 'voice' : i % 7 === 0 ? 'data_roaming' : 'data', 10 + ((i * 37 + seed) % 60)));
    const distinct = (type: string) => events.filter((e) => e.payload.allowanceType === type).reduce((s, e) => s + (e.payload.consumedQuantity as number), 0);
    // the same records re-rated under new event ids join the broker's duplicates
    const rerated = events.filter((_, i) => i % 4 === 1).map((e) => usageRated(line, e.payload.allowanceType as 'data', e.payload.consumedQuantity as number, { usageEventId: e.payload.usageEventId as string }));

    const [report, second] = await Promise.all([
      deliverShuffled({ database: db, inboxSchema: USAGE_RATED_QUEUE.inboxSchema, consumer: USAGE_RATED_QUEUE.queue, handler, events: [...events, ...rerated], seed, duplicateRate: 0.5, concurrency: 6 }),
      // a second consumer replica delivering the same stream at the same time
      deliverShuffled({ database: db, inboxSchema: USAGE_RATED_QUEUE.inboxSchema, consumer: USAGE_RATED_QUEUE.queue, handler, events, seed: seed + 1000, duplicateRate: 0.3, concurrency: 4 }),
    ]);
    expect(report.failed).toEqual([]);
    expect(second.failed).toEqual([]);

    const dataSum = distinct('data');
    expect(dataSum).toBeGreaterThan(total);
    const b = await balancesOf(db, line.id);
    expect(b.data).toEqual({ total, consumed: total });
    expect(b.voice).toEqual({ total: -1, consumed: distinct('voice') });
    expect(b.data_roaming!.consumed).toBe(Math.min(300, distinct('data_roaming')));

    // every usage record accounted once: applied + overage = what was rated
    const rows = await consumption(line.id);
    expect(rows).toHaveLength(events.length);
    const sum = (type: string, k: 'applied' | 'overage') => rows.filter((r) => r.allowance_type === type).reduce((s, r) => s + (r[k] as number), 0);
    expect(sum('data', 'applied')).toBe(total);
    expect(sum('data', 'applied') + sum('data', 'overage')).toBe(dataSum);

    // blocked once, at exactly zero
    expect(await stateOf(db, line.id)).toBe('blocked');
    const exhausted = await outboxOf(db, 'subscription.exhausted', line.id);
    expect(exhausted).toHaveLength(1);
    expect(exhausted[0]).toMatchObject({ total, consumed: total });
    expect(await outboxOf(db, 'subscription.blocked', line.id)).toHaveLength(1);
  });

  it('stays active when the distinct usage is below the allowance, whatever the order', async () => {
    const line = await insertLine(db, { balances: [{ type: 'data', total: 10_000 }] });
    const events = Array.from({ length: 40 }, (_, i) => usageRated(line, 'data', 1 + i));
    const report = await deliverShuffled({ database: db, inboxSchema: USAGE_RATED_QUEUE.inboxSchema, consumer: USAGE_RATED_QUEUE.queue, handler, events, seed: 3, duplicateRate: 1, concurrency: 8 });
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toBe(40);
    expect((await balancesOf(db, line.id)).data).toEqual({ total: 10_000, consumed: (40 * 41) / 2 });
    expect(await stateOf(db, line.id)).toBe('active');
  });
});
