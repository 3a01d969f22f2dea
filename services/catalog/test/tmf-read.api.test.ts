// TMF620 reads: offering list/get (projection, paging, filters, activeAt ordering), prices, the active price,
// specifications. Every /tmf-api body is checked against the strict official TMF620 schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertTmfList, startCatalog, tmf, TMF, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCatalog();
});
afterAll(async () => {
  await h?.close();
});

describe('GET productOffering/{id}', () => {
  it('serves PLAN_M as a valid TMF620 ProductOffering with prices and allowances', async () => {
    const res = await h.get(`${TMF}/productOffering/PLAN_M`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    tmf.assert('ProductOffering', body);
    expect(body).toEqual({
      id: 'PLAN_M',
      href: 'http://localhost:8001/tmf-api/productCatalogManagement/v4/productOffering/PLAN_M',
      name: 'Standard',
      isBundle: false,
      lastUpdate: '2026-01-01T00:00:00.000Z',
      isSellable: true,
      lifecycleStatus: 'active',
      productSpecification: {
        id: 'SPEC_MOBILE_PREPAID',
        href: 'http://localhost:8001/tmf-api/productCatalogManagement/v4/productSpecification/SPEC_MOBILE_PREPAID',
        name: 'Mobile Prepaid Bundle',
        '@type': 'ProductSpecificationRef',
      },
      productOfferingPrice: [
        {
          id: 'PRICE_PLAN_M',
          href: 'http://localhost:8001/tmf-api/productCatalogManagement/v4/productOfferingPrice/PRICE_PLAN_M',
          priceType: 'recurring',
          recurringChargePeriod: 'month',
          recurringChargePeriodLength: 1,
          price: { taxIncludedAmount: { value: 25, unit: 'SGD' } },
          '@type': 'ProductOfferingPrice',
        },
      ],
      prodSpecCharValueUse: [
        { name: 'data', valueType: 'integer', productSpecCharacteristicValue: [{ value: 30720, unitOfMeasure: 'mb', valueType: 'integer' }] },
        { name: 'voice', valueType: 'integer', productSpecCharacteristicValue: [{ value: -1, unitOfMeasure: 'minutes', valueType: 'integer' }] },
        { name: 'sms', valueType: 'integer', productSpecCharacteristicValue: [{ value: -1, unitOfMeasure: 'count', valueType: 'integer' }] },
        { name: 'data_roaming', valueType: 'integer', productSpecCharacteristicValue: [{ value: 500, unitOfMeasure: 'mb', valueType: 'integer' }] },
      ],
      '@type': 'ProductOffering',
    });
    expect(JSON.stringify(body)).not.toContain('null');
  });

  it('lifecycleStatus is a free string: any case matches, an unknown value finds nothing, never a 400', async () => {
    for (const [q, ids] of [
      ['Active', ['PLAN_L', 'PLAN_M', 'PLAN_S']],
      ['ACTIVE', ['PLAN_L', 'PLAN_M', 'PLAN_S']],
      ['In%20design', []],
      ['gone', []],
    ] as const) {
      const res = await h.get(`${TMF}/productOffering?lifecycleStatus=${q}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().map((o: { id: string }) => o.id), q).toEqual(ids);
      expect(res.headers['x-total-count'], q).toBe(String(ids.length));
    }
  });

  it('projects fields, keeping id, href and @type', async () => {
    const res = await h.get(`${TMF}/productOffering/PLAN_S?fields=name,lifecycleStatus`);
    expect(res.json()).toEqual({
      id: 'PLAN_S',
      href: 'http://localhost:8001/tmf-api/productCatalogManagement/v4/productOffering/PLAN_S',
      name: 'Lite',
      lifecycleStatus: 'active',
      '@type': 'ProductOffering',
    });
    tmf.assert('ProductOffering', res.json());
  });

  it('answers an unknown offering with a 404 envelope', async () => {
    const res = await h.get(`${TMF}/productOffering/PLAN_NOPE`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'catalog.offering.not_found', context: { offeringId: 'PLAN_NOPE' } });
  });
});

describe('GET productOffering (list)', () => {
  it('lists every offering by id with paging headers', async () => {
    const res = await h.get(`${TMF}/productOffering`);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((o: { id: string }) => o.id)).toEqual(['PLAN_L', 'PLAN_M', 'PLAN_S']);
    expect(res.headers['x-total-count']).toBe('3');
    expect(res.headers['x-result-count']).toBe('3');
    assertTmfList('ProductOffering', res.json());
  });

  it('pages with offset/limit and keeps the total', async () => {
    const res = await h.get(`${TMF}/productOffering?offset=1&limit=1`);
    expect(res.json().map((o: { id: string }) => o.id)).toEqual(['PLAN_M']);
    expect(res.headers['x-total-count']).toBe('3');
    expect(res.headers['x-result-count']).toBe('1');
  });

  it('filters on lifecycleStatus and projects fields on every item', async () => {
    const active = await h.get(`${TMF}/productOffering?lifecycleStatus=active&fields=name`);
    expect(active.json()).toHaveLength(3);
    for (const o of active.json()) expect(Object.keys(o).sort()).toEqual(['@type', 'href', 'id', 'name']);
    assertTmfList('ProductOffering', active.json());
    const retired = await h.get(`${TMF}/productOffering?lifecycleStatus=retired`);
    expect(retired.json()).toEqual([]);
    expect(retired.headers['x-total-count']).toBe('0');
  });

  it('with activeAt returns sellable offerings cheapest first', async () => {
    const res = await h.get(`${TMF}/productOffering?activeAt=2026-06-01T00:00:00Z`);
    expect(res.json().map((o: { id: string }) => o.id)).toEqual(['PLAN_S', 'PLAN_M', 'PLAN_L']);
    assertTmfList('ProductOffering', res.json());
  });

  it('with activeAt sorts by price before paging (the reference paged first)', async () => {
    // Ids sort L, M, S but prices S < M < L: page 1 of size 1 must be the cheapest, PLAN_S.
    const first = await h.get(`${TMF}/productOffering?activeAt=2026-06-01T00:00:00Z&limit=1`);
    expect(first.json().map((o: { id: string }) => o.id)).toEqual(['PLAN_S']);
    expect(first.headers['x-total-count']).toBe('3');
    const second = await h.get(`${TMF}/productOffering?activeAt=2026-06-01T00:00:00Z&limit=1&offset=1`);
    expect(second.json().map((o: { id: string }) => o.id)).toEqual(['PLAN_M']);
    const last = await h.get(`${TMF}/productOffering?activeAt=2026-06-01T00:00:00Z&limit=2&offset=2`);
    expect(last.json().map((o: { id: string }) => o.id)).toEqual(['PLAN_L']);
    expect(last.headers['x-result-count']).toBe('1');
  });

  it('refuses bad query parameters with 400, never 500', async () => {
    for (const q of ['limit=0', 'limit=abc', 'offset=-1', 'activeAt=yesterday', `lifecycleStatus=${'x'.repeat(41)}`, 'isSellable=maybe', 'fields=na%20me']) {
      const res = await h.get(`${TMF}/productOffering?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code, q).toBe('VALIDATION_FAILED');
    }
  });
});

describe('productOfferingPrice', () => {
  it('serves a price by id as a TMF620 ProductOfferingPrice (price is Money)', async () => {
    const res = await h.get(`${TMF}/productOfferingPrice/PRICE_PLAN_L`);
    expect(res.statusCode).toBe(200);
    tmf.assert('ProductOfferingPrice', res.json());
    expect(res.json()).toEqual({
      id: 'PRICE_PLAN_L',
      href: 'http://localhost:8001/tmf-api/productCatalogManagement/v4/productOfferingPrice/PRICE_PLAN_L',
      name: 'Max monthly',
      lifecycleStatus: 'active',
      lastUpdate: '2026-01-01T00:00:00.000Z',
      priceType: 'recurring',
      recurringChargePeriodType: 'month',
      recurringChargePeriodLength: 1,
      price: { value: 45, unit: 'SGD' },
      '@type': 'ProductOfferingPrice',
    });
  });

  it('404s an unknown price', async () => {
    const res = await h.get(`${TMF}/productOfferingPrice/PRICE_NOPE`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'catalog.price.not_found', context: { priceId: 'PRICE_NOPE' } });
  });

  it('serves the active price of an offering, now by default or at activeAt', async () => {
    const now = await h.get(`${TMF}/productOfferingPrice/active/PLAN_M`);
    expect(now.statusCode).toBe(200);
    tmf.assert('ProductOfferingPrice', now.json());
    expect(now.json()).toMatchObject({ id: 'PRICE_PLAN_M', price: { value: 25, unit: 'SGD' } });
    const at = await h.get(`${TMF}/productOfferingPrice/active/PLAN_S?activeAt=2030-01-01T00:00:00%2B08:00`);
    expect(at.json().id).toBe('PRICE_PLAN_S');
  });

  it('404s the active price of an unknown offering and 400s a bad activeAt', async () => {
    const res = await h.get(`${TMF}/productOfferingPrice/active/PLAN_NOPE`);
    expect(res.statusCode).toBe(404);
    expect(res.json().reason).toBe('catalog.offering.not_found');
    expect((await h.get(`${TMF}/productOfferingPrice/active/PLAN_M?activeAt=2026-13-01`)).statusCode).toBe(400);
  });
});

