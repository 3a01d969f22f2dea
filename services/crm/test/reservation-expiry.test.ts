// Reservation expiry on the injected clock against real Postgres (and RabbitMQ for the events): numbers and
// profiles reserved but not assigned within BSS_INVENTORY_RESERVATION_TTL return to `available` with their
// links cleared and a `*.reservation_expired` event; assigned ones stay; rows held by a write in flight are
// skipped (SKIP LOCKED) until it ends; a pass works through any number of batches.
import type { ControllableClock } from '@bss/clock';
import { ConfigError, loadServiceConfig } from '@bss/config';
import type { EventEnvelope } from '@bss/contracts';
import { createAmqpBus, createRelay } from '@bss/events';
import { createLogger, createTracing } from '@bss/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerAdmin, hex, MQ_URL, waitFor } from '../../../packages/events/test/support.ts';
import { createReservationExpiryWorker } from '../src/inventory/workers/reservation-expiry.worker.ts';
import { expireReservations } from '../src/inventory/services/reservation-expiry.service.ts';
import { service } from '../src/service.ts';
import { call, outboxEvents, startHarness, type Harness } from './inventory/harness.ts';

const M = '/inventory-api/v1/msisdn';
const E = '/inventory-api/v1/esim';
const MINUTE = 60_000;

let h: Harness;
const clock = () => h.platform.clock as ControllableClock;
const post = async (url: string, body?: unknown) => {
  const res = await call(h.app, 'POST', url, body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};
const msisdnRow = async (msisdn: string) => (await call(h.app, 'GET', `${M}/${msisdn}`)).body;
const esimRow = async (iccid: string) => (await call(h.app, 'GET', `${E}/${iccid}`)).body;

beforeAll(async () => {
  h = await startHarness({ env: { BSS_INVENTORY_RESERVATION_TTL: '15m' } });
});
afterAll(async () => h?.close());

describe('reservation expiry', () => {
  it('returns unassigned reservations older than the TTL to the pool, with one event each, and keeps assigned ones', async () => {
    // A: reserved and bound to profile P, never assigned. B: reserved and assigned. Q: a profile a subscription took.
    const a = (await post(`${M}/reserve-next`)).msisdn as string;
    const p = (await post(`${E}/reserve`)).iccid as string;
    await post(`${E}/${p}/assign-msisdn`, { msisdn: a });
    const b = (await post(`${M}/reserve-next`)).msisdn as string;
    await post(`${M}/${b}/assign`, { subscriptionId: 'SUB-kept', customerId: 'CUST-kept' });
    const q = (await post(`${E}/reserve`)).iccid as string;
    await post(`${E}/${q}/assign-msisdn`, { msisdn: b, subscriptionId: 'SUB-kept' });

    const worker = createReservationExpiryWorker(h.deps);
    clock().advance(15 * MINUTE - 1_000);
    expect(await worker.runOnce()).toEqual({ msisdns: 0, esims: 0 });
    expect((await msisdnRow(a)).status).toBe('reserved');

    clock().advance(1_000);
    expect(await worker.runOnce()).toEqual({ msisdns: 1, esims: 1 });
    expect(await msisdnRow(a)).toMatchObject({ status: 'available', reservedAt: null, assignedToSubscriptionId: null });
    expect(await esimRow(p)).toMatchObject({ profileState: 'available', assignedMsisdn: null, reservedAt: null });
    expect(await msisdnRow(b)).toMatchObject({ status: 'assigned', assignedToSubscriptionId: 'SUB-kept' });
    expect(await esimRow(q)).toMatchObject({ profileState: 'reserved', assignedMsisdn: b, assignedToSubscriptionId: 'SUB-kept' });

    const numbers = await outboxEvents(h.db, 'inventory.msisdn.reservation_expired');
    expect(numbers).toEqual([
      expect.objectContaining({ aggregateType: 'msisdn_pool', aggregateId: a, payload: expect.objectContaining({ msisdn: a, status: 'available', unboundIccid: p }) }),
    ]);
    expect(numbers[0]!.payload.reservedAt).toMatch(/^2026-06-01T00:00:00/);
    const profiles = await outboxEvents(h.db, 'inventory.esim.reservation_expired');
    expect(profiles).toEqual([
      expect.objectContaining({ aggregateType: 'esim_profile', aggregateId: p, payload: expect.objectContaining({ iccid: p, profileState: 'available', previousMsisdn: null }) }),
    ]);
    const actors = await h.db.pool.query(`SELECT DISTINCT actor FROM crm.outbox WHERE event_type LIKE '%.reservation_expired'`);
    expect(actors.rows).toEqual([{ actor: 'inventory.reservation_expiry' }]);

    // Nothing more is due; the late assignment finds the number back in the pool.
    expect(await worker.runOnce()).toEqual({ msisdns: 0, esims: 0 });
    expect(await outboxEvents(h.db, 'inventory.msisdn.reservation_expired')).toHaveLength(1);
    const late = await call(h.app, 'POST', `${M}/${a}/assign`, { subscriptionId: 'SUB-late', customerId: 'CUST-late' });
    expect(late.status).toBe(422);
    expect(late.body.reason).toBe('msisdn.assign.must_be_reserved');
  });

  it('skips a reservation whose row a write in flight holds, and expires it on a later pass', async () => {
    const held = (await post(`${M}/reserve-next`)).msisdn as string;
    const free = (await post(`${M}/reserve-next`)).msisdn as string;
    clock().advance(16 * MINUTE);
    const lock = await h.db.pool.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('SELECT 1 FROM inventory.msisdn_pool WHERE msisdn = $1 FOR UPDATE', [held]);
      expect(await expireReservations(h.deps)).toEqual({ msisdns: 1, esims: 0 });
      expect((await msisdnRow(free)).status).toBe('available');
      expect((await msisdnRow(held)).status).toBe('reserved');
    } finally {
      await lock.query('ROLLBACK');
      lock.release();
    }
    expect(await expireReservations(h.deps)).toEqual({ msisdns: 1, esims: 0 });
    expect((await msisdnRow(held)).status).toBe('available');
  });

  it('works through every batch in one pass', async () => {
    for (let i = 0; i < 7; i++) await post(`${M}/reserve-next`);
    for (let i = 0; i < 5; i++) await post(`${E}/reserve`);
    clock().advance(16 * MINUTE);
    expect(await expireReservations(h.deps, 3)).toEqual({ msisdns: 7, esims: 5 });
    const counts = (await call(h.app, 'GET', `${M}/count`)).body;
    expect(counts).toMatchObject({ reserved: 0 });
    // Only the profile a subscription took (first test) is still reserved.
    const reserved = (await call(h.app, 'GET', `${E}?state=reserved`)).body as { assignedToSubscriptionId: string | null }[];
    expect(reserved.map((r) => r.assignedToSubscriptionId)).toEqual(['SUB-kept']);
  });

  it('publishes the expiry events through the relay to RabbitMQ', async () => {
    const logger = createLogger('crm-expiry-test', 'silent');
    const exchange = `bss.test.expiry.${hex()}`;
    const queue = `crm-expiry-test.${hex()}`;
    const bus = createAmqpBus({ url: MQ_URL, exchange, database: h.db, logger, tracing: createTracing('crm-expiry-test'), serviceName: 'crm' });
    const admin = await brokerAdmin();
    const got: EventEnvelope[] = [];
    try {
      await bus.subscribe({ queue, bindings: ['inventory.*.reservation_expired'], inboxSchema: 'crm' }, async (_tx, event) => void got.push(event));
      const relay = createRelay({ database: h.db, schema: 'crm', publisher: bus, logger });
      // Publish what earlier tests staged first (their expiry events reach this queue too).
      while ((await relay.drainOnce()) > 0);
      const msisdn = (await post(`${M}/reserve-next`)).msisdn as string;
      const iccid = (await post(`${E}/reserve`)).iccid as string;
      clock().advance(16 * MINUTE);
      expect(await expireReservations(h.deps)).toEqual({ msisdns: 1, esims: 1 });
      const staged = await h.db.pool.query(`SELECT event_id FROM crm.outbox WHERE published_at IS NULL AND event_type LIKE '%.reservation_expired'`);
      const ids = new Set(staged.rows.map((r: { event_id: string }) => r.event_id));
      expect(ids.size).toBe(2);
      await relay.drainOnce();
      const ours = () => got.filter((e) => ids.has(e.eventId));
      await waitFor(() => ours().length === 2, 'both expiry events');
      expect(ours().map((e) => [e.eventType, e.aggregateId]).sort()).toEqual([
        ['inventory.esim.reservation_expired', iccid],
        ['inventory.msisdn.reservation_expired', msisdn],
      ]);
      await relay.stop();
    } finally {
      await bus.close();
      await admin.cleanup([queue], exchange);
    }
  });
});

