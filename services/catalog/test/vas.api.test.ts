// VAS offerings (non-TMF, camelCase, amounts as decimal strings): list with paging headers and get.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalog, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCatalog();
});
afterAll(async () => {
  await h?.close();
});

describe('GET /vas/offering', () => {
  it('lists the four seeded top-ups ordered by id with X-Total-Count', async () => {
    const res = await h.get('/vas/offering');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe('4');
    expect(res.headers['x-result-count']).toBe('4');
    expect(res.json().map((v: { id: string }) => v.id)).toEqual(['VAS_DATA_1GB', 'VAS_DATA_5GB', 'VAS_ROAMING_1GB', 'VAS_UNLIMITED_DAY']);
  });

  it('pages with offset/limit', async () => {
    const res = await h.get('/vas/offering?offset=1&limit=2');
    expect(res.json().map((v: { id: string }) => v.id)).toEqual(['VAS_DATA_5GB', 'VAS_ROAMING_1GB']);
    expect(res.headers['x-total-count']).toBe('4');
    expect(res.headers['x-result-count']).toBe('2');
    expect((await h.get('/vas/offering?limit=5000')).statusCode).toBe(400);
  });
});

describe('GET /vas/offering/{id}', () => {
  it('serves a VAS offering with a decimal-string price', async () => {
    const res = await h.get('/vas/offering/VAS_UNLIMITED_DAY');
    expect(res.json()).toEqual({
      id: 'VAS_UNLIMITED_DAY',
      name: 'Unlimited Data Day Pass',
      priceAmount: '5.00',
      currency: 'SGD',
      allowanceType: 'data',
      allowanceQuantity: -1,
      allowanceUnit: 'mb',
      expiryHours: 24,
    });
    expect((await h.get('/vas/offering/VAS_ROAMING_1GB')).json()).toMatchObject({ priceAmount: '8.00', allowanceType: 'data_roaming', allowanceQuantity: 1024, expiryHours: null });
  });

  it('404s an unknown VAS offering', async () => {
    const res = await h.get('/vas/offering/VAS_NOPE');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'catalog.vas_offering.not_found', context: { vasId: 'VAS_NOPE' } });
  });
});