describe('productSpecification', () => {
  it('lists and gets the seeded specification as TMF620 ProductSpecification', async () => {
    const list = await h.get(`${TMF}/productSpecification`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['x-total-count']).toBe('1');
    expect(list.headers['x-result-count']).toBe('1');
    assertTmfList('ProductSpecification', list.json());
    const one = await h.get(`${TMF}/productSpecification/SPEC_MOBILE_PREPAID`);
    tmf.assert('ProductSpecification', one.json());
    expect(one.json()).toEqual({
      id: 'SPEC_MOBILE_PREPAID',
      href: 'http://localhost:8001/tmf-api/productCatalogManagement/v4/productSpecification/SPEC_MOBILE_PREPAID',
      name: 'Mobile Prepaid Bundle',
      description: 'Bundled prepaid mobile plan',
      brand: 'BSS-CLI',
      lifecycleStatus: 'active',
      lastUpdate: '2026-01-01T00:00:00.000Z',
      '@type': 'ProductSpecification',
    });
    const empty = await h.get(`${TMF}/productSpecification?offset=5`);
    expect(empty.json()).toEqual([]);
    expect(empty.headers['x-total-count']).toBe('1');
    expect(empty.headers['x-result-count']).toBe('0');
  });

  it('404s an unknown specification', async () => {
    const res = await h.get(`${TMF}/productSpecification/SPEC_NOPE`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ reason: 'catalog.specification.not_found', context: { specId: 'SPEC_NOPE' } });
  });
});

