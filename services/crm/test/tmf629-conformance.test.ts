// TMF629 Customer conformance: the OpenAPI document covers the official swagger for `customer`, and a client walks
// create → get → list (filters, fields) → merge-patch → delete with bodies built from the official Customer_Create
// definition (mandatory attributes only, and every attribute), every response validated strictly. Also the rules
// that moved or arrived with it: the contact-medium rule at activation, KYC and orderability; DELETE's guards.
import { readFileSync } from 'node:fs';
import { diffAgainstSpec, TMF_DIR } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedAttestation, startHarness, tmf629, uniqueEmail, type Harness } from './crm-harness.ts';

const BASE = '/tmf-api/customerManagement/v4/customer';
const SPEC = 'TMF629-CustomerManagement-v4.swagger.json';
const MERGE = { 'content-type': 'application/merge-patch+json' };
const createDef = (JSON.parse(readFileSync(`${TMF_DIR}${SPEC}`, 'utf8')) as { definitions: Record<string, { required: string[]; properties: Record<string, unknown> }> })
  .definitions.Customer_Create!;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Strict validation, except that a `fields` projection may leave out what the caller did not ask for. */
function assertProjected(body: Record<string, unknown>, asked: string[]) {
  expect(Object.keys(body).sort()).toEqual([...new Set(['id', 'href', '@type', ...asked])].sort());
  const problems = tmf629.validate('Customer', body).filter((p) => !/must have required property/.test(p));
  expect(problems).toEqual([]);
}

const mandatoryBody = (tag: string) => ({ name: `Mandy ${tag}`, engagedParty: { id: `IND-${tag}`, '@referredType': 'Individual' } });

/** Every attribute of Customer_Create; the two BSS refuses by rule are tested separately. */
const allAttributesBody = (tag: string, email: string) => ({
  name: `Alla Attributes${tag}`,
  status: 'active',
  statusReason: 'Signed up in store',
  account: [{ id: `ACC-${tag}`, name: 'Prepaid wallet', '@referredType': 'PartyAccount' }],
  agreement: [{ id: `AGR-${tag}`, name: 'Terms 2026', '@referredType': 'Agreement' }],
  characteristic: [
    { name: 'givenName', value: 'Alla', valueType: 'string' },
    { name: 'familyName', value: `Attributes${tag}`, valueType: 'string' },
    { name: 'dateOfBirth', value: '1990-01-02', valueType: 'date' },
  ],
  contactMedium: [
    { mediumType: 'email', preferred: true, characteristic: { emailAddress: email, contactType: 'home' } },
    { mediumType: 'phone', characteristic: { phoneNumber: '+6590001111' } },
  ],
  engagedParty: { id: `IND-${tag}`, href: `https://party.example.com/individual/IND-${tag}`, name: `Alla A.`, role: 'customer', '@referredType': 'Individual' },
  relatedParty: [{ id: `ORG-${tag}`, name: 'Reseller Pte', role: 'reseller', '@referredType': 'Organization' }],
  validFor: { startDateTime: '2026-06-01T00:00:00.000Z', endDateTime: '2030-01-01T00:00:00.000Z' },
  '@baseType': 'PartyRole',
  '@schemaLocation': 'https://example.com/schema/Customer.json',
  '@type': 'Customer',
});
const REFUSED_ON_CREATE = {
  creditProfile: { value: [{ creditProfileDate: '2026-01-01T00:00:00Z', validFor: {} }], reason: 'customer.create.credit_profile_unsupported' },
  paymentMethod: { value: [{ id: 'PM-0001' }], reason: 'customer.create.payment_method_via_payment_api' },
};

describe('TMF629 operations against the official specification', () => {
  it('documents every operation, query parameter and response code of /customer', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json();
    expect(diffAgainstSpec(doc, SPEC, { resources: ['customer'] })).toEqual([]);
  });
});