describe('reservation TTL config', () => {
  const env = {
    BSS_DB_URL: 'postgres://postgres@127.0.0.1:5432/bss',
    BSS_MQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
    BSS_API_TOKEN: 'a'.repeat(40),
    BSS_KYC_SIGNING_SECRET: 'k'.repeat(32),
    BSS_KYC_DOCUMENT_PEPPER: 'p'.repeat(32),
  };

  it('defaults to 15 minutes, reads durations, and refuses nonsense naming the key', () => {
    expect(loadServiceConfig('crm', env, service.extraEnv).extra).toMatchObject({ BSS_INVENTORY_RESERVATION_TTL: 15 * MINUTE, BSS_INVENTORY_EXPIRY_INTERVAL: 30_000 });
    expect(loadServiceConfig('crm', { ...env, BSS_INVENTORY_RESERVATION_TTL: '2h' }, service.extraEnv).extra).toMatchObject({ BSS_INVENTORY_RESERVATION_TTL: 120 * MINUTE });
    try {
      loadServiceConfig('crm', { ...env, BSS_INVENTORY_RESERVATION_TTL: 'soon', BSS_INVENTORY_EXPIRY_INTERVAL: '0s' }, service.extraEnv);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.key).sort()).toEqual(['BSS_INVENTORY_EXPIRY_INTERVAL', 'BSS_INVENTORY_RESERVATION_TTL']);
    }
  });

  it('is what the worker expires by (a 1h TTL keeps a 16-minute-old reservation)', async () => {
    const short = await startHarness({ env: { BSS_INVENTORY_RESERVATION_TTL: '1h' } });
    try {
      const reserved = await call(short.app, 'POST', `${M}/reserve-next`);
      (short.platform.clock as ControllableClock).advance(16 * MINUTE);
      expect(await expireReservations(short.deps)).toEqual({ msisdns: 0, esims: 0 });
      (short.platform.clock as ControllableClock).advance(45 * MINUTE);
      expect(await expireReservations(short.deps)).toEqual({ msisdns: 1, esims: 0 });
      expect((await call(short.app, 'GET', `${M}/${reserved.body.msisdn}`)).body.status).toBe('available');
    } finally {
      await short.close();
    }
  });

  it('is started by the CRM service module as its worker', () => {
    expect(service.workers?.(h.platform)).toHaveLength(1);
  });
});
