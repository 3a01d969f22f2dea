// TMF635 Usage conformance: create from official Usage_Create bodies (mandatory characteristics only, and with
// every attribute we accept) and from the shorthand → get → list with filters and fields. Every response is
// validated strictly against the official `Usage`; our OpenAPI document is diffed against the swagger.
import { createTestDatabase, diffAgainstSpec, loadTmfValidator, authHeaders, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fakeSubscriptions, http, line, shorthand, USAGE, type TestApp } from './helpers.ts';

const tmf = loadTmfValidator('TMF635-UsageManagement-v4.swagger.json');
let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, { subscriptions: fakeSubscriptions([line('6591000001'), line('6591000002')]) });
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const mandatory = (msisdn: string) => ({
  usageDate: '2026-05-31T09:00:00Z',
  usageType: 'voice',
  usageCharacteristic: [
    { name: 'msisdn', value: msisdn },
    { name: 'quantity', value: 12 },
    { name: 'unit', value: 'minutes' },
  ],
});
let seq = 0;
const everything = (msisdn: string) => ({
  ...mandatory(msisdn),
  usageType: 'data',
  description: 'Roaming data session',
  usageCharacteristic: [
    { id: '1', name: 'msisdn', valueType: 'string', value: msisdn, '@type': 'UsageCharacteristic' },
    { id: '2', name: 'quantity', valueType: 'integer', value: 250 },
    { id: '3', name: 'unit', valueType: 'string', value: 'mb' },
    { id: '4', name: 'roaming', valueType: 'boolean', value: true },
    { id: '5', name: 'source', valueType: 'string', value: 'ggsn-1' },
    { id: '6', name: 'externalId', valueType: 'string', value: `cdr-635-${process.pid}-${++seq}` },
  ],
  relatedParty: [{ id: 'CUST-x', role: 'customer', '@referredType': 'Customer' }],
  status: 'received',
  usageSpecification: { id: 'USP-data', name: 'data session' },
  '@type': 'Usage',
  '@baseType': 'Usage',
  '@schemaLocation': 'https://example.com/schema/Usage.json',
});

describe('TMF635 create', () => {
  it('the bodies are built from the official definition', () => {
    expect(tmf.validate('Usage_Create', mandatory('6591000001'))).toEqual([]);
    expect(tmf.validate('Usage_Create', everything('6591000001'))).toEqual([]);
  });

  it('records from the mandatory attributes: 201, Location, a strictly valid Usage', async () => {
    const res = await api.post(USAGE, mandatory('6591000001'));
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    tmf.assert('Usage', u);
    expect(res.headers.location).toBe(u.href);
    expect(u).toMatchObject({ usageType: 'voice', usageDate: '2026-05-31T09:00:00.000Z', status: 'received', '@type': 'Usage' });
    expect(u.usageCharacteristic).toEqual(
      expect.arrayContaining([
        { name: 'msisdn', valueType: 'string', value: '6591000001' },
        { name: 'quantity', valueType: 'integer', value: 12 },
        { name: 'unit', valueType: 'string', value: 'minutes' },
        { name: 'roaming', valueType: 'boolean', value: false },
        { name: 'subscriptionId', valueType: 'string', value: 'SUB-6591000001' },
        { name: 'offeringId', valueType: 'string', value: 'PLAN_M' },
      ]),
    );
  });

  it('records with every attribute; externalId makes the repost a 200 replay', async () => {
    const body = everything('6591000002');
    const res = await api.post(USAGE, body);
    expect(res.statusCode, res.body).toBe(201);
    tmf.assert('Usage', res.json());
    expect(res.json()).toMatchObject({ description: 'Roaming data session', relatedParty: [{ id: 'CUST-6591000002' }] });
    const again = await api.post(USAGE, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(res.json().id);
  });

  it('refuses a missing, doubled or mistyped characteristic with 400 naming it', async () => {
    const without = { ...mandatory('6591000001'), usageCharacteristic: mandatory('6591000001').usageCharacteristic.slice(0, 2) };
    const res = await api.post(USAGE, without);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'request.invalid_characteristic', context: { characteristic: 'unit' } });
    const doubled = { ...mandatory('6591000001'), usageCharacteristic: [...mandatory('6591000001').usageCharacteristic, { name: 'unit', value: 'mb' }] };
    expect((await api.post(USAGE, doubled)).json().context).toEqual({ characteristic: 'unit' });
    const mistyped = { ...mandatory('6591000001'), usageCharacteristic: [{ name: 'msisdn', value: '6591000001' }, { name: 'quantity', value: '12' }, { name: 'unit', value: 'minutes' }] };
    expect((await api.post(USAGE, mistyped)).json().context).toEqual({ characteristic: 'quantity' });
  });

  it('applies the edge rules to the TMF body too', async () => {
    const res = await api.post(USAGE, { ...mandatory('6591000001'), usageType: 'voice_minutes' });
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe('usage.record.valid_event_type');
  });
});

describe('TMF635 read', () => {
  it('gets and lists strictly valid Usage, also under a fields projection', async () => {
    await api.post(USAGE, shorthand('6591000001'));
    const list = await api.get(`${USAGE}?msisdn=6591000001`);
    expect(list.json().length).toBeGreaterThan(0);
    for (const u of list.json()) tmf.assert('Usage', u);
    const one = await api.get(`${USAGE}/${list.json()[0].id}`);
    tmf.assert('Usage', one.json());
    for (const u of (await api.get(`${USAGE}?fields=usageType,usageCharacteristic`)).json()) tmf.assert('Usage', u);
  });

  it.each(['PATCH', 'DELETE'] as const)('%s /usage/{id} answers 405: a record is immutable', async (method) => {
    const res = await t.app.inject({ method, url: `${USAGE}/UE-1`, headers: { ...authHeaders(), 'content-type': 'application/merge-patch+json' }, payload: '{}' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toContain('GET');
  });

  it('our OpenAPI document covers the specification’s usage operations, except the mutations we refuse', async () => {
    const doc = (await api.get('/openapi.json')).json();
    const problems = diffAgainstSpec(doc, 'TMF635-UsageManagement-v4.swagger.json', { resources: ['usage'] });
    // TMF635 offers PATCH and DELETE on a usage; a stored record is immutable here (405 above), nothing else is missing.
    expect(problems).toEqual([`PATCH ${USAGE}/{id}: operation missing`, `DELETE ${USAGE}/{id}: operation missing`]);
  });
});
