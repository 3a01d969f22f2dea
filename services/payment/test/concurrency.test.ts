// Concurrency through a really listening app: duplicate charges with one idempotency key give exactly one
// attempt row and one gateway call; parallel card writes keep the 5-card cap and the single default.
import { authHeaders, createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockProvider } from '../src/adapters/mock.provider.ts';
import type { GatewayCharge } from '../src/adapters/provider.ts';
import { buildTestApp, cardBody, chargeBody, METHODS, PAYMENTS, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
let base: string;
const gatewayCalls: GatewayCharge[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ max: 20 });
  // A slow gateway keeps the first attempt in flight while the duplicates arrive.
  const mock = createMockProvider({ latencyMs: 150 });
  t = await buildTestApp(db, {
    provider: {
      ...mock,
      gateway: {
        ...mock.gateway,
        charge: (request) => {
          gatewayCalls.push(request);
          return mock.gateway.charge(request);
        },
      },
    },
  });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: body === undefined ? authHeaders() : { 'content-type': 'application/json', ...authHeaders() },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('concurrent duplicate charges', () => {
  it('charges once for eight parallel requests with the same key', async () => {
    const added = await post(METHODS, cardBody('CUST-race'));
    expect(added.status).toBe(201);
    const pm = ((await added.json()) as { id: string }).id;
    const body = chargeBody('CUST-race', pm, { amount: '42.10', purpose: 'renewal' });

    const responses = await Promise.all(Array.from({ length: 8 }, () => post(PAYMENTS, body)));
    const payloads = (await Promise.all(responses.map((r) => r.json()))) as { id: string; status: string; totalAmount: { value: number } }[];

    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(payloads.map((p) => p.id)).size).toBe(1);
    expect(payloads.every((p) => p.status === 'approved' && p.totalAmount.value === 42.1)).toBe(true);
    expect(gatewayCalls.filter((c) => c.customerId === body.customerId)).toHaveLength(1);
    const rows = await db.pool.query('SELECT id, status FROM payment.payment_attempt WHERE customer_id = $1', [body.customerId]);
    expect(rows.rows).toEqual([{ id: payloads[0]!.id, status: 'approved' }]);
    const events = await db.pool.query(`SELECT 1 FROM payment.outbox WHERE event_type = 'payment.charged' AND aggregate_id = $1`, [payloads[0]!.id]);
    expect(events.rowCount).toBe(1);
  });

  it('answers 409 payment.charge.in_progress when the first attempt outlives the wait, still charging once', async () => {
    t.deps.idempotencyWaitMs = 40;
    try {
      const pm = ((await (await post(METHODS, cardBody('CUST-race2'))).json()) as { id: string }).id;
      const body = chargeBody('CUST-race2', pm);
      const first = post(PAYMENTS, body);
      // Send the duplicate only once the first request has claimed the key (its attempt is pending).
      for (let i = 0; i < 200; i++) {
        const claimed = await db.pool.query('SELECT status FROM payment.payment_attempt WHERE customer_id = $1', [body.customerId]);
        if (claimed.rowCount) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const second = await post(PAYMENTS, body);
      expect(second.status).toBe(409);
      expect(await second.json()).toMatchObject({ code: 'CONFLICT', reason: 'payment.charge.in_progress' });
      expect((await first).status).toBe(201);
      expect(gatewayCalls.filter((c) => c.customerId === body.customerId)).toHaveLength(1);
    } finally {
      t.deps.idempotencyWaitMs = 15_000;
    }
  });
});

describe('concurrent card writes', () => {
  it('keeps at most five active cards and exactly one default under parallel adds', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(METHODS, cardBody('CUST-burst'))));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 422, 422, 422]);
    const refused = (await Promise.all(responses.filter((r) => r.status === 422).map((r) => r.json()))) as { reason: string }[];
    expect(refused.every((r) => r.reason === 'payment_method.add.at_most_n_methods')).toBe(true);
    const rows = await db.pool.query(`SELECT is_default FROM payment.payment_method WHERE customer_id = 'CUST-burst' AND status = 'active'`);
    expect(rows.rowCount).toBe(5);
    expect(rows.rows.filter((r) => r.is_default)).toHaveLength(1);
  });

  it('leaves exactly one default when several cards are made default at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(((await (await post(METHODS, cardBody('CUST-flip'))).json()) as { id: string }).id);
    const responses = await Promise.all(ids.map((id) => post(`${METHODS}/${id}/setDefault`, undefined)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const defaults = await db.pool.query(`SELECT id FROM payment.payment_method WHERE customer_id = 'CUST-flip' AND is_default`);
    expect(defaults.rowCount).toBe(1);
  });
});
