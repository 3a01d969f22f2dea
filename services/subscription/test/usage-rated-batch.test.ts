// The usage.rated batch handler on a real database through the real batch inbox path (handleBatchOnce): a batch
// spanning several lines, with copies, re-rated records, a crossing of zero and a line that is not live, ends in
// exactly the state, consumption rows and events that applying the same events one at a time produces.
import { handleBatchOnce, handleOnce } from '@bss/events';
import type { EventEnvelope } from '@bss/contracts';
import { createTestDatabase, testPlatform, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_RATED_QUEUE, usageRatedConsumer } from '../src/consumers/usage-rated.consumer.ts';
import { createDeps } from '../src/deps.ts';
import { balancesOf, insertLine, NOW, outboxOf, stateOf, usageRated } from './lifecycle-fixtures.ts';

let db: TestDatabase;
let consumer: ReturnType<typeof usageRatedConsumer>;
beforeAll(async () => {
  db = await createTestDatabase();
  consumer = usageRatedConsumer(createDeps(testPlatform('subscription', db, { now: NOW })));
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

const { inboxSchema, queue } = USAGE_RATED_QUEUE;
const consumption = async (id: string) =>
  (
    await db.pool.query(
      'SELECT allowance_type, requested_quantity::int AS requested, applied_quantity::int AS applied, overage_quantity::int AS overage, outcome, reason, line_state FROM subscription.usage_consumption WHERE subscription_id = $1 ORDER BY requested_quantity',
      [id],
    )
  ).rows;
const causes = async (eventType: string, aggregateId: string) =>
  (await db.pool.query('SELECT causation_id FROM subscription.outbox WHERE event_type = $1 AND aggregate_id = $2 ORDER BY id', [eventType, aggregateId])).rows.map((r: { causation_id: string }) => r.causation_id);

/** Three lines and the events of one batch over them: what a batch must decide exactly as one-at-a-time does. */
async function scenario() {
  const a = await insertLine(db, { balances: [{ type: 'data', total: 100, consumed: 50 }, { type: 'voice', total: 10 }] });
  const b = await insertLine(db, { balances: [{ type: 'data', total: 1000 }] });
  const gone = await insertLine(db, { state: 'terminated', balances: [{ type: 'data', total: 1000 }] });
  const a1 = usageRated(a, 'data', 30);
  const a2 = usageRated(a, 'data', 31); // crosses zero: 20 applied, 11 overage, blocks the line
  const a3 = usageRated(a, 'data', 32); // after the block: all overage, no second block
  const aVoice = usageRated(a, 'voice', 4); // a blocked line's voice still counts
  const a1Rerated = usageRated(a, 'data', 30, { usageEventId: a1.payload.usageEventId as string });
  const b1 = usageRated(b, 'data', 5);
  const roaming = usageRated(b, 'data_roaming', 6); // no roaming balance: rejected, line untouched
  const g1 = usageRated(gone, 'data', 7);
  const events: EventEnvelope[] = [b1, a1, a1, a2, g1, a1Rerated, a3, roaming, aVoice];
  return { a, b, gone, a2, events };
}

async function endState(s: Awaited<ReturnType<typeof scenario>>) {
  return {
    balances: [await balancesOf(db, s.a.id), await balancesOf(db, s.b.id), await balancesOf(db, s.gone.id)],
    states: [await stateOf(db, s.a.id), await stateOf(db, s.b.id), await stateOf(db, s.gone.id)],
    consumption: [await consumption(s.a.id), await consumption(s.b.id), await consumption(s.gone.id)],
    exhausted: await outboxOf(db, 'subscription.exhausted', s.a.id),
    blocked: await outboxOf(db, 'subscription.blocked', s.a.id),
    rejected: [(await outboxOf(db, 'subscription.usage_rejected', s.b.id)).length, (await outboxOf(db, 'subscription.usage_rejected', s.gone.id)).length],
  };
}

describe('usage.rated in batches', () => {
  it('a batch over several lines ends exactly where one-at-a-time delivery does', async () => {
    const one = await scenario();
    for (const e of one.events) await handleOnce(db, inboxSchema, queue, e, consumer.handler);
    const expected = await endState(one);

    const batched = await scenario();
    const outcomes = await handleBatchOnce(
      db,
      inboxSchema,
      queue,
      batched.events.map((event) => ({ event })),
      consumer.batch.handler,
    );
    expect(outcomes).toEqual(['handled', 'handled', 'duplicate', 'handled', 'handled', 'handled', 'handled', 'handled', 'handled']);
    const got = await endState(batched);
    // Same decisions, line by line (the ids differ, the figures and events must not).
    const strip = (s: typeof got) => ({ ...s, exhausted: s.exhausted.map(({ subscriptionId: _s, customerId: _c, msisdn: _m, usageEventId: _u, ...rest }) => rest), blocked: s.blocked.map(({ subscriptionId: _s, customerId: _c, msisdn: _m, ...rest }) => rest) });
    expect(strip(got)).toEqual(strip(expected));
    expect(got.states).toEqual(['blocked', 'active', 'terminated']);
    expect(got.balances[0]).toEqual({ data: { total: 100, consumed: 100 }, voice: { total: 10, consumed: 4 } });
    expect(got.consumption[0]).toMatchObject([
      { requested: 4, applied: 4, line_state: 'blocked' },
      { requested: 30, applied: 30, overage: 0, line_state: 'active' },
      { requested: 31, applied: 20, overage: 11, line_state: 'active' },
      { requested: 32, applied: 0, overage: 32, line_state: 'blocked' },
    ]);
    expect(got.exhausted).toHaveLength(1);
    expect(got.exhausted[0]).toMatchObject({ usageEventId: batched.a2.payload.usageEventId, consumed: 100, overageQuantity: 11 });
    // The block is caused by the usage that crossed zero, as it is one at a time.
    expect(await causes('subscription.blocked', batched.a.id)).toEqual([batched.a2.eventId]);
    expect(got.rejected).toEqual([1, 1]);
  });

  it('a batch of already-counted records changes nothing', async () => {
    const s = await scenario();
    await handleBatchOnce(
      db,
      inboxSchema,
      queue,
      s.events.map((event) => ({ event })),
      consumer.batch.handler,
    );
    const before = await endState(s);
    // The same events again (a redelivered batch) and the same records re-rated under new event ids.
    const again = await handleBatchOnce(
      db,
      inboxSchema,
      queue,
      s.events.map((event) => ({ event })),
      consumer.batch.handler,
    );
    expect(again.every((o) => o === 'duplicate')).toBe(true);
    const rerated = s.events.map((e) => ({ ...e, eventId: crypto.randomUUID() }));
    expect(
      (
        await handleBatchOnce(
          db,
          inboxSchema,
          queue,
          rerated.map((event) => ({ event })),
          consumer.batch.handler,
        )
      ).filter((o) => o === 'handled').length,
    ).toBe(new Set(rerated.map((e) => e.eventId)).size);
    expect(await endState(s)).toEqual(before);
  });
});