describe('perimeter on catalog routes', () => {
  it.each([`${TMF}/productOffering`, `${TMF}/productOfferingPrice/PRICE_PLAN_M`, `${TMF}/productSpecification`, '/vas/offering'])(
    'refuses %s without a token or with a wrong one',
    async (url) => {
      const missing = await h.get(url, {});
      expect(missing.statusCode).toBe(401);
      expect(missing.json().code).toBe('AUTH_MISSING_TOKEN');
      const wrong = await h.get(url, { 'x-bss-api-token': 'w'.repeat(40) });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('AUTH_INVALID_TOKEN');
    },
  );
});

describe('TMF conformance of every response', () => {
  it('validates each TMF body the suite produced (onSend check in the harness)', () => {
    expect(h.tmfChecks.checked).toBeGreaterThanOrEqual(20);
    expect(h.tmfChecks.problems).toEqual([]);
  });
});

describe('openapi', () => {
  it('documents the catalog routes', async () => {
    const res = await h.get('/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        `${TMF}/productOffering`,
        `${TMF}/productOffering/{offeringId}`,
        `${TMF}/productOfferingPrice/active/{offeringId}`,
        '/vas/offering/{vasId}',
        '/admin/catalog/offering/{offeringId}/price',
      ]),
    );
  });
});
