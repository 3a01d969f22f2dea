// Operator offering writes: add, window, retire. Each rule id is triggered with its `reason` asserted, bad
// input never yields a 500, and every successful write leaves its event in catalog.outbox (audit API).
import { authHeaders, portalHeaders } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator, startCatalog, tmf, TMF, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCatalog('2026-06-01T00:00:00Z');
});
afterAll(async () => {
  await h?.close();
});

const events = async (aggregateId: string) => {
  const res = await h.get(`/audit-api/v1/events?aggregateId=${aggregateId}`);
  expect(res.statusCode).toBe(200);
  return res.json().events as { eventType: string; actor: string; aggregateType: string; payload: Record<string, unknown> }[];
};
const addOffering = (body: Record<string, unknown>, headers = operator()) =>
  h.send('POST', '/admin/catalog/offering', { name: 'Test plan', amount: '20.00', ...body }, headers);

describe('POST /admin/catalog/offering', () => {
  it('adds an offering with its monthly price and allowances, and stages catalog.offering.added', async () => {
    const res = await addOffering({ offeringId: 'PLAN_X', name: 'Extra', amount: '19.90', dataMb: 2048, voiceMinutes: -1, smsCount: 50 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    tmf.assert('ProductOffering', body);
    expect(body).toMatchObject({
      id: 'PLAN_X',
      name: 'Extra',
      // No bundledProductOffering, so not a bundle; lastUpdate is the frozen scenario clock, not the DB's now().
      isBundle: false,
      lastUpdate: '2026-06-01T00:00:00.000Z',
      isSellable: true,
      lifecycleStatus: 'active',
      productSpecification: { id: 'SPEC_MOBILE_PREPAID', name: 'Mobile Prepaid Bundle' },
      productOfferingPrice: [{ id: 'PRICE_PLAN_X', priceType: 'recurring', recurringChargePeriod: 'month', price: { taxIncludedAmount: { value: 19.9, unit: 'SGD' } } }],
    });
    expect(body.prodSpecCharValueUse.map((a: { name: string }) => a.name)).toEqual(['data', 'voice', 'sms']);
    expect(body.validFor).toBeUndefined();
    const read = await h.get(`${TMF}/productOffering/PLAN_X`);
    expect(read.json()).toEqual(body);
    const [event, ...rest] = await events('PLAN_X');
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      eventType: 'catalog.offering.added',
      aggregateType: 'product_offering',
      actor: 'ops-alice',
      payload: { offeringId: 'PLAN_X', price: { priceId: 'PRICE_PLAN_X', amount: '19.90', currency: 'SGD' } },
    });
  });

  it('stores a numeric amount exactly and honours priceId, currency, specId and the window', async () => {
    const res = await addOffering({
      offeringId: 'PLAN_W',
      amount: 12.5,
      priceId: 'PRICE_W_LAUNCH',
      currency: 'SGD',
      specId: 'SPEC_MOBILE_PREPAID',
      validFrom: '2026-07-01T00:00:00Z',
      validTo: '2026-08-01T00:00:00+08:00',
      dataRoamingMb: 0,
    });
    expect(res.statusCode).toBe(201);
    tmf.assert('ProductOffering', res.json());
    const window = { startDateTime: '2026-07-01T00:00:00.000Z', endDateTime: '2026-07-31T16:00:00.000Z' };
    expect(res.json().validFor).toEqual(window);
    expect(res.json().productOfferingPrice[0]).toMatchObject({ id: 'PRICE_W_LAUNCH', validFor: window });
    const price = await h.get(`${TMF}/productOfferingPrice/PRICE_W_LAUNCH`);
    expect(price.json().price).toEqual({ value: 12.5, unit: 'SGD' });
    const [event] = await events('PLAN_W');
    expect(event!.payload).toMatchObject({ price: { amount: '12.50' } });
  });

  it('adds an offering whose window already ended as retired', async () => {
    const res = await addOffering({ offeringId: 'PLAN_PAST', validFrom: '2026-01-01T00:00:00Z', validTo: '2026-05-01T00:00:00Z' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ lifecycleStatus: 'retired', isSellable: false });
  });

  it.each([
    ['no actor', {}],
    ['an operator-looking actor', { 'x-bss-actor': 'ops-alice' }],
    ['actor "anyone"', { 'x-bss-actor': 'anyone' }],
  ])('refuses the portal token with %s (403 auth.scope_missing) and writes nothing', async (_label, actor) => {
    const res = await addOffering({ offeringId: 'PLAN_ANON' }, portalHeaders(actor));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'AUTH_SCOPE_MISSING', reason: 'auth.scope_missing', context: { scope: 'catalog:admin', identity: 'portal_self_serve' } });
    expect((await h.get(`${TMF}/productOffering/PLAN_ANON`)).statusCode).toBe(404);
    expect(await events('PLAN_ANON')).toEqual([]);
  });

  it('accepts the operator token without any actor header (the actor is attribution only)', async () => {
    const res = await addOffering({ offeringId: 'PLAN_NO_ACTOR' }, authHeaders());
    expect(res.statusCode).toBe(201);
    expect((await events('PLAN_NO_ACTOR'))[0]).toMatchObject({ actor: 'system', serviceIdentity: 'default' });
  });

  it.each([
    ['catalog.offering.already_exists', { offeringId: 'PLAN_M' }],
    ['catalog.price.already_exists', { offeringId: 'PLAN_DUP_PRICE', priceId: 'PRICE_PLAN_M' }],
    ['catalog.offering.spec_unknown', { offeringId: 'PLAN_NO_SPEC', specId: 'SPEC_NOPE' }],
    ['catalog.offering.window.invalid', { offeringId: 'PLAN_BAD_WIN', validFrom: '2026-07-01T00:00:00Z', validTo: '2026-07-01T00:00:00Z' }],
    ['catalog.price.amount.invalid', { offeringId: 'PLAN_BAD_AMT', amount: '25.001' }],
    ['catalog.price.amount.invalid', { offeringId: 'PLAN_FLOAT_AMT', amount: 0.1 + 0.2 }],
    ['catalog.price.amount.positive', { offeringId: 'PLAN_FREE', amount: '0.00' }],
  ])('refuses with %s', async (reason, body) => {
    const res = await addOffering(body);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason });
    expect(await events(body.offeringId)).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"offeringId":', 'request.malformed_json'],
    ['a wrong type', { offeringId: 'PLAN_T', name: 'T', amount: true }, 'request.invalid'],
    ['a wrong quantity type', { offeringId: 'PLAN_T', name: 'T', amount: '1.00', dataMb: '5GB' }, 'request.invalid'],
    ['a missing field', { offeringId: 'PLAN_T', amount: '1.00' }, 'request.invalid'],
    ['an unknown (snake_case) key', { offeringId: 'PLAN_T', name: 'T', amount: '1.00', valid_to: '2026-01-01T00:00:00Z' }, 'request.invalid'],
    ['a bad id', { offeringId: 'PLAN T/1', name: 'T', amount: '1.00' }, 'request.invalid'],
    ['a bad instant', { offeringId: 'PLAN_T', name: 'T', amount: '1.00', validFrom: 'next week' }, 'request.invalid'],
  ])('answers %s with 400', async (_label, payload, reason) => {
    const res = await h.send('POST', '/admin/catalog/offering', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason });
  });

  it('answers 401 without or with a wrong token', async () => {
    expect((await addOffering({ offeringId: 'PLAN_T' }, { 'x-bss-actor': 'ops' })).statusCode).toBe(401);
    expect((await addOffering({ offeringId: 'PLAN_T' }, { 'x-bss-actor': 'ops', 'x-bss-api-token': 'z'.repeat(40) })).statusCode).toBe(401);
  });
});

