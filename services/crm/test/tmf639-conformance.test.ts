// TMF639 contract walk over the full CRM app: create (bodies built from the official Resource_Create, mandatory
// only and every attribute a pool entry keeps) → get (with fields) → list (filters, fields, filtered counts) →
// merge-patch → delete, every response validated strictly against the official Resource schema; plus the
// policies each write goes through and the events it stages.
import { diffAgainstSpec, loadTmfValidator } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetInventory } from '../src/inventory/reset.ts';
import { startHarness, type Harness } from './crm-harness.ts';

const R = '/tmf-api/resourceInventoryManagement/v4/resource';
const v = loadTmfValidator('TMF639-ResourceInventory-v4.swagger.json');
const MERGE = { 'content-type': 'application/merge-patch+json' };
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/**
 * The official Resource_Create requires `href` and `id` without defining them (specs/tmf/SOURCES.md); both
 * are server-assigned here, so a create body is valid when those two are the only problems.
 */
function assertCreateBody(body: unknown) {
  const problems = v.validate('Resource_Create', body).filter((p) => !/required property '(href|id)'/.test(p));
  expect(problems).toEqual([]);
}

const json = (res: { body: string }) => (res.body ? JSON.parse(res.body) : undefined);
async function send(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  const res = await h.call(method, url, body, method === 'PATCH' ? MERGE : {});
  return { status: res.statusCode, headers: res.headers, body: json(res) };
}
async function outbox(eventType: string, aggregateId: string) {
  const res = await h.db.pool.query('SELECT payload FROM crm.outbox WHERE event_type = $1 AND aggregate_id = $2', [eventType, aggregateId]);
  return res.rows.map((r) => r.payload as Record<string, unknown>);
}

const ALL_ATTRIBUTES_ESIM = {
  name: '8910101000000099999',
  category: 'esimProfile',
  resourceStatus: 'available',
  administrativeState: 'unlocked',
  operationalState: 'enable',
  usageState: 'idle',
  resourceCharacteristic: [
    { name: 'iccid', valueType: 'string', value: '8910101000000099999' },
    { name: 'imsi', valueType: 'string', value: '525010000099999' },
    { name: 'kiRef', valueType: 'string', value: 'hsm://ref/conformance-1' },
    { name: 'smdpServer', valueType: 'string', value: 'smdp.example.net' },
    { name: 'matchingId', valueType: 'string', value: 'MATCH-0001' },
  ],
  '@type': 'PhysicalResource',
  '@baseType': 'Resource',
  '@schemaLocation': 'https://example.com/schema/esim.json',
};

