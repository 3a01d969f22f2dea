// Rating's debug routes against a real catalog over HTTP: the tariff of a seeded offering, dry-run ratings (and
// their refusals with rule ids), and that a dry run stores and publishes nothing.
import { authHeaders, createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, startCatalog, type TestApp } from '../helpers.ts';

let db: TestDatabase;
let catalog: Awaited<ReturnType<typeof startCatalog>>;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  catalog = await startCatalog(db);
  t = await buildTestApp(db, catalog.url);
});
afterAll(async () => {
  await t?.app.close();
  await catalog?.stop();
  await db?.drop();
});

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: authHeaders() });
const rateTest = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/rating-api/v1/rate-test', headers: { ...authHeaders(), 'content-type': 'application/json' }, payload: body });

describe('GET /rating-api/v1/tariff/{offeringId}', () => {
  it('shows the allowances and currency rating reads from the TMF620 offering', async () => {
    const res = await get('/rating-api/v1/tariff/PLAN_S');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      offeringId: 'PLAN_S',
      currency: 'SGD',
      allowances: expect.arrayContaining([
        { allowanceType: 'data', quantity: 5120, unit: 'mb' },
        { allowanceType: 'voice', quantity: 100, unit: 'minutes' },
        { allowanceType: 'sms', quantity: 100, unit: 'count' },
        { allowanceType: 'data_roaming', quantity: 0, unit: 'mb' },
      ]),
    });
  });

  it('answers 404 for an offering the catalog does not know', async () => {
    const res = await get('/rating-api/v1/tariff/PLAN_NOPE');
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /rating-api/v1/rate-test', () => {
  it('rates roaming data to data_roaming, at no charge, without storing anything', async () => {
    const res = await rateTest({ offeringId: 'PLAN_M', eventType: 'data', quantity: 300, unit: 'mb', roaming: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      usageEventId: 'UE-TEST',
      subscriptionId: 'SUB-TEST',
      offeringId: 'PLAN_M',
      eventType: 'data',
      unit: 'mb',
      allowanceType: 'data_roaming',
      consumedQuantity: 300,
      chargeAmount: '0.00',
      currency: 'SGD',
    });
    expect((await db.pool.query('SELECT count(*)::int AS n FROM rating.outbox')).rows[0].n).toBe(0);
    expect(t.platform.bus.published).toHaveLength(0);
  });

  it('keeps roaming voice on the home bundle', async () => {
    expect((await rateTest({ offeringId: 'PLAN_L', eventType: 'voice', quantity: 3, unit: 'minutes', roaming: true })).json().allowanceType).toBe('voice');
  });

  it('refuses with the rule id: unknown offering, unit not the allowance’s', async () => {
    const unknown = await rateTest({ offeringId: 'PLAN_NOPE', eventType: 'sms', quantity: 1, unit: 'count' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ reason: 'usage.rate.offering_must_exist', context: { offeringId: 'PLAN_NOPE' } });
    const unit = await rateTest({ offeringId: 'PLAN_M', eventType: 'sms', quantity: 1, unit: 'mb' });
    expect(unit.json()).toMatchObject({ reason: 'usage.rate.unit_matches_allowance', context: { allowanceUnit: 'count', unit: 'mb' } });
  });

  it('answers 400 for a malformed body', async () => {
    expect((await rateTest({ offeringId: 'PLAN_M', eventType: 'fax', quantity: 1, unit: 'mb' })).statusCode).toBe(400);
    expect((await rateTest({ offeringId: 'PLAN_M', eventType: 'data', quantity: 0, unit: 'mb' })).statusCode).toBe(400);
  });
});