describe('PATCH /admin/catalog/offering/{id}/window', () => {
  it('moves one bound, keeps the other, and stages catalog.offering.window_changed', async () => {
    await addOffering({ offeringId: 'PLAN_WIN' });
    const first = await h.send('PATCH', '/admin/catalog/offering/PLAN_WIN/window', { validFrom: '2026-06-10T00:00:00Z' });
    expect(first.statusCode).toBe(200);
    tmf.assert('ProductOffering', first.json());
    expect(first.json().validFor).toEqual({ startDateTime: '2026-06-10T00:00:00.000Z' });
    const second = await h.send('PATCH', '/admin/catalog/offering/PLAN_WIN/window', { validTo: '2026-09-01T00:00:00Z' });
    expect(second.json().validFor).toEqual({ startDateTime: '2026-06-10T00:00:00.000Z', endDateTime: '2026-09-01T00:00:00.000Z' });
    expect(second.json().lifecycleStatus).toBe('active');
    // Not sellable before its window opens: out of the activeAt list and no active price.
    const list = await h.get(`${TMF}/productOffering?activeAt=2026-06-05T00:00:00Z&fields=id`);
    expect(list.json().map((o: { id: string }) => o.id)).not.toContain('PLAN_WIN');
    const inside = await h.get(`${TMF}/productOffering?activeAt=2026-06-15T00:00:00Z&fields=id`);
    expect(inside.json().map((o: { id: string }) => o.id)).toContain('PLAN_WIN');
    const cleared = await h.send('PATCH', '/admin/catalog/offering/PLAN_WIN/window', { validFrom: null, validTo: null });
    expect(cleared.json().validFor).toBeUndefined();
    const types = (await events('PLAN_WIN')).map((e) => e.eventType);
    expect(types).toEqual(['catalog.offering.added', 'catalog.offering.window_changed', 'catalog.offering.window_changed', 'catalog.offering.window_changed']);
  });

  it('retires the offering when the window ends at or before now', async () => {
    await addOffering({ offeringId: 'PLAN_END' });
    const res = await h.send('PATCH', '/admin/catalog/offering/PLAN_END/window', { validTo: '2026-06-01T00:00:00Z' });
    expect(res.json()).toMatchObject({ lifecycleStatus: 'retired', isSellable: false, validFor: { endDateTime: '2026-06-01T00:00:00.000Z' } });
    const [, changed] = await events('PLAN_END');
    expect(changed).toMatchObject({ eventType: 'catalog.offering.window_changed', payload: { retired: true } });
  });

  it('refuses an inverted window, a missing offering, the portal token and bad bodies', async () => {
    const inverted = await h.send('PATCH', '/admin/catalog/offering/PLAN_M/window', { validFrom: '2026-07-01T00:00:00Z', validTo: '2026-06-01T00:00:00Z' });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().reason).toBe('catalog.offering.window.invalid');
    const missing = await h.send('PATCH', '/admin/catalog/offering/PLAN_NOPE/window', { validTo: null });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'catalog.offering.not_found', context: { offeringId: 'PLAN_NOPE' } });
    const portal = await h.send('PATCH', '/admin/catalog/offering/PLAN_M/window', { validTo: null }, portalHeaders({ 'x-bss-actor': 'ops-alice' }));
    expect(portal.statusCode).toBe(403);
    expect(portal.json().reason).toBe('auth.scope_missing');
    for (const payload of ['{', {}, { validTo: 5 }, { validTo: 'soon' }, { window: null }]) {
      const res = await h.send('PATCH', '/admin/catalog/offering/PLAN_M/window', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await h.send('PATCH', '/admin/catalog/offering/PLAN_M/window', { validTo: null }, {})).statusCode).toBe(401);
    expect((await h.get(`${TMF}/productOffering/PLAN_M`)).json().validFor).toBeUndefined();
  });
});