describe('create → get → list → merge-patch → delete', () => {
  it('walks a customer created from the mandatory attributes only', async () => {
    const tag = `m${process.pid}`;
    const body = mandatoryBody(tag);
    expect(Object.keys(body).sort()).toEqual([...createDef.required].sort());
    tmf629.assert('Customer_Create', body);

    const created = await h.call('POST', BASE, body);
    expect(created.statusCode).toBe(201);
    const c = created.json();
    tmf629.assert('Customer', c);
    expect(created.headers.location).toBe(c.href);
    expect(c).toMatchObject({ name: body.name, status: 'pending', engagedParty: body.engagedParty, contactMedium: [] });

    const got = await h.call('GET', `${BASE}/${c.id}`);
    expect(got.statusCode).toBe(200);
    tmf629.assert('Customer', got.json());
    expect(got.json()).toEqual(c);
    const projected = await h.call('GET', `${BASE}/${c.id}?fields=name,status`);
    assertProjected(projected.json(), ['name', 'status']);

    const listed = await h.call('GET', `${BASE}?name=${encodeURIComponent(body.name)}&status=PENDING&fields=name,engagedParty`);
    expect(listed.statusCode).toBe(200);
    expect([listed.headers['x-total-count'], listed.headers['x-result-count']]).toEqual(['1', '1']);
    assertProjected(listed.json()[0], ['name', 'engagedParty']);
    const byParty = await h.call('GET', `${BASE}?engagedParty.id=${body.engagedParty.id}`);
    expect(byParty.json().map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect((await h.call('GET', `${BASE}?engagedParty.id=${body.engagedParty.id}&status=active`)).headers['x-total-count']).toBe('0');

    const patched = await h.call('PATCH', `${BASE}/${c.id}`, { name: `Mandy Renamed${tag}`, statusReason: 'prospect' }, MERGE);
    expect(patched.statusCode).toBe(200);
    tmf629.assert('Customer', patched.json());
    expect(patched.json()).toMatchObject({ name: `Mandy Renamed${tag}`, statusReason: 'prospect', status: 'pending', engagedParty: body.engagedParty });

    const deleted = await h.call('DELETE', `${BASE}/${c.id}`);
    expect([deleted.statusCode, deleted.body]).toEqual([204, '']);
    expect((await h.call('GET', `${BASE}/${c.id}`)).statusCode).toBe(404);
    expect((await h.call('GET', `${BASE}?engagedParty.id=${body.engagedParty.id}`)).headers['x-total-count']).toBe('0');
    expect((await h.call('DELETE', `${BASE}/${c.id}`)).json()).toMatchObject({ code: 'NOT_FOUND', reason: 'customer.delete.not_found' });
  });

  it('walks a customer created from every Customer_Create attribute', async () => {
    const tag = `a${process.pid}`;
    const email = uniqueEmail('all');
    const body = allAttributesBody(tag, email);
    expect([...Object.keys(body), ...Object.keys(REFUSED_ON_CREATE)].sort()).toEqual(Object.keys(createDef.properties).sort());
    tmf629.assert('Customer_Create', body);

    const created = await h.call('POST', BASE, body);
    expect(created.statusCode).toBe(201);
    const c = created.json();
    tmf629.assert('Customer', c);
    expect(created.headers.location).toBe(c.href);
    expect(c).toMatchObject({
      name: body.name,
      status: 'active',
      statusReason: body.statusReason,
      engagedParty: body.engagedParty,
      account: body.account,
      agreement: body.agreement,
      relatedParty: body.relatedParty,
      validFor: body.validFor,
      '@type': 'Customer',
    });
    expect(c.contactMedium.map((m: { characteristic: Record<string, string> }) => m.characteristic)).toEqual([{ emailAddress: email }, { phoneNumber: '+6590001111' }]);
    expect(c.characteristic).toEqual(expect.arrayContaining([{ name: 'dateOfBirth', value: '1990-01-02', valueType: 'date' }]));

    tmf629.assert('Customer', (await h.call('GET', `${BASE}/${c.id}`)).json());
    const listed = await h.call('GET', `${BASE}?name=Attributes${tag}&status=active`);
    expect(listed.headers['x-total-count']).toBe('1');
    for (const x of listed.json()) tmf629.assert('Customer', x);

    // Merge-patch of every patchable attribute; server-owned ones may come back unchanged (a GET-modify-PATCH client).
    const { id: _id, href: _href, ...served } = c;
    const patch = {
      ...served,
      name: `Alla Patched${tag}`,
      status: 'suspended',
      statusReason: 'Lost device',
      characteristic: [{ name: 'dateOfBirth', value: '1991-03-04' }, ...c.characteristic.filter((x: { name: string }) => x.name === 'kycStatus')],
      validFor: { startDateTime: c.validFor.startDateTime, endDateTime: '2031-01-01T00:00:00.000Z' },
      relatedParty: [],
      account: [{ id: `ACC2-${tag}`, name: 'Second wallet' }],
    };
    tmf629.assert('Customer_Update', patch);
    const patched = await h.call('PATCH', `${BASE}/${c.id}`, patch, MERGE);
    expect(patched.statusCode, patched.body).toBe(200);
    const p = patched.json();
    tmf629.assert('Customer', p);
    expect(p).toMatchObject({ name: `Alla Patched${tag}`, status: 'suspended', statusReason: 'Lost device', validFor: { endDateTime: '2031-01-01T00:00:00.000Z' }, account: patch.account });
    expect(p).not.toHaveProperty('relatedParty');
    expect(p.characteristic).toEqual(expect.arrayContaining([{ name: 'dateOfBirth', value: '1991-03-04', valueType: 'date' }, { name: 'givenName', value: 'Alla', valueType: 'string' }]));

    const deleted = await h.call('DELETE', `${BASE}/${c.id}`);
    expect(deleted.statusCode).toBe(204);
    // The deleted customer's email is free again.
    expect((await h.call('POST', BASE, { name: 'Reuse Email', engagedParty: { id: 'IND-reuse', '@referredType': 'Individual' }, contactMedium: body.contactMedium.slice(0, 1) })).statusCode).toBe(201);
  });

  it('refuses the Customer_Create attributes BSS does not own, by rule', async () => {
    for (const [attribute, { value, reason }] of Object.entries(REFUSED_ON_CREATE)) {
      const body = { ...mandatoryBody(`r${attribute}`), [attribute]: value };
      const res = await h.call('POST', BASE, body);
      expect(res.statusCode, attribute).toBe(422);
      expect(res.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason });
      const c = (await h.call('POST', BASE, mandatoryBody(`p${attribute}`))).json();
      const patched = await h.call('PATCH', `${BASE}/${c.id}`, { [attribute]: value }, MERGE);
      expect(patched.json().reason).toBe(reason.replace('.create.', '.update.'));
    }
    expect((await h.call('POST', BASE, { ...mandatoryBody('t'), '@type': 'Organization' })).json().reason).toBe('customer.create.type_unsupported');
  });
});

