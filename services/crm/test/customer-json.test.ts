// The customer get and list without `fields` send JSON that Postgres built (customer-json.repository.ts); with
// `fields` they go through toTmfCustomer and the zod response schema. These pin the two to the same bytes for
// every shape a customer can take, so neither can change alone.
import { crm } from '@bss/contracts';
import { runWithContext, systemContext } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customerService } from '../src/services/customer.service.ts';
import { newCustomer, startHarness, tmf629, uniqueEmail, type Harness } from './crm-harness.ts';

const BASE = '/tmf-api/customerManagement/v4/customer';
let h: Harness;
const ids: string[] = [];
beforeAll(async () => {
  h = await startHarness();
  // A bare name: no mediums (pending), family name empty.
  ids.push((await h.call('POST', BASE, { name: 'Solo' })).json<{ id: string }>().id);
  // The full TMF shape: birth date, three medium types, the client's own engagedParty, every reference list.
  const full = await h.call('POST', BASE, {
    name: 'Grace Hopper',
    engagedParty: { id: 'IND-77', href: 'https://party.example/IND-77', name: 'Grace Hopper', role: 'owner', '@type': 'IndividualRef', '@referredType': 'Individual' },
    characteristic: [{ name: 'dateOfBirth', value: '1906-12-09' }],
    contactMedium: [
      { mediumType: 'email', preferred: true, characteristic: { emailAddress: uniqueEmail('grace') } },
      { mediumType: 'mobile', characteristic: { phoneNumber: '+6591234567' } },
      { mediumType: 'postalAddress', characteristic: { street1: '1 Navy Way', city: 'Arlington', country: 'US' } },
    ],
    relatedParty: [{ id: 'ORG-1', name: 'Navy', role: 'employer', '@referredType': 'Organization' }, { id: 'IND-2', '@referredType': 'Individual' }],
    account: [{ id: 'ACC-1', href: 'https://billing.example/ACC-1', name: 'Main', description: 'main' }],
    agreement: [{ id: 'AGR-1', '@type': 'AgreementRef', '@baseType': 'EntityRef', '@schemaLocation': 'https://schema.example/a' }],
  });
  expect(full.statusCode, full.body).toBe(201);
  ids.push(full.json<{ id: string }>().id);
  // A customer whose email was replaced (an ended medium stays out of contactMedium) and who has a status reason.
  const c = await newCustomer(h, { givenName: 'Ended', familyName: 'Medium', phone: '+6590000009' });
  ids.push(c.id);
  const cm = `/crm-api/v1/customer/${c.id}/contact-medium`;
  const list = (await h.call('GET', `${cm}?includeEnded=true`)).json<{ id: string; mediumType: string }[]>();
  const email = list.find((m) => m.mediumType === 'email')!;
  expect((await h.call('POST', cm, { mediumType: 'email', value: uniqueEmail('new') })).statusCode).toBe(201);
  expect((await h.call('DELETE', `${cm}/${email.id}`)).statusCode).toBeLessThan(300);
  expect((await h.call('PATCH', `${BASE}/${c.id}`, { status: 'suspended', statusReason: 'lost device' })).statusCode).toBe(200);
  // Timestamps with microseconds and an end date: toISOString truncates to milliseconds, so must the SQL.
  await h.db.db.execute(sql`UPDATE crm.customer SET customer_since = '2026-05-01 10:11:12.987654+00', valid_to = '2027-01-02 03:04:05.000999+00' WHERE id = ${c.id}`);
  await h.db.db.execute(sql`UPDATE crm.contact_medium SET valid_from = '2026-05-03 23:59:59.999999+08' WHERE party_id = (SELECT party_id FROM crm.customer WHERE id = ${c.id})`);
  // A deleted customer is invisible to both paths.
  const gone = await newCustomer(h, { givenName: 'Gone' });
  expect((await h.call('DELETE', `${BASE}/${gone.id}`)).statusCode).toBe(204);
  ids.push(gone.id);
});
afterAll(async () => {
  await h?.close();
});

const asDefault = <T>(fn: () => Promise<T>) => runWithContext(systemContext({ tenant: 'DEFAULT' }), fn);
/** The mapper path, serialised as the route's response schema serialises it. */
const mapped = (value: unknown, schema: z.ZodType) => JSON.stringify(z.encode(schema, value as never));

describe('customer reads with the JSON built by Postgres', () => {
  it('get answers exactly the bytes of the mapper path, for every shape', async () => {
    const customers = customerService(h.deps);
    for (const id of ids.slice(0, 3)) {
      const res = await h.call('GET', `${BASE}/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toBe(mapped(await asDefault(() => customers.get(id)), crm.CustomerFields));
      expect(tmf629.validate('Customer', res.json())).toEqual([]);
    }
  });

  it('the shapes above are really exercised (so equal bytes mean something)', async () => {
    const [solo, full, ended] = await Promise.all(ids.slice(0, 3).map(async (id) => (await h.call('GET', `${BASE}/${id}`)).json()));
    expect(solo).toMatchObject({ name: 'Solo', contactMedium: [], status: 'pending' });
    expect(full.engagedParty).toEqual({ id: 'IND-77', href: 'https://party.example/IND-77', name: 'Grace Hopper', role: 'owner', '@type': 'IndividualRef', '@referredType': 'Individual' });
    expect(full.contactMedium).toHaveLength(3);
    expect(full.agreement).toEqual([{ id: 'AGR-1', '@baseType': 'EntityRef', '@schemaLocation': 'https://schema.example/a', '@type': 'AgreementRef' }]);
    expect(full.characteristic.map((c: { name: string }) => c.name)).toEqual(['givenName', 'familyName', 'dateOfBirth', 'kycStatus', 'customerSince']);
    expect(ended).toMatchObject({ statusReason: 'lost device', validFor: { startDateTime: '2026-05-01T10:11:12.987Z', endDateTime: '2027-01-02T03:04:05.000Z' } });
    expect(ended.contactMedium.map((m: { validFor: unknown }) => m.validFor)).toEqual([{ startDateTime: '2026-05-03T15:59:59.999Z' }, { startDateTime: '2026-05-03T15:59:59.999Z' }]);
  });

  it('an unknown or deleted customer is the same 404 on both paths', async () => {
    for (const id of ['CUST-NOPE', ids[3]!]) {
      const fast = await h.call('GET', `${BASE}/${id}`);
      const mappedRes = await h.call('GET', `${BASE}/${id}?fields=name`);
      expect(fast.statusCode).toBe(404);
      expect(fast.json()).toMatchObject({ reason: 'customer.not_found' });
      expect({ ...fast.json(), referenceError: undefined }).toEqual({ ...mappedRes.json(), referenceError: undefined });
    }
  });

  it('list pages answer the bytes and counts of the mapper path, filters and paging included', async () => {
    const customers = customerService(h.deps);
    for (const q of [{}, { limit: 2 }, { offset: 1, limit: 1 }, { status: 'SUSPENDED' }, { name: 'hop' }, { 'engagedParty.id': 'IND-77' }, { offset: 50 }]) {
      const query = { offset: 0, limit: 20, ...q };
      const res = await h.call('GET', `${BASE}?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`);
      expect(res.statusCode).toBe(200);
      const { items, total } = await asDefault(() => customers.list(query));
      expect(res.body).toBe(mapped(items, z.array(crm.CustomerFields)));
      expect(res.headers['x-total-count']).toBe(String(total));
      expect(res.headers['x-result-count']).toBe(String(items.length));
    }
  });
});