describe('POST /admin/catalog/offering/{id}/retire', () => {
  it('retires: unsellable, lifecycle retired, window closed now, no active price; stages catalog.offering.retired', async () => {
    await addOffering({ offeringId: 'PLAN_OLD' });
    const res = await h.send('POST', '/admin/catalog/offering/PLAN_OLD/retire');
    expect(res.statusCode).toBe(200);
    tmf.assert('ProductOffering', res.json());
    expect(res.json()).toMatchObject({ lifecycleStatus: 'retired', isSellable: false, validFor: { endDateTime: '2026-06-01T00:00:00.000Z' } });
    const active = await h.get(`${TMF}/productOfferingPrice/active/PLAN_OLD`);
    expect(active.statusCode).toBe(422);
    expect(active.json()).toMatchObject({ reason: 'catalog.price.no_active_row', context: { offeringId: 'PLAN_OLD', cause: 'offering_not_sellable' } });
    const retired = await h.get(`${TMF}/productOffering?lifecycleStatus=retired&fields=id`);
    expect(retired.json().map((o: { id: string }) => o.id)).toContain('PLAN_OLD');
    expect((await events('PLAN_OLD')).map((e) => e.eventType)).toEqual(['catalog.offering.added', 'catalog.offering.retired']);
  });

  it('closes a not-yet-started offering to an empty window at its start', async () => {
    await addOffering({ offeringId: 'PLAN_FUTURE', validFrom: '2026-09-01T00:00:00Z' });
    const res = await h.send('POST', '/admin/catalog/offering/PLAN_FUTURE/retire');
    expect(res.json().validFor).toEqual({ startDateTime: '2026-09-01T00:00:00.000Z', endDateTime: '2026-09-01T00:00:00.000Z' });
  });

  it('refuses a second retire, a missing offering and the portal token; no event is left behind', async () => {
    const again = await h.send('POST', '/admin/catalog/offering/PLAN_OLD/retire');
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ reason: 'catalog.offering.already_retired', context: { offeringId: 'PLAN_OLD' } });
    expect(await events('PLAN_OLD')).toHaveLength(2);
    const missing = await h.send('POST', '/admin/catalog/offering/PLAN_NOPE/retire');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().reason).toBe('catalog.offering.not_found');
    const portal = await h.send('POST', '/admin/catalog/offering/PLAN_M/retire', undefined, portalHeaders());
    expect(portal.json()).toMatchObject({ reason: 'auth.scope_missing', context: { scope: 'catalog:admin' } });
    expect((await h.send('POST', '/admin/catalog/offering/PLAN_M/retire', undefined, {})).statusCode).toBe(401);
    expect((await h.get(`${TMF}/productOffering/PLAN_M`)).json().lifecycleStatus).toBe('active');
  });
});
