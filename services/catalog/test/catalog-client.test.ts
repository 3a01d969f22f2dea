// The typed catalog client against a really listening catalog app: every route, responses parsed with the
// contract schemas, and the error envelope turned back into typed errors.
import { createCatalogClient, NotFoundError, PolicyViolationError, ValidationError } from '@bss/clients';
import { TEST_PORTAL_TOKEN, TEST_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalog, tmf, type Harness } from './harness.ts';

let h: Harness;
let baseUrl: string;
beforeAll(async () => {
  h = await startCatalog('2026-06-01T00:00:00Z');
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = address;
});
afterAll(async () => {
  await h?.close();
});

const client = (actor?: string) => createCatalogClient({ baseUrl, token: TEST_TOKEN, ...(actor ? { actor } : {}) });

describe('catalog client reads', () => {
  it('lists and gets offerings, prices and specifications', async () => {
    const c = client();
    const page = await c.listOfferings();
    expect(page.items.map((o) => o.id)).toEqual(['PLAN_L', 'PLAN_M', 'PLAN_S']);
    expect(page.total).toBe(3);
    const active = await c.listOfferings({ activeAt: '2026-06-01T00:00:00Z', limit: 2 });
    expect(active.items.map((o) => o.id)).toEqual(['PLAN_S', 'PLAN_M']);
    expect(active.total).toBe(3);
    const retired = await c.listOfferings({ lifecycleStatus: 'retired', offset: 0 });
    expect(retired).toEqual({ items: [], total: 0 });
    const offering = await c.getOffering('PLAN_M');
    tmf.assert('ProductOffering', offering);
    expect(offering.productOfferingPrice[0]!.price.taxIncludedAmount.value).toBe(25);
    const price = await c.getPrice('PRICE_PLAN_S');
    tmf.assert('ProductOfferingPrice', price);
    expect(price.price).toEqual({ value: 10, unit: 'SGD' });
    expect((await c.getActivePrice('PLAN_L')).id).toBe('PRICE_PLAN_L');
    expect((await c.getActivePrice('PLAN_L', '2030-01-01T00:00:00Z')).id).toBe('PRICE_PLAN_L');
    const specs = await c.listSpecifications();
    expect(specs.total).toBe(1);
    expect((await c.getSpecification('SPEC_MOBILE_PREPAID')).brand).toBe('BSS-CLI');
  });

  it('lists and gets VAS offerings', async () => {
    const c = client();
    const page = await c.listVas({ limit: 2 });
    expect(page.items.map((v) => v.id)).toEqual(['VAS_DATA_1GB', 'VAS_DATA_5GB']);
    expect(page.total).toBe(4);
    expect((await c.getVas('VAS_DATA_5GB')).priceAmount).toBe('12.00');
  });

  it('raises NotFoundError for unknown ids', async () => {
    const c = client();
    await expect(c.getOffering('PLAN_NOPE')).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.getPrice('PRICE_NOPE')).rejects.toMatchObject({ reason: 'catalog.price.not_found' });
    await expect(c.getSpecification('SPEC_NOPE')).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.getVas('VAS_NOPE')).rejects.toMatchObject({ reason: 'catalog.vas_offering.not_found' });
  });
});

describe('catalog client writes', () => {
  it('adds, windows, prices and retires an offering as a named operator', async () => {
    const c = client('ops-carol');
    const added = await c.addOffering({ offeringId: 'PLAN_C', name: 'Client plan', amount: '30.00', dataMb: 4096 });
    expect(added.productOfferingPrice[0]!.price.taxIncludedAmount).toEqual({ value: 30, unit: 'SGD' });
    const windowed = await c.setOfferingWindow('PLAN_C', { validTo: '2027-01-01T00:00:00Z' });
    expect(windowed.validFor).toEqual({ endDateTime: '2027-01-01T00:00:00.000Z' });
    const price = await c.addPrice('PLAN_C', { priceId: 'PRICE_C_2', amount: '28.50', validFrom: '2026-07-01T00:00:00Z', retireCurrent: true });
    expect(price.price.value).toBe(28.5);
    const retired = await c.retireOffering('PLAN_C');
    expect(retired.lifecycleStatus).toBe('retired');
    const audit = await h.get('/audit-api/v1/events?aggregateId=PLAN_C');
    expect(audit.json().events.map((e: { eventType: string; actor: string }) => `${e.eventType}:${e.actor}`)).toEqual([
      'catalog.offering.added:ops-carol',
      'catalog.offering.window_changed:ops-carol',
      'catalog.price.added:ops-carol',
      'catalog.offering.retired:ops-carol',
    ]);
  });

  it('raises PolicyViolationError with the rule id, ValidationError for a bad body, and reports a missing scope', async () => {
    // The customer-facing portal's token lacks catalog:admin, whatever actor it names.
    const portal = createCatalogClient({ baseUrl, token: TEST_PORTAL_TOKEN, actor: 'ops-carol' });
    await expect(portal.retireOffering('PLAN_M')).rejects.toMatchObject({
      httpStatus: 403,
      context: { downstreamReason: 'auth.scope_missing', scope: 'catalog:admin', identity: 'portal_self_serve' },
    });
    const err = await client('ops-carol').retireOffering('PLAN_C').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyViolationError);
    expect((err as PolicyViolationError).rule).toBe('catalog.offering.already_retired');
    await expect(client('ops-carol').getActivePrice('PLAN_C')).rejects.toMatchObject({ rule: 'catalog.price.no_active_row' });
    await expect(client('ops-carol').addPrice('PLAN_M', { priceId: 'bad id', amount: '1.00' })).rejects.toBeInstanceOf(ValidationError);
  });
});
