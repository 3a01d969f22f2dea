// Operator price writes and the active price over windows: overlapping windows, ties, retireCurrent, no
// active row. Every price body is checked against the strict TMF620 ProductOfferingPrice schema.
import { portalHeaders } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalog, tmf, TMF, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCatalog('2026-06-01T00:00:00Z');
  const res = await h.send('POST', '/admin/catalog/offering', { offeringId: 'PLAN_P', name: 'Priced', amount: '25.00', dataMb: 1024 });
  expect(res.statusCode).toBe(201);
});
afterAll(async () => {
  await h?.close();
});

const addPrice = (offeringId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  h.send('POST', `/admin/catalog/offering/${offeringId}/price`, body, headers);
const activeAt = async (offeringId: string, at: string) => {
  const res = await h.get(`${TMF}/productOfferingPrice/active/${offeringId}?activeAt=${encodeURIComponent(at)}`);
  if (res.statusCode === 200) tmf.assert('ProductOfferingPrice', res.json());
  return res;
};

describe('POST /admin/catalog/offering/{id}/price', () => {
  it('adds a promo price window; the lowest active amount wins inside it and stages catalog.price.added', async () => {
    const res = await addPrice('PLAN_P', { priceId: 'PRICE_P_PROMO', amount: '19.90', validFrom: '2026-06-10T00:00:00Z', validTo: '2026-07-01T00:00:00Z' });
    expect(res.statusCode).toBe(201);
    tmf.assert('ProductOfferingPrice', res.json());
    expect(res.json()).toMatchObject({
      id: 'PRICE_P_PROMO',
      priceType: 'recurring',
      recurringChargePeriodType: 'month',
      recurringChargePeriodLength: 1,
      price: { value: 19.9, unit: 'SGD' },
      validFor: { startDateTime: '2026-06-10T00:00:00.000Z', endDateTime: '2026-07-01T00:00:00.000Z' },
    });
    expect((await activeAt('PLAN_P', '2026-06-09T23:59:59Z')).json().id).toBe('PRICE_PLAN_P');
    expect((await activeAt('PLAN_P', '2026-06-10T00:00:00Z')).json().id).toBe('PRICE_P_PROMO');
    expect((await activeAt('PLAN_P', '2026-07-01T00:00:00Z')).json().id).toBe('PRICE_PLAN_P');
    const offering = await h.get(`${TMF}/productOffering/PLAN_P`);
    tmf.assert('ProductOffering', offering.json());
    expect(offering.json().productOfferingPrice.map((p: { id: string }) => p.id)).toEqual(['PRICE_PLAN_P', 'PRICE_P_PROMO']);
    const audit = await h.get('/audit-api/v1/events?aggregateId=PLAN_P&eventType=catalog.price.added');
    expect(audit.json().events).toHaveLength(1);
    expect(audit.json().events[0]).toMatchObject({ actor: 'ops-alice', payload: { priceId: 'PRICE_P_PROMO', amount: '19.90', closedPriceIds: [] } });
  });

  it('breaks a tie between overlapping equal amounts with the lowest price id', async () => {
    await addPrice('PLAN_P', { priceId: 'PRICE_P_TIE_B', amount: '19.9', validFrom: '2026-06-20T00:00:00Z', validTo: '2026-06-25T00:00:00Z' });
    await addPrice('PLAN_P', { priceId: 'PRICE_P_TIE_A', amount: 19.9, validFrom: '2026-06-20T00:00:00Z', validTo: '2026-06-25T00:00:00Z' });
    // PRICE_P_PROMO (19.90) overlaps too and sorts before both TIE ids.
    expect((await activeAt('PLAN_P', '2026-06-21T00:00:00Z')).json().id).toBe('PRICE_P_PROMO');
    await addPrice('PLAN_P', { priceId: 'PRICE_P_CHEAP', amount: '9.99', validFrom: '2026-06-22T00:00:00Z', validTo: '2026-06-23T00:00:00Z' });
    expect((await activeAt('PLAN_P', '2026-06-22T12:00:00Z')).json().id).toBe('PRICE_P_CHEAP');
  });

  it('with retireCurrent closes the open-ended prices at the new validFrom first', async () => {
    const res = await addPrice('PLAN_P', { priceId: 'PRICE_P_2027', amount: '27.00', validFrom: '2027-01-01T00:00:00Z', retireCurrent: true });
    expect(res.statusCode).toBe(201);
    const old = await h.get(`${TMF}/productOfferingPrice/PRICE_PLAN_P`);
    expect(old.json().validFor).toEqual({ endDateTime: '2027-01-01T00:00:00.000Z' });
    expect((await activeAt('PLAN_P', '2026-12-31T23:59:59Z')).json().id).toBe('PRICE_PLAN_P');
    expect((await activeAt('PLAN_P', '2027-01-01T00:00:00Z')).json().id).toBe('PRICE_P_2027');
    const audit = await h.get('/audit-api/v1/events?aggregateId=PLAN_P&eventType=catalog.price.added');
    expect(audit.json().events.at(-1).payload.closedPriceIds).toEqual(['PRICE_PLAN_P']);
  });

  it('answers catalog.price.no_active_row when no price window covers the instant', async () => {
    await h.send('POST', '/admin/catalog/offering', { offeringId: 'PLAN_GAP', name: 'Gap', amount: '5.00' });
    // Closes PRICE_PLAN_GAP at 2026-05-01 and adds a price that ended before now.
    const res = await addPrice('PLAN_GAP', { priceId: 'PRICE_GAP_MAY', amount: '4.00', validFrom: '2026-05-01T00:00:00Z', validTo: '2026-05-15T00:00:00Z', retireCurrent: true });
    expect(res.statusCode).toBe(201);
    const none = await h.get(`${TMF}/productOfferingPrice/active/PLAN_GAP`);
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({
      code: 'POLICY_VIOLATION',
      reason: 'catalog.price.no_active_row',
      context: { offeringId: 'PLAN_GAP', at: '2026-06-01T00:00:00.000Z', cause: 'no_price_in_window' },
    });
    expect((await activeAt('PLAN_GAP', '2026-05-10T00:00:00Z')).json().id).toBe('PRICE_GAP_MAY');
    // Sellable but unpriced offerings still list under activeAt, after the priced ones.
    const list = await h.get(`${TMF}/productOffering?activeAt=2026-06-01T00:00:00Z&fields=id`);
    expect(list.json().map((o: { id: string }) => o.id)).toEqual(['PLAN_S', 'PLAN_M', 'PLAN_P', 'PLAN_L', 'PLAN_GAP']);
  });

  it.each([
    ['catalog.price.already_exists', 'PLAN_P', { priceId: 'PRICE_PLAN_M', amount: '1.00' }],
    ['catalog.price.amount.positive', 'PLAN_P', { priceId: 'PRICE_P_ZERO', amount: 0 }],
    ['catalog.price.amount.invalid', 'PLAN_P', { priceId: 'PRICE_P_NEG', amount: '-5.00' }],
    ['catalog.price.window.invalid', 'PLAN_P', { priceId: 'PRICE_P_INV', amount: '1.00', validFrom: '2026-08-01T00:00:00Z', validTo: '2026-07-01T00:00:00Z' }],
  ])('refuses with %s and writes nothing', async (reason, offeringId, body) => {
    const before = (await h.get('/audit-api/v1/events?aggregateId=PLAN_P')).json().count;
    const res = await addPrice(offeringId, body);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason });
    expect((await h.get('/audit-api/v1/events?aggregateId=PLAN_P')).json().count).toBe(before);
  });

  it('refuses an unknown offering (404), the portal token (403), bad bodies (400) and a missing token (401)', async () => {
    const missing = await addPrice('PLAN_NOPE', { priceId: 'PRICE_X', amount: '1.00' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'catalog.offering.not_found' });
    const portal = await addPrice('PLAN_P', { priceId: 'PRICE_X', amount: '1.00' }, portalHeaders({ 'x-bss-actor': 'ops-alice' }));
    expect(portal.statusCode).toBe(403);
    expect(portal.json()).toMatchObject({ reason: 'auth.scope_missing', context: { scope: 'catalog:admin' } });
    for (const payload of ['{"priceId"', { amount: '1.00' }, { priceId: 'P', amount: [1] }, { priceId: 'P', amount: '1.00', retireCurrent: 'yes' }]) {
      const res = await addPrice('PLAN_P', payload as Record<string, unknown>);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await addPrice('PLAN_P', { priceId: 'PRICE_X', amount: '1.00' }, { 'x-bss-actor': 'ops' })).statusCode).toBe(401);
    expect((await h.get(`${TMF}/productOfferingPrice/PRICE_X`)).statusCode).toBe(404);
  });
});
