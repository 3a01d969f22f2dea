// Customer API (TMF629): create in TMF and CLI shapes (validated with the strict official schema), reads, list
// paging/filters, the lifecycle PATCH and its rules, events and auto-logged interactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { interactionRows, newCustomer, outboxEvents, startHarness, tmf629, uniqueEmail, type Harness } from './crm-harness.ts';
import { mintedIdPattern } from '@bss/contracts';

const BASE = '/tmf-api/customerManagement/v4/customer';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const characteristic = (c: { characteristic: { name: string; value: unknown }[] }, name: string) => c.characteristic.find((x) => x.name === name)?.value;

describe('create', () => {
  it('accepts the official TMF629 Customer_Create body and answers a strictly valid Customer', async () => {
    const email = uniqueEmail('tmf');
    const body = {
      name: 'Grace Brewster Hopper',
      engagedParty: { id: 'IND-client-42', name: 'Grace Hopper', '@referredType': 'Individual' },
      contactMedium: [
        { mediumType: 'email', preferred: true, characteristic: { emailAddress: email } },
        { mediumType: 'mobile', characteristic: { phoneNumber: '+6591234567' } },
      ],
      characteristic: [{ name: 'dateOfBirth', value: '1906-12-09' }],
    };
    tmf629.assert('Customer_Create', body);
    const res = await h.call('POST', BASE, body, { 'x-bss-channel': 'portal-csr', 'x-bss-actor': 'csr-7' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    tmf629.assert('Customer', c);
    expect(c).toMatchObject({ name: 'Grace Brewster Hopper', status: 'active', '@type': 'Customer', href: `http://localhost:8002${BASE}/${c.id}` });
    expect(c.id).toMatch(mintedIdPattern('CUST'));
    // The client's engagedParty is kept as sent (issue #9), not replaced by the internally minted party.
    expect(c.engagedParty).toEqual({ id: 'IND-client-42', name: 'Grace Hopper', '@referredType': 'Individual' });
    expect(characteristic(c, 'givenName')).toBe('Grace Brewster');
    expect(characteristic(c, 'familyName')).toBe('Hopper');
    expect(characteristic(c, 'dateOfBirth')).toBe('1906-12-09');
    expect(characteristic(c, 'kycStatus')).toBe('not_verified');
    expect(c.contactMedium).toEqual([
      { mediumType: 'email', preferred: true, characteristic: { emailAddress: email }, validFor: { startDateTime: '2026-06-01T00:00:00.000Z' } },
      { mediumType: 'phone', preferred: true, characteristic: { phoneNumber: '+6591234567' }, validFor: { startDateTime: '2026-06-01T00:00:00.000Z' } },
    ]);
    const [event] = (await outboxEvents(h, 'customer.created')).filter((e) => e.aggregate_id === c.id);
    expect(event).toMatchObject({ channel: 'portal-csr', actor: 'csr-7', payload: { customerId: c.id, givenName: 'Grace Brewster', familyName: 'Hopper' } });
    expect(await interactionRows(h, c.id)).toEqual([
      { summary: 'Customer created: Grace Brewster Hopper', channel: 'portal-csr', actor: 'csr-7', related_case_id: null, related_ticket_id: null },
    ]);
  });

  it('accepts the CLI shorthand (givenName, familyName, email, phone, dateOfBirth)', async () => {
    const email = uniqueEmail('cli');
    const res = await h.call('POST', BASE, { givenName: 'Ada', familyName: 'Lovelace', email, phone: '+44 20 7946 0000', dateOfBirth: '1815-12-10' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    tmf629.assert('Customer', c);
    expect(c.name).toBe('Ada Lovelace');
    expect(characteristic(c, 'dateOfBirth')).toBe('1815-12-10');
    expect(c.contactMedium.map((m: { mediumType: string }) => m.mediumType)).toEqual(['email', 'phone']);
  });

  it('creates a customer without contact medium as pending (the mandatory TMF629 attributes suffice)', async () => {
    const res = await h.call('POST', BASE, { name: 'No Contact', engagedParty: { id: 'x', '@referredType': 'Individual' } });
    expect(res.statusCode).toBe(201);
    tmf629.assert('Customer', res.json());
    expect(res.json()).toMatchObject({ status: 'pending', contactMedium: [], engagedParty: { id: 'x', '@referredType': 'Individual' } });
  });

  it('mints a PTY- id for an engagedParty sent without one, keeping the rest as sent', async () => {
    const res = await h.call('POST', BASE, { name: 'Anon Party', engagedParty: { name: 'Anon P.', '@referredType': 'Organization' } });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.engagedParty).toMatchObject({ name: 'Anon P.', '@referredType': 'Organization' });
    expect(c.engagedParty.id).toMatch(mintedIdPattern('PTY'));
  });

  it('refuses to create an active customer without contact medium (customer.create.requires_contact_medium)', async () => {
    const res = await h.call('POST', BASE, { name: 'No Contact', status: 'active', engagedParty: { id: 'x', '@referredType': 'Individual' } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason: 'customer.create.requires_contact_medium' });
  });

  it('refuses an email already live on another customer, case-insensitively (customer.create.email_unique)', async () => {
    const email = uniqueEmail('dup');
    await newCustomer(h, { email });
    const res = await h.call('POST', BASE, { givenName: 'Other', familyName: 'Person', email: email.toUpperCase() });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'customer.create.email_unique', context: { email: email.toUpperCase() } });
  });

  it('maps a unique violation that gets past the policy to 409 CONFLICT (partial unique index)', async () => {
    const email = uniqueEmail('race');
    const a = await newCustomer(h);
    const party = (await h.db.db.execute<{ party_id: string }>(sql`SELECT party_id FROM crm.customer WHERE id = ${a.id}`)).rows[0]!.party_id;
    // A concurrent writer holds an uncommitted medium with the same address: the API's policy read cannot see it,
    // its insert waits on the unique index, and fails once the other transaction commits.
    const other = await h.db.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(`INSERT INTO crm.contact_medium (id, party_id, medium_type, value) VALUES ('CM-race0001', $1, 'email', $2)`, [party, email.toUpperCase()]);
      const pending = h.call('POST', BASE, { givenName: 'Racer', familyName: 'Two', email });
      await new Promise((r) => setTimeout(r, 200));
      await other.query('COMMIT');
      const res = await pending;
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'CONFLICT', context: { constraint: 'uq_contact_medium_email_live' } });
    } finally {
      other.release();
    }
  });

  it('answers 400 for names it cannot read, unknown medium types and malformed values', async () => {
    for (const body of [
      { email: uniqueEmail() },
      { givenName: 'A', contactMedium: [{ mediumType: 'pigeon', value: 'coo' }] },
      { givenName: 'A', contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: 'not-an-email' } }] },
      { givenName: 'A', contactMedium: [{ mediumType: 'phone' }] },
      { givenName: 'A', email: uniqueEmail(), characteristic: [{ name: 'dateOfBirth', value: '12/09/1906' }] },
      { givenName: 42, email: uniqueEmail() },
    ]) {
      const res = await h.call('POST', BASE, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('reads', () => {
  it('gets by id and 404s an unknown id', async () => {
    const c = await newCustomer(h);
    const res = await h.call('GET', `${BASE}/${c.id}`);
    expect(res.statusCode).toBe(200);
    tmf629.assert('Customer', res.json());
    const missing = await h.call('GET', `${BASE}/CUST-00000000`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'customer.not_found' });
  });

  it('lists with status and name filters, offset/limit and X-Total-Count', async () => {
    const tag = `Zed${process.pid}`;
    for (let i = 0; i < 3; i++) await newCustomer(h, { givenName: `${tag}${i}`, familyName: 'Listed' });
    const page = await h.call('GET', `${BASE}?name=${tag.toLowerCase()}&limit=2&offset=0`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-total-count']).toBe('3');
    expect(page.headers['x-result-count']).toBe('2');
    for (const c of page.json()) tmf629.assert('Customer', c);
    const rest = await h.call('GET', `${BASE}?name=${tag}&limit=2&offset=2`);
    expect((await h.call('GET', `${BASE}?name=${encodeURIComponent(`${tag}1 listed`)}`)).json()).toHaveLength(1);
    expect(rest.json()).toHaveLength(1);
    const suspended = await h.call('GET', `${BASE}?status=suspended`);
    expect(suspended.json().every((c: { status: string }) => c.status === 'suspended')).toBe(true);
    expect((await h.call('GET', `${BASE}?limit=0`)).statusCode).toBe(400);
    // TMF status is a free string: an unknown one matches nothing rather than failing.
    const zombie = await h.call('GET', `${BASE}?status=zombie`);
    expect([zombie.statusCode, zombie.json(), zombie.headers['x-total-count']]).toEqual([200, [], '0']);
  });

  it('finds by email (live mediums only) and 404s an unknown one', async () => {
    const email = uniqueEmail('find');
    const c = await newCustomer(h, { email });
    const res = await h.call('GET', `/crm-api/v1/customer/by-email/${encodeURIComponent(email)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(c.id);
    expect((await h.call('GET', `/crm-api/v1/customer/by-email/${encodeURIComponent(uniqueEmail('nobody'))}`)).statusCode).toBe(404);
    expect((await h.call('GET', '/crm-api/v1/customer/by-email/not-an-email')).statusCode).toBe(400);
  });

  it('finds by MSISDN through the inventory assignment; 404 when unknown or not assigned', async () => {
    const c = await newCustomer(h);
    await h.db.db.execute(sql`UPDATE inventory.msisdn_pool SET status = 'assigned', assigned_to_subscription_id = 'SUB-0001', assigned_to_customer_id = ${c.id} WHERE msisdn = '90000007'`);
    const res = await h.call('GET', '/crm-api/v1/customer/by-msisdn/90000007');
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(c.id);
    tmf629.assert('Customer', res.json());
    expect((await h.call('GET', '/crm-api/v1/customer/by-msisdn/90000008')).json()).toMatchObject({ reason: 'customer.not_found', context: { msisdn: '90000008' } });
    expect((await h.call('GET', '/crm-api/v1/customer/by-msisdn/99999999')).statusCode).toBe(404);
  });
});

describe('lifecycle PATCH', () => {
  it('walks active → suspended → active → closed with events and interactions', async () => {
    const c = await newCustomer(h);
    const suspend = await h.call('PATCH', `${BASE}/${c.id}`, { status: 'suspended', statusReason: 'fraud review' });
    expect(suspend.statusCode).toBe(200);
    tmf629.assert('Customer', suspend.json());
    expect(suspend.json()).toMatchObject({ status: 'suspended', statusReason: 'fraud review' });
    expect((await h.call('PATCH', `${BASE}/${c.id}`, { status: 'active' })).json().status).toBe('active');
    expect((await h.call('PATCH', `${BASE}/${c.id}`, { status: 'closed' })).json().status).toBe('closed');
    const events = (await outboxEvents(h, 'customer.updated')).filter((e) => e.aggregate_id === c.id);
    expect(events.map((e) => [e.payload.fromStatus, e.payload.toStatus])).toEqual([['active', 'suspended'], ['suspended', 'active'], ['active', 'closed']]);
    expect((await interactionRows(h, c.id))[0]!.summary).toBe('Customer updated: status');
  });

  it('refuses to leave closed (customer.transition.invalid) and refuses pending from active', async () => {
    const c = await newCustomer(h);
    await h.call('PATCH', `${BASE}/${c.id}`, { status: 'closed' });
    const res = await h.call('PATCH', `${BASE}/${c.id}`, { status: 'active' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'customer.transition.invalid', context: { from: 'closed', allowed: [] } });
    const d = await newCustomer(h);
    expect((await h.call('PATCH', `${BASE}/${d.id}`, { status: 'pending' })).json().reason).toBe('customer.transition.invalid');
  });

  it('refuses to move an active customer with live subscriptions (customer.close.no_active_subscriptions)', async () => {
    const c = await newCustomer(h);
    h.liveSubscriptions.set(c.id, ['SUB-0001']);
    const res = await h.call('PATCH', `${BASE}/${c.id}`, { status: 'closed' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'customer.close.no_active_subscriptions', context: { customerId: c.id, activeSubscriptions: ['SUB-0001'] } });
    expect((await h.call('GET', `${BASE}/${c.id}`)).json().status).toBe('active');
  });

  it('refuses to close a pending or suspended customer with live subscriptions (customer.close.no_active_subscriptions)', async () => {
    const pending = await newCustomer(h, { status: 'pending' });
    const suspended = await newCustomer(h);
    expect((await h.call('PATCH', `${BASE}/${suspended.id}`, { status: 'suspended' })).json().status).toBe('suspended');
    for (const c of [pending, suspended]) {
      h.liveSubscriptions.set(c.id, ['SUB-0007']);
      const res = await h.call('PATCH', `${BASE}/${c.id}`, { status: 'closed' });
      expect(res.statusCode, c.status).toBe(422);
      expect(res.json()).toMatchObject({ reason: 'customer.close.no_active_subscriptions', context: { customerId: c.id, activeSubscriptions: ['SUB-0007'] } });
      h.liveSubscriptions.delete(c.id);
      expect((await h.call('PATCH', `${BASE}/${c.id}`, { status: 'closed' })).json().status).toBe('closed');
    }
  });

  it('answers 404 customer.update.not_found for an unknown customer; an empty merge-patch changes nothing', async () => {
    const res = await h.call('PATCH', `${BASE}/CUST-deadbeef`, { status: 'closed' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'customer.update.not_found' });
    const c = await newCustomer(h);
    const same = await h.call('PATCH', `${BASE}/${c.id}`, {});
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual((await h.call('GET', `${BASE}/${c.id}`)).json());
  });

  it('creates a pending customer and activates it', async () => {
    const c = await newCustomer(h, { status: 'pending' });
    expect(c.status).toBe('pending');
    expect((await h.call('PATCH', `${BASE}/${c.id}`, { status: 'active' })).json().status).toBe('active');
  });
});
