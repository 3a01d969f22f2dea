// Idempotent inventory writes through a really listening app and the typed client: a redelivered consumer
// (same key, same request) gets the first result and reserves nothing new, even when the duplicates arrive in
// parallel; the same key for another request is refused; keys are scoped per calling service identity.
import { createInventoryClient, PolicyViolationError, type InventoryClient } from '@bss/clients';
import { authHeaders, TEST_PORTAL_TOKEN, TEST_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents, startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
let base: string;
let client: InventoryClient;

beforeAll(async () => {
  h = await startHarness({ dbMax: 20 });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = h.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  client = createInventoryClient({ baseUrl: base, token: TEST_TOKEN, actor: 'test', channel: 'system' });
});
afterAll(async () => h?.close());

const post = (path: string, body?: unknown, headers: Record<string, string> = authHeaders()) =>
  fetch(`${base}/inventory-api/v1${path}`, {
    method: 'POST',
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const count = async (sql: string, params: unknown[] = []) => Number((await h.db.pool.query(sql, params)).rows[0].n);
const reservedNumbers = () => count(`SELECT count(*) AS n FROM inventory.msisdn_pool WHERE status = 'reserved'`);
const reservedProfiles = () => count(`SELECT count(*) AS n FROM inventory.esim_profile WHERE profile_state = 'reserved'`);

describe('idempotent reservations under parallel redelivery', () => {
  it('reserves exactly one number for twelve parallel reserve-next calls with the same key', async () => {
    const before = await reservedNumbers();
    const responses = await Promise.all(Array.from({ length: 12 }, () => post('/msisdn/reserve-next', { preference: '9000', idempotencyKey: 'evt-0001:msisdn' })));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { msisdn: string; status: string }[];
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(11);
    expect(new Set(bodies.map((b) => b.msisdn)).size).toBe(1);
    expect(bodies.every((b) => b.status === 'reserved')).toBe(true);
    expect(await reservedNumbers()).toBe(before + 1);
    expect((await outboxEvents(h.db, 'inventory.msisdn.reserved')).filter((e) => e.aggregateId === bodies[0]!.msisdn)).toHaveLength(1);
  });

  it('reserves exactly one eSIM profile for twelve parallel reserve calls with the same key', async () => {
    const before = await reservedProfiles();
    const responses = await Promise.all(Array.from({ length: 12 }, () => post('/esim/reserve', { idempotencyKey: 'evt-0001:esim' })));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { iccid: string }[];
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.iccid)).size).toBe(1);
    expect(await reservedProfiles()).toBe(before + 1);
    expect((await outboxEvents(h.db, 'inventory.esim.reserved')).filter((e) => e.aggregateId === bodies[0]!.iccid)).toHaveLength(1);
  });

  it('still reserves a fresh number per call without a key', async () => {
    const [a, b] = [await client.reserveNextMsisdn(), await client.reserveNextMsisdn()];
    expect(a.msisdn).not.toBe(b.msisdn);
  });
});

describe('replays of the other writes', () => {
  it('replays assign and release instead of refusing the second delivery', async () => {
    const number = await client.reserveNextMsisdn(undefined, { idempotencyKey: 'order-0002:reserve' });
    expect((await client.reserveNextMsisdn(undefined, { idempotencyKey: 'order-0002:reserve' })).msisdn).toBe(number.msisdn);

    const assign = { subscriptionId: 'SUB-idem', customerId: 'CUST-idem', idempotencyKey: 'order-0002:assign' };
    const first = await post(`/msisdn/${number.msisdn}/assign`, assign);
    const again = await post(`/msisdn/${number.msisdn}/assign`, assign);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());

    const released = await client.releaseMsisdn(number.msisdn, { idempotencyKey: 'order-0002:release' });
    expect(released.status).toBe('available');
    // Without the key the second release is refused; with it, it is the first answer again and nothing moves.
    const redelivered = await post(`/msisdn/${number.msisdn}/release`, { idempotencyKey: 'order-0002:release' });
    expect(redelivered.status).toBe(200);
    expect(await redelivered.json()).toMatchObject({ msisdn: number.msisdn, status: 'available' });
    expect((await post(`/msisdn/${number.msisdn}/release`)).status).toBe(422);
    expect((await outboxEvents(h.db, 'inventory.msisdn.released')).filter((e) => e.aggregateId === number.msisdn)).toHaveLength(1);
  });

  it('replays every eSIM move of a profile', async () => {
    const esim = await client.reserveEsim({ idempotencyKey: 'order-0003:esim' });
    const msisdn = (await client.reserveNextMsisdn(undefined, { idempotencyKey: 'order-0003:msisdn' })).msisdn;
    const bind = { msisdn, idempotencyKey: 'order-0003:bind' };
    expect((await client.assignEsimMsisdn(esim.iccid, bind)).assignedMsisdn).toBe(msisdn);
    expect((await client.assignEsimMsisdn(esim.iccid, bind)).assignedMsisdn).toBe(msisdn);
    for (const [move, call, state] of [
      ['download', client.markEsimDownloaded, 'downloaded'],
      ['activate', client.markEsimActivated, 'activated'],
      ['recycle', client.recycleEsim, 'available'],
    ] as const) {
      const key = `order-0003:${move}`;
      expect((await call(esim.iccid, { idempotencyKey: key })).profileState).toBe(state);
      expect((await call(esim.iccid, { idempotencyKey: key })).profileState).toBe(state);
    }
    const events = (await outboxEvents(h.db)).filter((e) => e.aggregateId === esim.iccid).map((e) => e.eventType);
    expect(events).toEqual(['inventory.esim.reserved', 'inventory.esim.msisdn_assigned', 'inventory.esim.downloaded', 'inventory.esim.activated', 'inventory.esim.recycled']);
  });
});

