// The reconciler in-process: its timer loop runs passes on its own and stops cleanly; an unreachable gateway
// leaves the attempt pending for the next pass; and a live call that outlived the threshold finds the verdict
// already recorded by the reconciler and answers with it, with one event in all.
import type { ControllableClock } from '@bss/clock';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockProvider } from '../src/adapters/mock.provider.ts';
import type { GatewayResult } from '../src/adapters/provider.ts';
import { createPaymentReconciler } from '../src/workers/payment-reconciler.ts';
import { buildTestApp, cardBody, chargeBody, http, METHODS, outboxEvents, PAYMENTS, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
const mock = createMockProvider();
// Test switches on the gateway: hold charges until released; make lookups fail.
let hold: Promise<void> | undefined;
let lookupDown = false;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, {
    provider: {
      ...mock,
      gateway: {
        async charge(request) {
          const result = await mock.gateway.charge(request);
          await hold;
          return result;
        },
        async lookup(key) {
          if (lookupDown) throw new Error('connect ECONNREFUSED');
          return mock.gateway.lookup(key);
        },
      },
    },
  });
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const clock = () => t.platform.clock as ControllableClock;
const addCard = async (customerId: string) => (await http(t.app).post(METHODS, cardBody(customerId))).json().id as string;
const status = async (customerId: string) =>
  (await db.pool.query('SELECT id, status FROM payment.payment_attempt WHERE customer_id = $1', [customerId])).rows[0] as { id: string; status: string } | undefined;
async function untilPending(customerId: string) {
  for (let i = 0; i < 200; i++) {
    const row = await status(customerId);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('attempt never claimed');
}

describe('payment reconciler', () => {
  it('answers a live call that outlived the threshold with the verdict the reconciler recorded, one event in all', async () => {
    const pm = await addCard('CUST-late');
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const inFlight = http(t.app).post(PAYMENTS, chargeBody('CUST-late', pm));
    const { id } = await untilPending('CUST-late');
    await new Promise((resolve) => setTimeout(resolve, 50)); // the gateway has recorded the charge by now
    clock().advance(t.deps.reconcileAfterMs + 1);
    expect(await createPaymentReconciler(t.deps).runOnce()).toMatchObject({ completed: 1 });
    release();
    hold = undefined;
    const res = await inFlight;
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id, status: 'approved', authorizationCode: ((await mock.gateway.lookup(id)) as GatewayResult).gatewayRef });
    expect((await outboxEvents(db, 'payment.charged')).filter((e) => e.aggregate_id === id)).toHaveLength(1);
  });

  it('leaves the attempt pending while the gateway cannot be asked, and completes it on a later pass', async () => {
    const pm = await addCard('CUST-down');
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const inFlight = http(t.app).post(PAYMENTS, chargeBody('CUST-down', pm));
    const { id } = await untilPending('CUST-down');
    clock().advance(t.deps.reconcileAfterMs + 1);
    lookupDown = true;
    const reconciler = createPaymentReconciler(t.deps);
    expect(await reconciler.runOnce()).toEqual({ examined: 1, completed: 0, unreachable: 1 });
    expect((await status('CUST-down'))!.status).toBe('pending');
    lookupDown = false;
    expect(await reconciler.runOnce()).toEqual({ examined: 1, completed: 1, unreachable: 0 });
    release();
    hold = undefined;
    expect((await inFlight).json()).toMatchObject({ id, status: 'approved' });
  });

  it('runs passes from its own timer once started, and stop() waits for the pass in flight', async () => {
    const pm = await addCard('CUST-timer');
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const inFlight = http(t.app).post(PAYMENTS, chargeBody('CUST-timer', pm));
    const { id } = await untilPending('CUST-timer');
    await new Promise((resolve) => setTimeout(resolve, 50));
    clock().advance(t.deps.reconcileAfterMs + 1);
    const worker = createPaymentReconciler({ ...t.deps, reconcileIntervalMs: 20 });
    await worker.start();
    try {
      for (let i = 0; i < 200 && (await status('CUST-timer'))!.status === 'pending'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await worker.stop();
    }
    expect(await status('CUST-timer')).toEqual({ id, status: 'approved' });
    release();
    hold = undefined;
    await inFlight;
  });
});
