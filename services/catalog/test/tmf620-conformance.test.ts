// TMF620 conformance: our OpenAPI document against the official swagger (no missing operation, query parameter
// or response code for the resources we serve), then create → get → list (filters, fields) → merge-patch →
// delete on productSpecification, productOfferingPrice and productOffering, with bodies built from the official
// *_Create definitions (mandatory attributes only, then every attribute we accept). Every request body is
// checked against its official definition and every 2xx body against the strict official resource schema
// (here and in the harness's onSend check). Refused official attributes show their 4xx.
import { authHeaders, diffAgainstSpec, portalHeaders } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator, startCatalog, tmf, TMF, type Harness } from './harness.ts';

const NOW = '2026-06-01T00:00:00.000Z';
const SPEC_FILE = 'TMF620-ProductCatalog-v4.swagger.json';

let h: Harness;
beforeAll(async () => {
  h = await startCatalog(NOW);
});
afterAll(async () => {
  await h?.close();
});

type Method = 'POST' | 'PATCH' | 'DELETE';
/** A write as a TMF client sends it: JSON on POST, merge-patch on PATCH, the operator token (catalog:admin). */
function write(method: Method, path: string, body?: unknown, headers: Record<string, string> = operator()) {
  const contentType = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  return h.app.inject({
    method,
    url: `${TMF}${path}`,
    headers: body === undefined ? headers : { 'content-type': contentType, ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}
/** A create body, first checked against the official `<Resource>_Create` definition (strict). */
function create(resource: string, body: Record<string, unknown>) {
  const definition = `${resource[0]!.toUpperCase()}${resource.slice(1)}_Create`;
  tmf.assert(definition, body);
  return write('POST', `/${resource}`, body);
}
/**
 * A merge-patch body, first checked against the official `<Resource>_Update` definition (strict). A null is
 * RFC 7386's "remove", which the swagger cannot express, so nulls are left out of that check.
 */
function patch(resource: string, id: string, body: Record<string, unknown>) {
  const withoutRemovals = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
  tmf.assert(`${resource[0]!.toUpperCase()}${resource.slice(1)}_Update`, withoutRemovals);
  return write('PATCH', `/${resource}/${id}`, body);
}
const events = async (aggregateId: string) => {
  const res = await h.get(`/audit-api/v1/events?aggregateId=${aggregateId}`);
  return (res.json().events as { eventType: string }[]).map((e) => e.eventType);
};
const ids = (body: { id: string }[]) => body.map((r) => r.id);

describe('TMF620 OpenAPI against the official specification', () => {
  it('has every operation, query parameter and response code for productOffering, productOfferingPrice, productSpecification', async () => {
    const doc = (await h.get('/openapi.json')).json();
    expect(diffAgainstSpec(doc, SPEC_FILE, { resources: ['productOffering', 'productOfferingPrice', 'productSpecification'] })).toEqual([]);
  });

  it('does not serve Catalog or Category (deviation recorded in DECISIONS.md)', async () => {
    const doc = (await h.get('/openapi.json')).json();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith(`${TMF}/catalog`) || p.startsWith(`${TMF}/category`))).toEqual([]);
    expect((await h.get(`${TMF}/catalog`)).statusCode).toBe(404);
    expect((await h.get(`${TMF}/category`)).statusCode).toBe(404);
  });

  it('requires catalog:admin on every TMF write, as on the admin routes', async () => {
    const doc = (await h.get('/openapi.json')).json();
    for (const path of ['/productOffering', '/productOfferingPrice', '/productSpecification']) {
      const res = await write('POST', path, { name: 'x' }, portalHeaders());
      expect(res.statusCode, path).toBe(403);
      expect(res.json()).toMatchObject({ reason: 'auth.scope_missing', context: { scope: 'catalog:admin' } });
      expect((await write('PATCH', `${path}/X`, { name: 'x' }, portalHeaders())).statusCode, path).toBe(403);
      expect((await write('DELETE', `${path}/X`, undefined, portalHeaders())).statusCode, path).toBe(403);
      expect(doc.paths[`${TMF}${path}`].post).toBeDefined();
    }
  });
});

describe('productSpecification', () => {
  let minimal: string;
  let full: string;

  it('creates from the mandatory attributes only: 201, Location, lastUpdate from the clock', async () => {
    const res = await create('productSpecification', { name: 'eSIM data only' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    tmf.assert('ProductSpecification', body);
    expect(body.id).toMatch(/^PS-[0-9a-z]{20}$/);
    expect(res.headers.location).toBe(body.href);
    expect(body).toEqual({ id: body.id, href: body.href, name: 'eSIM data only', lastUpdate: NOW, '@type': 'ProductSpecification' });
    minimal = body.id;
    expect(await events(minimal)).toEqual(['catalog.specification.created']);
  });

  it('creates with every accepted attribute (lifecycleStatus kept as sent)', async () => {
    const input = { name: 'Travel SIM', description: 'Roaming-first plan family', brand: 'BSS-CLI', lifecycleStatus: 'In design', '@type': 'ProductSpecification' };
    const res = await create('productSpecification', input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...input, lastUpdate: NOW });
    full = res.json().id;
    tmf.assert('ProductSpecification', res.json());
    expect((await h.get(`${TMF}/productSpecification/${full}`)).json()).toEqual(res.json());
  });

  it('refuses the official attributes it does not model with a 400 (characteristics, relations, lastUpdate)', async () => {
    for (const extra of [
      { productSpecCharacteristic: [{ name: 'colour', valueType: 'string' }] },
      { bundledProductSpecification: [{ id: 'SPEC_MOBILE_PREPAID' }] },
      { lastUpdate: NOW },
      { validFor: { startDateTime: NOW } },
    ]) {
      const res = await create('productSpecification', { name: 'x', ...extra });
      expect(res.statusCode, Object.keys(extra)[0]).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('gets with fields, lists with filters and fields; the counts describe the filtered set', async () => {
    const one = await h.get(`${TMF}/productSpecification/${full}?fields=name,brand`);
    expect(Object.keys(one.json()).sort()).toEqual(['@type', 'brand', 'href', 'id', 'name']);
    tmf.assert('ProductSpecification', one.json());

    const byLifecycle = await h.get(`${TMF}/productSpecification?lifecycleStatus=in%20DESIGN&fields=lifecycleStatus`);
    expect(byLifecycle.json()).toEqual([{ id: full, href: expect.any(String), lifecycleStatus: 'In design', '@type': 'ProductSpecification' }]);
    expect(byLifecycle.headers['x-total-count']).toBe('1');
    expect(byLifecycle.headers['x-result-count']).toBe('1');

    const byBrand = await h.get(`${TMF}/productSpecification?brand=BSS-CLI&limit=1`);
    expect(byBrand.headers['x-total-count']).toBe('2');
    expect(byBrand.headers['x-result-count']).toBe('1');
    expect(ids((await h.get(`${TMF}/productSpecification?name=eSIM%20data%20only`)).json())).toEqual([minimal]);
    expect((await h.get(`${TMF}/productSpecification?lifecycleStatus=Retired`)).json()).toEqual([]);
  });

  it('merge-patches: omitted unchanged, null removes, lastUpdate moves with the clock', async () => {
    h.platform.clock.advance(60_000);
    const res = await patch('productSpecification', full, { description: null, lifecycleStatus: 'Active' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    tmf.assert('ProductSpecification', body);
    expect(body.description).toBeUndefined();
    expect(body).toMatchObject({ name: 'Travel SIM', brand: 'BSS-CLI', lifecycleStatus: 'Active' });
    expect(body.lastUpdate).toBe(h.platform.clock.now().toISOString());
    expect((await write('PATCH', `/productSpecification/${full}`, { productSpecCharacteristic: [] })).statusCode).toBe(400);
    expect((await write('PATCH', '/productSpecification/PS-NOPE', { name: 'x' })).statusCode).toBe(404);
  });

  it('deletes an unused specification (204) and refuses one offerings use (422 catalog.specification.delete.in_use)', async () => {
    const used = await write('DELETE', '/productSpecification/SPEC_MOBILE_PREPAID');
    expect(used.statusCode).toBe(422);
    expect(used.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason: 'catalog.specification.delete.in_use', context: { offeringIds: ['PLAN_L', 'PLAN_M', 'PLAN_S'] } });
    const res = await write('DELETE', `/productSpecification/${minimal}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await h.get(`${TMF}/productSpecification/${minimal}`)).statusCode).toBe(404);
    expect((await write('DELETE', `/productSpecification/${minimal}`)).statusCode).toBe(404);
    expect(await events(minimal)).toEqual(['catalog.specification.created', 'catalog.specification.deleted']);
  });
});

describe('productOfferingPrice', () => {
  let chargeable: string;
  let full: string;

  it('refuses the mandatory attributes alone: a price without an amount cannot be charged (422 catalog.price.amount.required)', async () => {
    const res = await create('productOfferingPrice', { name: 'No amount' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason: 'catalog.price.amount.required' });
  });

  it('creates from name and price: a monthly recurring price listed by no offering', async () => {
    const res = await create('productOfferingPrice', { name: 'Data 20GB monthly', price: { value: 18.5, unit: 'SGD' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    tmf.assert('ProductOfferingPrice', body);
    expect(res.headers.location).toBe(body.href);
    expect(body).toEqual({
      id: expect.stringMatching(/^POP-[0-9a-z]{20}$/),
      href: body.href,
      name: 'Data 20GB monthly',
      lifecycleStatus: 'active',
      lastUpdate: h.platform.clock.now().toISOString(),
      priceType: 'recurring',
      recurringChargePeriodType: 'month',
      recurringChargePeriodLength: 1,
      price: { value: 18.5, unit: 'SGD' },
      '@type': 'ProductOfferingPrice',
    });
    chargeable = body.id;
  });

  it('creates with every accepted attribute', async () => {
    const input = {
      name: 'Launch price',
      description: 'First three months',
      lifecycleStatus: 'Active',
      priceType: 'recurring',
      recurringChargePeriodType: 'month',
      recurringChargePeriodLength: 1,
      price: { value: 9.9, unit: 'SGD' },
      validFor: { startDateTime: '2026-06-01T00:00:00Z', endDateTime: '2026-09-01T00:00:00Z' },
      '@type': 'ProductOfferingPrice',
    };
    const res = await create('productOfferingPrice', input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...input,
      lifecycleStatus: 'active',
      validFor: { startDateTime: '2026-06-01T00:00:00.000Z', endDateTime: '2026-09-01T00:00:00.000Z' },
    });
    full = res.json().id;
    const oneTime = await create('productOfferingPrice', { name: 'Activation fee', priceType: 'one_time', price: { value: 5, unit: 'SGD' } });
    expect(oneTime.statusCode).toBe(201);
    expect(oneTime.json().recurringChargePeriodType).toBeUndefined();
  });

  it('refuses what it cannot honour: 400 for unmodelled attributes and periods, 422 for a period on a one-time price', async () => {
    for (const extra of [
      { percentage: 10 },
      { tax: [{ taxCategory: 'GST', taxRate: 9 }] },
      { popRelationship: [{ id: 'PRICE_PLAN_M' }] },
      { unitOfMeasure: { amount: 1, units: 'GB' } },
      { recurringChargePeriodType: 'week' },
      { price: { value: 1.234, unit: 'SGD' } },
    ]) {
      const res = await create('productOfferingPrice', { name: 'x', price: { value: 1, unit: 'SGD' }, ...extra });
      expect([400, 422], Object.keys(extra)[0]).toContain(res.statusCode);
      if (!('price' in extra)) expect(res.statusCode, Object.keys(extra)[0]).toBe(400);
      else expect(res.json().reason).toBe('catalog.price.amount.invalid');
    }
    const period = await create('productOfferingPrice', { name: 'x', priceType: 'one_time', recurringChargePeriodType: 'month', price: { value: 1, unit: 'SGD' } });
    expect(period.statusCode).toBe(422);
    expect(period.json().reason).toBe('catalog.price.period.not_recurring');
  });

  it('lists every price (the list was a 404 before) with filters and fields, counting the filtered set', async () => {
    const all = await h.get(`${TMF}/productOfferingPrice?limit=2`);
    expect(all.statusCode).toBe(200);
    expect(all.headers['x-total-count']).toBe('6');
    expect(all.headers['x-result-count']).toBe('2');
    const named = await h.get(`${TMF}/productOfferingPrice?name=Launch%20price&fields=name,price`);
    expect(named.json()).toEqual([{ id: full, href: expect.any(String), name: 'Launch price', price: { value: 9.9, unit: 'SGD' }, '@type': 'ProductOfferingPrice' }]);
    expect(named.headers['x-total-count']).toBe('1');
    const oneTime = await h.get(`${TMF}/productOfferingPrice?priceType=one_time&lifecycleStatus=ACTIVE`);
    expect(oneTime.json().map((p: { name: string }) => p.name)).toEqual(['Activation fee']);
    expect(oneTime.headers['x-total-count']).toBe('1');
    expect((await h.get(`${TMF}/productOfferingPrice?lifecycleStatus=In%20design`)).json()).toEqual([]);
    const projected = await h.get(`${TMF}/productOfferingPrice/${chargeable}?fields=lastUpdate`);
    expect(projected.json()).toEqual({ id: chargeable, href: expect.any(String), lastUpdate: h.platform.clock.now().toISOString(), '@type': 'ProductOfferingPrice' });
  });

  it('merge-patches name, description and validFor; echoing the charged terms is fine, changing them is 422', async () => {
    const res = await patch('productOfferingPrice', full, { name: 'Launch offer', description: null, validFor: { endDateTime: '2026-10-01T00:00:00Z' } });
    expect(res.statusCode).toBe(200);
    tmf.assert('ProductOfferingPrice', res.json());
    expect(res.json()).toMatchObject({ name: 'Launch offer', validFor: { startDateTime: '2026-06-01T00:00:00.000Z', endDateTime: '2026-10-01T00:00:00.000Z' } });
    expect(res.json().description).toBeUndefined();
    const echo = await patch('productOfferingPrice', full, { price: { value: 9.9, unit: 'SGD' }, priceType: 'recurring' });
    expect(echo.statusCode).toBe(200);
    const changed = await patch('productOfferingPrice', full, { price: { value: 12, unit: 'SGD' } });
    expect(changed.statusCode).toBe(422);
    expect(changed.json()).toMatchObject({ reason: 'catalog.price.terms.immutable', context: { attributes: ['price.value'] } });
    const inverted = await patch('productOfferingPrice', full, { validFor: { endDateTime: '2026-05-01T00:00:00Z' } });
    expect(inverted.json().reason).toBe('catalog.price.window.invalid');
  });

  it('retires through lifecycleStatus (window closed at now), one-way', async () => {
    const res = await patch('productOfferingPrice', chargeable, { lifecycleStatus: 'Retired' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lifecycleStatus: 'retired', validFor: { endDateTime: h.platform.clock.now().toISOString() } });
    const back = await patch('productOfferingPrice', chargeable, { lifecycleStatus: 'active' });
    expect(back.statusCode).toBe(422);
    expect(back.json().reason).toBe('catalog.price.transition.invalid');
    const odd = await patch('productOfferingPrice', chargeable, { lifecycleStatus: 'Launched' });
    expect(odd.json().reason).toBe('catalog.price.lifecycle_status.unsupported');
  });

  it('deletes a price no sellable offering lists (204) and refuses one that a sold offering lists', async () => {
    const sold = await write('DELETE', '/productOfferingPrice/PRICE_PLAN_M');
    expect(sold.statusCode).toBe(422);
    expect(sold.json()).toMatchObject({ reason: 'catalog.price.delete.offering_was_sellable', context: { offeringId: 'PLAN_M' } });
    const res = await write('DELETE', `/productOfferingPrice/${chargeable}`);
    expect(res.statusCode).toBe(204);
    expect((await h.get(`${TMF}/productOfferingPrice/${chargeable}`)).statusCode).toBe(404);
    expect(await events(chargeable)).toEqual(['catalog.price.created', 'catalog.price.updated', 'catalog.price.deleted']);
  });
});

describe('productOffering', () => {
  let draft: string;
  let full: string;
  let priceId: string;

  it('creates from the mandatory attributes only: a draft, not a bundle, no prices yet', async () => {
    const res = await create('productOffering', { name: 'Weekend pass' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    tmf.assert('ProductOffering', body);
    expect(res.headers.location).toBe(body.href);
    expect(body).toEqual({
      id: expect.stringMatching(/^PO-[0-9a-z]{20}$/),
      href: body.href,
      name: 'Weekend pass',
      isBundle: false,
      lastUpdate: h.platform.clock.now().toISOString(),
      isSellable: false,
      lifecycleStatus: 'active',
      productOfferingPrice: [],
      prodSpecCharValueUse: [],
      '@type': 'ProductOffering',
    });
    draft = body.id;
  });

  it('creates with every accepted attribute, listing a new price', async () => {
    priceId = (await create('productOfferingPrice', { name: 'Travel monthly', price: { value: 30, unit: 'SGD' } })).json().id;
    const input = {
      name: 'Travel',
      description: 'Roaming-first plan',
      isBundle: false,
      isSellable: false,
      lifecycleStatus: 'Active',
      validFor: { startDateTime: '2026-06-01T00:00:00Z' },
      productSpecification: { id: 'SPEC_MOBILE_PREPAID', '@referredType': 'ProductSpecification' },
      productOfferingPrice: [{ id: priceId, name: 'Travel monthly' }],
      '@type': 'ProductOffering',
    };
    const res = await create('productOffering', input);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'Travel',
      description: 'Roaming-first plan',
      isBundle: false,
      isSellable: false,
      lifecycleStatus: 'active',
      validFor: { startDateTime: '2026-06-01T00:00:00.000Z' },
      productSpecification: { id: 'SPEC_MOBILE_PREPAID', name: 'Mobile Prepaid Bundle' },
      productOfferingPrice: [{ id: priceId, price: { taxIncludedAmount: { value: 30, unit: 'SGD' } } }],
    });
    full = body.id;
    expect(await events(full)).toEqual(['catalog.offering.created']);
  });

  it('refuses bundles (422), unmodelled official attributes (400) and prices it cannot list (422)', async () => {
    const bundle = await create('productOffering', { name: 'x', isBundle: true });
    expect(bundle.statusCode).toBe(422);
    expect(bundle.json().reason).toBe('catalog.offering.bundle.unsupported');
    for (const extra of [
      { bundledProductOffering: [{ id: 'PLAN_S' }] },
      { category: [{ id: 'CAT1' }] },
      { channel: [{ id: 'web' }] },
      { productOfferingTerm: [{ name: '12 months' }] },
      { lastUpdate: NOW },
    ]) {
      const res = await create('productOffering', { name: 'x', ...extra });
      expect(res.statusCode, Object.keys(extra)[0]).toBe(400);
    }
    const taken = await create('productOffering', { name: 'x', productOfferingPrice: [{ id: 'PRICE_PLAN_M' }] });
    expect(taken.json()).toMatchObject({ reason: 'catalog.offering.price.attached_elsewhere', context: { priceIds: ['PRICE_PLAN_M'] } });
    const unknown = await create('productOffering', { name: 'x', productOfferingPrice: [{ id: 'POP-NOPE' }] });
    expect(unknown.json().reason).toBe('catalog.offering.price_unknown');
    const spec = await create('productOffering', { name: 'x', productSpecification: { id: 'SPEC_NOPE' } });
    expect(spec.json().reason).toBe('catalog.offering.spec_unknown');
    const odd = await create('productOffering', { name: 'x', lifecycleStatus: 'In design' });
    expect(odd.json().reason).toBe('catalog.offering.lifecycle_status.unsupported');
  });

  it('gets with fields and lists with attribute filters and fields, counting the filtered set', async () => {
    const one = await h.get(`${TMF}/productOffering/${full}?fields=description,lastUpdate`);
    expect(Object.keys(one.json()).sort()).toEqual(['@type', 'description', 'href', 'id', 'lastUpdate']);
    const drafts = await h.get(`${TMF}/productOffering?isSellable=false&fields=name`);
    expect(drafts.json().map((o: { name: string }) => o.name).sort()).toEqual(['Travel', 'Weekend pass']);
    expect(drafts.headers['x-total-count']).toBe('2');
    const named = await h.get(`${TMF}/productOffering?name=Travel&lifecycleStatus=ACTIVE&limit=1`);
    expect(ids(named.json())).toEqual([full]);
    expect(named.headers['x-total-count']).toBe('1');
    // Drafts are never offered for sale: the activeAt list keeps only sellable offerings.
    expect(ids((await h.get(`${TMF}/productOffering?activeAt=${NOW}`)).json())).toEqual(['PLAN_S', 'PLAN_M', 'PLAN_L']);
  });

  it('merge-patches: sellable, description removed, lastUpdate from the clock; attached prices cannot be dropped', async () => {
    const res = await patch('productOffering', full, { isSellable: true, description: null });
    expect(res.statusCode).toBe(200);
    tmf.assert('ProductOffering', res.json());
    expect(res.json()).toMatchObject({ isSellable: true, lifecycleStatus: 'active', lastUpdate: h.platform.clock.now().toISOString() });
    expect(res.json().description).toBeUndefined();
    expect(ids((await h.get(`${TMF}/productOffering?activeAt=${NOW}`)).json())).toEqual(['PLAN_S', 'PLAN_M', full, 'PLAN_L']);
    const drop = await patch('productOffering', full, { productOfferingPrice: [] });
    expect(drop.json()).toMatchObject({ reason: 'catalog.offering.price.detach_refused', context: { priceIds: [priceId] } });
    const bundle = await patch('productOffering', full, { isBundle: true });
    expect(bundle.json().reason).toBe('catalog.offering.bundle.unsupported');
    expect((await write('PATCH', `/productOffering/${full}`, { bundledProductOffering: [] })).statusCode).toBe(400);
  });

  it('never deletes an offering that has been sellable (422): it is retired by a patch, one-way', async () => {
    const del = await write('DELETE', `/productOffering/${full}`);
    expect(del.statusCode).toBe(422);
    expect(del.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason: 'catalog.offering.delete.was_sellable' });
    const retired = await patch('productOffering', full, { lifecycleStatus: 'Retired' });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ lifecycleStatus: 'retired', isSellable: false, validFor: { endDateTime: h.platform.clock.now().toISOString() } });
    expect((await events(full)).slice(-2)).toEqual(['catalog.offering.updated', 'catalog.offering.retired']);
    const back = await patch('productOffering', full, { lifecycleStatus: 'active' });
    expect(back.json().reason).toBe('catalog.offering.transition.invalid');
    const sell = await patch('productOffering', full, { isSellable: true });
    expect(sell.json().reason).toBe('catalog.offering.sellable.retired');
    expect((await write('DELETE', `/productOffering/${full}`)).json().reason).toBe('catalog.offering.delete.was_sellable');
    expect((await write('DELETE', '/productOffering/PLAN_M')).json().reason).toBe('catalog.offering.delete.was_sellable');
    expect((await h.get(`${TMF}/productOffering/PLAN_M`)).json().lifecycleStatus).toBe('active');
  });

  it('deletes a never-sellable draft (204); the prices it listed stay, listed by none', async () => {
    const draftPrice = (await create('productOfferingPrice', { name: 'Weekend', price: { value: 4, unit: 'SGD' } })).json().id;
    const listed = await patch('productOffering', draft, { productOfferingPrice: [{ id: draftPrice }] });
    expect(listed.json().productOfferingPrice.map((p: { id: string }) => p.id)).toEqual([draftPrice]);
    const res = await write('DELETE', `/productOffering/${draft}`);
    expect(res.statusCode).toBe(204);
    expect((await h.get(`${TMF}/productOffering/${draft}`)).statusCode).toBe(404);
    expect((await h.get(`${TMF}/productOfferingPrice/${draftPrice}`)).statusCode).toBe(200);
    expect(await events(draft)).toEqual(['catalog.offering.created', 'catalog.offering.updated', 'catalog.offering.deleted']);
    // Nothing sold it, so the price may go too.
    expect((await write('DELETE', `/productOfferingPrice/${draftPrice}`)).statusCode).toBe(204);
  });

  it('reads with the plain token and 404s writes to unknown offerings', async () => {
    expect((await h.get(`${TMF}/productOffering/${full}`, authHeaders())).statusCode).toBe(200);
    expect((await patch('productOffering', 'PO-NOPE', { name: 'x' })).statusCode).toBe(404);
    expect((await write('DELETE', '/productOffering/PO-NOPE')).statusCode).toBe(404);
  });
});