describe('keys that do not match', () => {
  it('refuses the same key for another request or another operation (422 inventory.idempotency_key.mismatch)', async () => {
    const first = await client.reserveNextMsisdn('900001', { idempotencyKey: 'evt-0004:msisdn' });
    const before = await reservedNumbers();
    const otherPreference = await post('/msisdn/reserve-next', { preference: '900002', idempotencyKey: 'evt-0004:msisdn' });
    expect(otherPreference.status).toBe(422);
    expect(await otherPreference.json()).toMatchObject({
      code: 'POLICY_VIOLATION',
      reason: 'inventory.idempotency_key.mismatch',
      context: { idempotencyKey: 'evt-0004:msisdn', operation: 'msisdn.reserve_next', firstOperation: 'msisdn.reserve_next' },
    });
    const otherOperation = client.reserveEsim({ idempotencyKey: 'evt-0004:msisdn' });
    await expect(otherOperation).rejects.toBeInstanceOf(PolicyViolationError);
    await expect(otherOperation).rejects.toMatchObject({ rule: 'inventory.idempotency_key.mismatch' });
    expect(await reservedNumbers()).toBe(before);
    expect((await client.reserveNextMsisdn('900001', { idempotencyKey: 'evt-0004:msisdn' })).msisdn).toBe(first.msisdn);
  });

  it('remembers only successful writes: a refused write can be retried with the same key', async () => {
    await client.reserveMsisdn('90000555');
    const refused = await post('/msisdn/90000555/reserve', { idempotencyKey: 'evt-0005:reserve' });
    expect(await refused.json()).toMatchObject({ reason: 'msisdn.reserve.status_must_be_available' });
    await client.releaseMsisdn('90000555');
    const retried = await post('/msisdn/90000555/reserve', { idempotencyKey: 'evt-0005:reserve' });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await retried.json()).toMatchObject({ msisdn: '90000555', status: 'reserved' });
  });

  it('scopes keys per calling service: another identity with the same key gets its own reservation', async () => {
    const ours = await post('/msisdn/reserve-next', { idempotencyKey: 'evt-0006:msisdn' });
    const theirs = await post('/msisdn/reserve-next', { idempotencyKey: 'evt-0006:msisdn' }, { 'x-bss-api-token': TEST_PORTAL_TOKEN });
    expect([ours.status, theirs.status]).toEqual([201, 201]);
    const [a, b] = [(await ours.json()) as { msisdn: string }, (await theirs.json()) as { msisdn: string }];
    expect(a.msisdn).not.toBe(b.msisdn);
    const keys = await h.db.pool.query(`SELECT caller FROM inventory.idempotency_key WHERE idempotency_key = 'evt-0006:msisdn' ORDER BY caller`);
    expect(keys.rows.map((r: { caller: string }) => r.caller)).toEqual(['default', 'portal_self_serve']);
  });

  it('refuses a malformed key with 400 naming the field', async () => {
    const res = await post('/esim/reserve', { idempotencyKey: 'short' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('idempotencyKey');
  });
});