describe('merge-patch policies', () => {
  it('refuses changes to server-owned attributes and unknown characteristics, each with its rule', async () => {
    const c = (await h.call('POST', BASE, mandatoryBody(`o${process.pid}`))).json();
    const kyc = c.characteristic.find((x: { name: string }) => x.name === 'kycStatus');
    for (const [patch, reason] of [
      [{ engagedParty: { id: 'IND-other', '@referredType': 'Individual' } }, 'customer.update.engaged_party_immutable'],
      [{ id: 'CUST-other' }, 'customer.update.id_read_only'],
      [{ characteristic: [{ ...kyc, value: 'verified' }] }, 'customer.update.characteristic_read_only'],
      [{ characteristic: [{ name: 'shoeSize', value: '42' }] }, 'customer.update.characteristic_unknown'],
      [{ validFor: { startDateTime: '2020-01-01T00:00:00Z' } }, 'customer.update.valid_for_start_read_only'],
      [{ contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: uniqueEmail('cm') } }] }, 'customer.update.contact_medium_via_contact_medium_api'],
    ] as const) {
      const res = await h.call('PATCH', `${BASE}/${c.id}`, patch, MERGE);
      expect(res.statusCode, reason).toBe(422);
      expect(res.json().reason).toBe(reason);
    }
    // Sending server-owned values back unchanged is fine.
    const same = await h.call('PATCH', `${BASE}/${c.id}`, { id: c.id, engagedParty: c.engagedParty, characteristic: [kyc], contactMedium: [] }, MERGE);
    expect(same.statusCode).toBe(200);
    expect((await h.call('PATCH', `${BASE}/${c.id}`, { status: 'zombie' }, MERGE)).statusCode).toBe(400);
    expect((await h.call('PATCH', `${BASE}/${c.id}`, { status: 'suspended' }, MERGE)).json().reason).toBe('customer.transition.invalid');
  });
});