describe('TMF639 conformance: create → get → list → merge-patch → delete', () => {
  it('creates an MSISDN from the mandatory-only body (just name): 201, Location, a valid Resource, an event', async () => {
    const body = { name: '91234567' };
    assertCreateBody(body);
    const res = await send('POST', R, body);
    expect(res.status).toBe(201);
    v.assert('Resource', res.body);
    expect(res.body).toMatchObject({ id: 'MSISDN-91234567', name: '91234567', category: 'msisdn', resourceStatus: 'available', '@type': 'LogicalResource' });
    expect(res.headers.location).toBe(`${h.deps.config.publicBaseUrl}${R}/MSISDN-91234567`);
    expect(res.body.href).toBe(res.headers.location);
    expect(await outbox('inventory.msisdn.created', '91234567')).toHaveLength(1);
  });

  it('creates an eSIM profile from a body with every attribute a profile keeps; the Ki reference is never served', async () => {
    assertCreateBody(ALL_ATTRIBUTES_ESIM);
    const res = await send('POST', R, ALL_ATTRIBUTES_ESIM);
    expect(res.status).toBe(201);
    v.assert('Resource', res.body);
    expect(res.body).toMatchObject({ id: 'ESIM-8910101000000099999', '@type': 'PhysicalResource', category: 'esimProfile', resourceStatus: 'available' });
    const chars = Object.fromEntries(res.body.resourceCharacteristic.map((c: { name: string; value: string }) => [c.name, c.value]));
    expect(chars).toEqual({ iccid: '8910101000000099999', imsi: '525010000099999', state: 'available', smdpServer: 'smdp.example.net' });
    expect(JSON.stringify(res.body)).not.toMatch(/hsm:|kiRef/);
    const activation = await send('GET', '/inventory-api/v1/esim/8910101000000099999/activation');
    expect(activation.body.activationCode).toBe('LPA:1$smdp.example.net$MATCH-0001');
    const [event] = await outbox('inventory.esim.created', '8910101000000099999');
    expect(JSON.stringify(event)).not.toMatch(/hsm:/);
  });

  it('refuses official attributes a pool entry cannot keep with a 400 naming them, never dropping them silently', async () => {
    for (const extra of [{ description: 'x' }, { note: [{ text: 'x' }] }, { place: { id: 'P1', role: 'installation' } }, { resourceSpecification: { id: 'RS1' } }]) {
      const body = { name: '91234568', ...extra };
      assertCreateBody(body);
      const res = await send('POST', R, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(Object.keys(extra)[0]);
    }
  });

  it('creates through the pool policies: shape, duplicates, pool/type agreement, server-assigned id', async () => {
    const cases: [unknown, number, string][] = [
      [{ name: '12ab5678' }, 422, 'msisdn.create.sane_number'],
      [{ name: '1234567' }, 422, 'msisdn.create.sane_number'],
      [{ name: '91234567' }, 409, 'resource.create.already_exists'],
      [{ name: '90000001' }, 409, 'resource.create.already_exists'],
      [{ name: '91234569', category: 'msisdn', '@type': 'PhysicalResource' }, 422, 'resource.create.type_mismatch'],
      [{ name: '91234569', id: 'MSISDN-1' }, 422, 'resource.create.id_mismatch'],
      [{ name: '91234569', resourceCharacteristic: [{ name: 'colour', value: 'gold' }] }, 422, 'resource.create.unknown_characteristic'],
      [{ name: '8910101000000099998', category: 'esimProfile' }, 422, 'esim.create.sane_profile'],
      [
        { name: '8910101000000099998', category: 'esimProfile', resourceCharacteristic: [{ name: 'imsi', value: '525010000099998' }, { name: 'kiRef', value: 'the-ki-itself' }] },
        422,
        'esim.create.sane_profile',
      ],
      [{ ...ALL_ATTRIBUTES_ESIM, resourceCharacteristic: ALL_ATTRIBUTES_ESIM.resourceCharacteristic.slice(1, 3) }, 409, 'CONFLICT'],
    ];
    for (const [body, status, reason] of cases) {
      const res = await send('POST', R, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      if (status === 422) expect(res.body.reason).toBe(reason);
    }
    expect((await send('GET', `${R}/MSISDN-91234569`)).status).toBe(404);
  });

  it('gets by id with and without fields; a projection keeps id, href and @type', async () => {
    const full = await send('GET', `${R}/MSISDN-91234567`);
    expect(full.status).toBe(200);
    v.assert('Resource', full.body);
    const some = await send('GET', `${R}/MSISDN-91234567?fields=name,resourceStatus`);
    expect(some.status).toBe(200);
    v.assert('Resource', some.body);
    expect(some.body).toEqual({ id: 'MSISDN-91234567', href: full.body.href, name: '91234567', resourceStatus: 'available', '@type': 'LogicalResource' });
  });

  it('lists with attribute filters; X-Total-Count and X-Result-Count describe the filtered set', async () => {
    const byName = await send('GET', `${R}?name=91234567`);
    expect(byName.body.map((r: { id: string }) => r.id)).toEqual(['MSISDN-91234567']);
    expect(byName.headers['x-total-count']).toBe('1');
    expect(byName.headers['x-result-count']).toBe('1');

    const esimByName = await send('GET', `${R}?name=8910101000000099999&fields=name`);
    expect(esimByName.body).toEqual([{ id: 'ESIM-8910101000000099999', href: expect.any(String), name: '8910101000000099999', '@type': 'PhysicalResource' }]);

    await send('PATCH', `${R}/MSISDN-90000010`, { resourceStatus: 'reserved' });
    await send('PATCH', `${R}/ESIM-8910101000000000010`, { resourceStatus: 'reserved' });
    const reserved = await send('GET', `${R}?resourceStatus=reserved&fields=resourceStatus`);
    expect(reserved.body.map((r: { id: string }) => r.id)).toEqual(['MSISDN-90000010', 'ESIM-8910101000000000010']);
    expect(reserved.headers['x-total-count']).toBe('2');
    for (const r of reserved.body) {
      v.assert('Resource', r);
      expect(Object.keys(r).sort()).toEqual(['@type', 'href', 'id', 'resourceStatus']);
    }
    const reservedEsim = await send('GET', `${R}?resourceStatus=reserved&@type=PhysicalResource`);
    expect(reservedEsim.body.map((r: { id: string }) => r.id)).toEqual(['ESIM-8910101000000000010']);
    expect(reservedEsim.headers['x-total-count']).toBe('1');

    const busy = await send('GET', `${R}?usageState=busy&category=msisdn`);
    expect(busy.body.map((r: { id: string }) => r.id)).toEqual(['MSISDN-90000010']);

    const available = await send('GET', `${R}?resourceStatus=available&limit=5&offset=1000`);
    // 1001 numbers (seed + 1 created) minus one reserved; then the profiles
    expect(available.headers['x-total-count']).toBe(String(1000 + 1000));
    expect(available.body[0].id).toBe('ESIM-8910101000000000000');
    for (const r of available.body) v.assert('Resource', r);

    const past = await send('GET', `${R}?name=91234567&offset=5`);
    expect(past.body).toEqual([]);
    expect(past.headers['x-total-count']).toBe('1');
    expect(past.headers['x-result-count']).toBe('0');

    expect((await send('GET', `${R}?resourceStatus=suspended`)).headers['x-total-count']).toBe('0');
  });

  it('merge-patches resourceStatus through the pool state machines; each answer is a valid Resource', async () => {
    const reserved = await send('PATCH', `${R}/MSISDN-91234567`, { resourceStatus: 'reserved' });
    expect(reserved.status).toBe(200);
    v.assert('Resource', reserved.body);
    expect(reserved.body).toMatchObject({ resourceStatus: 'reserved', usageState: 'busy' });
    expect(await outbox('inventory.msisdn.reserved', '91234567')).toHaveLength(1);

    // the same value again is a no-op (merge-patch is idempotent), identity attributes may be echoed
    const again = await send('PATCH', `${R}/MSISDN-91234567`, { id: 'MSISDN-91234567', name: '91234567', resourceStatus: 'reserved' });
    expect(again.status).toBe(200);
    expect(await outbox('inventory.msisdn.reserved', '91234567')).toHaveLength(1);

    const released = await send('PATCH', `${R}/MSISDN-91234567`, { resourceStatus: 'available' });
    expect(released.status).toBe(200);
    v.assert('Resource', released.body);
    expect(released.body.resourceStatus).toBe('available');

    const esimReserved = await send('PATCH', `${R}/ESIM-8910101000000099999`, { resourceStatus: 'reserved' });
    v.assert('Resource', esimReserved.body);
    expect(esimReserved.body.resourceStatus).toBe('reserved');
    const esimBack = await send('PATCH', `${R}/ESIM-8910101000000099999`, { resourceStatus: 'available' });
    expect(esimBack.body.resourceStatus).toBe('available');
    expect(await outbox('inventory.esim.released', '8910101000000099999')).toHaveLength(1);
  });

  it('refuses a patch that changes identity, names an unpatchable attribute or breaks a pool rule', async () => {
    const renamed = await send('PATCH', `${R}/MSISDN-91234567`, { name: '91234599' });
    expect(renamed).toMatchObject({ status: 422, body: { reason: 'resource.patch.immutable_attribute' } });
    const unpatchable = await send('PATCH', `${R}/MSISDN-91234567`, { administrativeState: 'locked' });
    expect(unpatchable.status).toBe(400);
    expect(JSON.stringify(unpatchable.body)).toContain('administrativeState');
    await h.db.pool.query(`UPDATE inventory.msisdn_pool SET status = 'ported_out' WHERE msisdn = '90000020'`);
    const portedOut = await send('PATCH', `${R}/MSISDN-90000020`, { resourceStatus: 'reserved' });
    expect(portedOut).toMatchObject({ status: 422, body: { reason: 'msisdn.reserve.status_must_be_available' } });
    expect((await send('PATCH', `${R}/MSISDN-19999999`, { resourceStatus: 'reserved' })).status).toBe(404);
  });

  it('deletes only an available, never-assigned resource: 204 then 404, else 422 with the rule', async () => {
    // 90000030 serves a subscription, then returns to the pool: available again, but not deletable
    await send('POST', '/inventory-api/v1/msisdn/90000030/reserve', {});
    await send('POST', '/inventory-api/v1/msisdn/90000030/assign', { subscriptionId: 'SUB-0030', customerId: 'CUST-0030' });
    expect((await send('DELETE', `${R}/MSISDN-90000030`)).body).toMatchObject({ reason: 'resource.delete.in_use' });
    await send('POST', '/inventory-api/v1/msisdn/90000030/release', {});
    expect((await send('GET', `${R}/MSISDN-90000030`)).body.resourceStatus).toBe('available');
    expect(await send('DELETE', `${R}/MSISDN-90000030`)).toMatchObject({ status: 422, body: { reason: 'resource.delete.ever_assigned' } });
    expect(await send('DELETE', `${R}/MSISDN-90000010`)).toMatchObject({ status: 422, body: { reason: 'resource.delete.in_use' } });

    const gone = await send('DELETE', `${R}/MSISDN-91234567`);
    expect(gone.status).toBe(204);
    expect(gone.body).toBeUndefined();
    expect((await send('GET', `${R}/MSISDN-91234567`)).status).toBe(404);
    expect(await outbox('inventory.msisdn.deleted', '91234567')).toHaveLength(1);
    expect((await send('DELETE', `${R}/MSISDN-91234567`)).status).toBe(404);

    // reserved then released, never bound: still deletable
    expect((await send('DELETE', `${R}/ESIM-8910101000000099999`)).status).toBe(204);
    expect(await outbox('inventory.esim.deleted', '8910101000000099999')).toHaveLength(1);

    // a profile once bound to a number and recycled is available again, but keeps its history
    const iccid = '8910101000000000050';
    await send('PATCH', `${R}/ESIM-${iccid}`, { resourceStatus: 'reserved' });
    await send('PATCH', `${R}/MSISDN-90000050`, { resourceStatus: 'reserved' });
    expect((await send('POST', `/inventory-api/v1/esim/${iccid}/assign-msisdn`, { msisdn: '90000050' })).status).toBe(200);
    await send('POST', `/inventory-api/v1/esim/${iccid}/mark-downloaded`, {});
    const recycled = await send('PATCH', `${R}/ESIM-${iccid}`, { resourceStatus: 'available' });
    expect(recycled.body.resourceStatus).toBe('available');
    expect(await outbox('inventory.esim.recycled', iccid)).toHaveLength(1);
    expect(await send('DELETE', `${R}/ESIM-${iccid}`)).toMatchObject({ status: 422, body: { reason: 'resource.delete.ever_assigned' } });

    // an operational reset restores the seeded stock as new: deletable again
    await h.db.db.transaction((tx) => resetInventory(tx));
    expect((await send('DELETE', `${R}/MSISDN-90000030`)).status).toBe(204);
    expect((await send('DELETE', `${R}/ESIM-${iccid}`)).status).toBe(204);
    expect((await send('DELETE', `${R}/ESIM-0000`)).status).toBe(404);
    expect((await send('DELETE', `${R}/nonsense`)).status).toBe(404);
  });
});

describe('TMF639 operations against the official specification', () => {
  it('serves every operation, query parameter and response code the spec lists for resource', () => {
    expect(diffAgainstSpec(h.app.swagger(), 'TMF639-ResourceInventory-v4.swagger.json', { resources: ['resource'] })).toEqual([]);
  });
});
