// The crash window between the gateway call and the verdict commit: a charge runs in a child process that is
// SIGKILLed there, against the real test database. The attempt stays pending (replays answer 409) until the
// reconciler, once the injected clock is past the threshold, completes it with the gateway's own verdict and
// stages its event exactly once; a replay then returns the completed payment.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControllableClock } from '@bss/clock';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockProvider } from '../src/adapters/mock.provider.ts';
import { createPaymentReconciler } from '../src/workers/payment-reconciler.ts';
import { buildTestApp, cardBody, chargeBody, http, METHODS, PAYMENTS, type TestApp } from './helpers.ts';
import { fileLedger } from './support/file-ledger.ts';

const SCRIPT = fileURLToPath(new URL('./crash/charge-then-hang.ts', import.meta.url));
const THRESHOLD_MS = 300_000;

let db: TestDatabase;
let t: TestApp;
let dir: string;
let ledger: ReturnType<typeof fileLedger>;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'bss-payment-crash-'));
  ledger = fileLedger(join(dir, 'gateway-ledger.json'));
  // This process plays the restarted service: same database, same gateway records, a short replay wait.
  t = await buildTestApp(db, { provider: createMockProvider({ ledger }), idempotencyWaitMs: 60 });
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs one charge in a child process, waits until it reports where it stopped, then SIGKILLs it. */
async function chargeInDoomedProcess(stopAt: 'after-gateway' | 'before-gateway', body: object): Promise<string> {
  const child = spawn(process.execPath, [SCRIPT, db.url, join(dir, 'gateway-ledger.json'), stopAt, JSON.stringify(body)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`charging process exited early (${code}): ${err}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return line;
}

const addCard = async (customerId: string) => (await http(t.app).post(METHODS, cardBody(customerId))).json().id as string;
const attempt = async (id: string) =>
  (await db.pool.query('SELECT status, gateway_ref, decline_code FROM payment.payment_attempt WHERE id = $1', [id])).rows[0];
const paymentEvents = async (id: string) =>
  (await db.pool.query(`SELECT event_type FROM payment.outbox WHERE aggregate_id = $1 AND event_type LIKE 'payment.%'`, [id])).rows.map(
    (r: { event_type: string }) => r.event_type,
  );
const clock = () => t.platform.clock as ControllableClock;

describe('a process killed between the gateway call and the verdict commit', () => {
  it('leaves the attempt pending, then the reconciler completes it from the gateway record, once', async () => {
    const pm = await addCard('CUST-crash');
    const body = chargeBody('CUST-crash', pm, { amount: '19.90' });
    const line = await chargeInDoomedProcess('after-gateway', body);
    const paymentId = line.replace('charged ', '');
    expect(paymentId).toMatch(/^PAY-/);

    // The customer was charged at the gateway, but nothing here knows the verdict yet.
    const charged = ledger.get(paymentId);
    expect(charged).toMatchObject({ status: 'approved', gatewayRef: expect.stringMatching(/^mock_/) });
    expect(await attempt(paymentId)).toMatchObject({ status: 'pending', gateway_ref: null });
    expect(await paymentEvents(paymentId)).toEqual([]);

    const replay = await http(t.app).post(PAYMENTS, body);
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ reason: 'payment.charge.in_progress', context: { paymentId } });

    const reconciler = createPaymentReconciler(t.deps);
    // Not yet older than the threshold on the service clock: left alone (it could be a live, slow call).
    clock().advance(THRESHOLD_MS - 1_000);
    expect(await reconciler.runOnce()).toEqual({ examined: 0, completed: 0, unreachable: 0 });
    expect((await attempt(paymentId)).status).toBe('pending');

    clock().advance(2_000);
    expect(await reconciler.runOnce()).toEqual({ examined: 1, completed: 1, unreachable: 0 });
    expect(await attempt(paymentId)).toEqual({ status: 'approved', gateway_ref: charged!.gatewayRef, decline_code: null });
    expect(await paymentEvents(paymentId)).toEqual(['payment.charged']);
    const event = await db.pool.query(`SELECT actor, payload FROM payment.outbox WHERE aggregate_id = $1`, [paymentId]);
    expect(event.rows[0]).toMatchObject({ actor: 'payment.reconciler', payload: { paymentId, amount: '19.90', status: 'approved' } });

    // A second pass finds nothing; the event stays single.
    expect(await reconciler.runOnce()).toEqual({ examined: 0, completed: 0, unreachable: 0 });
    expect(await paymentEvents(paymentId)).toEqual(['payment.charged']);

    const after = await http(t.app).post(PAYMENTS, body);
    expect(after.statusCode).toBe(200);
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(after.json()).toMatchObject({ id: paymentId, status: 'approved', authorizationCode: charged!.gatewayRef, totalAmount: { value: 19.9 } });
    // The gateway was asked, never charged again: still one record for the attempt.
    expect(Object.keys(ledger.entries()).filter((k) => k === paymentId)).toHaveLength(1);
  });

  it('closes an attempt the gateway never saw as errored (gateway_no_record), charging nothing', async () => {
    const pm = await addCard('CUST-crash2');
    const body = chargeBody('CUST-crash2', pm);
    const paymentId = (await chargeInDoomedProcess('before-gateway', body)).replace('stopped-before-gateway ', '');
    expect((await attempt(paymentId)).status).toBe('pending');
    expect(ledger.get(paymentId)).toBeUndefined();

    clock().advance(THRESHOLD_MS + 1_000);
    expect(await createPaymentReconciler(t.deps).runOnce()).toMatchObject({ completed: 1 });
    expect(await attempt(paymentId)).toEqual({ status: 'errored', gateway_ref: null, decline_code: 'gateway_no_record' });
    expect(await paymentEvents(paymentId)).toEqual(['payment.errored']);
    expect(ledger.get(paymentId)).toBeUndefined();
    const replay = await http(t.app).post(PAYMENTS, body);
    expect(replay.json()).toMatchObject({ id: paymentId, status: 'errored' });
    expect((await db.pool.query('SELECT decline_code FROM payment.payment_attempt WHERE id = $1', [paymentId])).rows[0].decline_code).toBe('gateway_no_record');
  });
});