describe('customer.create.requires_contact_medium where it matters', () => {
  it('holds activation, KYC attestation and orderability of an unreachable customer, and releases them once reachable', async () => {
    const c = (await h.call('POST', BASE, mandatoryBody(`k${process.pid}`))).json();
    const activate = await h.call('PATCH', `${BASE}/${c.id}`, { status: 'active' }, MERGE);
    expect([activate.statusCode, activate.json().reason]).toEqual([422, 'customer.create.requires_contact_medium']);
    const kyc = await h.call('POST', `/crm-api/v1/customer/${c.id}/kyc-attestation`, signedAttestation(c.id, { documentNumber: `K${process.pid}77` }));
    expect([kyc.statusCode, kyc.json().reason]).toEqual([422, 'customer.create.requires_contact_medium']);
    expect((await h.call('GET', `/crm-api/v1/customer/${c.id}/orderability`)).json()).toMatchObject({
      customerId: c.id,
      orderable: false,
      reason: 'customer.create.requires_contact_medium',
    });

    expect((await h.call('POST', `/crm-api/v1/customer/${c.id}/contact-medium`, { mediumType: 'email', value: uniqueEmail('reach') })).statusCode).toBe(201);
    expect((await h.call('GET', `/crm-api/v1/customer/${c.id}/orderability`)).json()).toEqual({ customerId: c.id, orderable: true });
    expect((await h.call('POST', `/crm-api/v1/customer/${c.id}/kyc-attestation`, signedAttestation(c.id, { documentNumber: `K${process.pid}77` }))).statusCode).toBe(200);
    const active = await h.call('PATCH', `${BASE}/${c.id}`, { status: 'active' }, MERGE);
    expect(active.json().status).toBe('active');
    tmf629.assert('Customer', active.json());

    await h.call('PATCH', `${BASE}/${c.id}`, { status: 'closed' }, MERGE);
    expect((await h.call('GET', `/crm-api/v1/customer/${c.id}/orderability`)).json()).toMatchObject({ orderable: false, reason: 'customer.order.customer_active_or_pending' });
  });
});

describe('DELETE guards', () => {
  it('refuses while a live subscription or an open order exists (422), then deletes (204)', async () => {
    const c = (await h.call('POST', BASE, mandatoryBody(`d${process.pid}`))).json();
    h.liveSubscriptions.set(c.id, ['SUB-0001']);
    const live = await h.call('DELETE', `${BASE}/${c.id}`);
    expect([live.statusCode, live.json().reason, live.json().context]).toEqual([422, 'customer.delete.no_live_subscriptions', { customerId: c.id, liveSubscriptions: ['SUB-0001'] }]);
    h.liveSubscriptions.delete(c.id);
    h.openOrders.set(c.id, ['ORD-0001']);
    const open = await h.call('DELETE', `${BASE}/${c.id}`);
    expect([open.statusCode, open.json().reason]).toEqual([422, 'customer.delete.no_open_orders']);
    expect((await h.call('GET', `${BASE}/${c.id}`)).statusCode).toBe(200);
    h.openOrders.delete(c.id);
    expect((await h.call('DELETE', `${BASE}/${c.id}`)).statusCode).toBe(204);
  });
});
