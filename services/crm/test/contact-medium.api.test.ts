// Contact mediums and the individual (name / birth date) on /crm-api: add, update, remove, their rules, events and
// auto-logged interactions; the TMF Customer reflects every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { interactionRows, newCustomer, outboxEvents, startHarness, tmf629, uniqueEmail, type Harness } from './crm-harness.ts';
import { mintedIdPattern } from '@bss/contracts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const cm = (id: string) => `/crm-api/v1/customer/${id}/contact-medium`;

describe('contact mediums', () => {
  it('lists mediums with their CM- ids', async () => {
    const c = await newCustomer(h, { phone: '+6581234567' });
    const res = await h.call('GET', cm(c.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(2);
    expect(res.json()[0]).toMatchObject({ mediumType: 'email', isPrimary: true, validTo: null });
    expect(res.json()[0].id).toMatch(mintedIdPattern('CM'));
  });

  it('adds a medium (TMF characteristic form too), moves the primary flag, logs and emits', async () => {
    const c = await newCustomer(h);
    const res = await h.call('POST', cm(c.id), { mediumType: 'email', characteristic: { emailAddress: uniqueEmail('second') }, preferred: true }, { 'x-bss-channel': 'cli' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mediumType: 'email', isPrimary: true });
    const list = (await h.call('GET', cm(c.id))).json();
    expect(list.filter((m: { isPrimary: boolean }) => m.isPrimary)).toHaveLength(1);
    tmf629.assert('Customer', (await h.call('GET', `/tmf-api/customerManagement/v4/customer/${c.id}`)).json());
    expect((await outboxEvents(h, 'customer.contact_medium_added')).some((e) => e.aggregate_id === c.id)).toBe(true);
    expect((await interactionRows(h, c.id))[0]).toMatchObject({ summary: 'Contact medium added: email', channel: 'cli' });
  });

  it('refuses an email live elsewhere (customer.create.email_unique)', async () => {
    const email = uniqueEmail('taken');
    await newCustomer(h, { email });
    const c = await newCustomer(h);
    const res = await h.call('POST', cm(c.id), { mediumType: 'email', value: email });
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe('customer.create.email_unique');
  });

  it('answers 404 customer.contact.not_found for an unknown customer on add, update, remove and name update', async () => {
    for (const [method, url, body] of [
      ['POST', cm('CUST-00000000'), { mediumType: 'phone', value: '+6590000000' }],
      ['PATCH', `${cm('CUST-00000000')}/CM-00000000`, { value: '+6590000000' }],
      ['DELETE', `${cm('CUST-00000000')}/CM-00000000`, undefined],
      ['PATCH', '/crm-api/v1/customer/CUST-00000000/individual', { givenName: 'X' }],
      ['GET', cm('CUST-00000000'), undefined],
    ] as const) {
      const res = await h.call(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().reason).toBe('customer.contact.not_found');
    }
  });

  it('updates a phone value and refuses a direct email change (customer.contact_medium.email_must_use_change_flow)', async () => {
    const c = await newCustomer(h, { phone: '+6581111111' });
    const [email, phone] = (await h.call('GET', cm(c.id))).json();
    const ok = await h.call('PATCH', `${cm(c.id)}/${phone.id}`, { value: '+6582222222' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().value).toBe('+6582222222');
    expect((await interactionRows(h, c.id))[0]!.summary).toBe('Contact medium updated: phone');
    const refused = await h.call('PATCH', `${cm(c.id)}/${email.id}`, { value: uniqueEmail('new') });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ reason: 'customer.contact_medium.email_must_use_change_flow', context: { cmId: email.id } });
    expect((await h.call('PATCH', `${cm(c.id)}/${email.id}`, { isPrimary: true })).statusCode).toBe(200);
    expect((await h.call('PATCH', `${cm(c.id)}/${phone.id}`, { value: 'not a phone' })).statusCode).toBe(400);
  });

  it('refuses to update a medium of another customer (customer.contact_medium.unknown)', async () => {
    const a = await newCustomer(h);
    const b = await newCustomer(h);
    const [bEmail] = (await h.call('GET', cm(b.id))).json();
    const res = await h.call('PATCH', `${cm(a.id)}/${bEmail.id}`, { isPrimary: true });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'customer.contact_medium.unknown', context: { customerId: a.id, cmId: bEmail.id } });
  });

  it('removes a medium by ending it (204), frees the email, and refuses unknown or foreign ones', async () => {
    const email = uniqueEmail('leaving');
    const c = await newCustomer(h, { email, phone: '+6583333333' });
    const [emailCm] = (await h.call('GET', cm(c.id))).json();
    const del = await h.call('DELETE', `${cm(c.id)}/${emailCm.id}`);
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expect((await h.call('GET', cm(c.id))).json()).toHaveLength(1);
    const ended = (await h.call('GET', `${cm(c.id)}?includeEnded=true`)).json();
    expect(ended.find((m: { id: string }) => m.id === emailCm.id).validTo).toBe('2026-06-01T00:00:00.000Z');
    expect((await outboxEvents(h, 'customer.contact_medium_removed')).some((e) => e.payload.cmId === emailCm.id)).toBe(true);
    await newCustomer(h, { email });
    const again = await h.call('DELETE', `${cm(c.id)}/${emailCm.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().reason).toBe('customer.contact.medium_not_found');
  });

  it('refuses to remove the last live medium (customer.contact.remove_last_medium)', async () => {
    const c = await newCustomer(h);
    const [only] = (await h.call('GET', cm(c.id))).json();
    const res = await h.call('DELETE', `${cm(c.id)}/${only.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe('customer.contact.remove_last_medium');
  });
});

describe('individual', () => {
  it('updates names and birth date, logs the display-name change and emits customer.individual_updated', async () => {
    const c = await newCustomer(h);
    const res = await h.call('PATCH', `/crm-api/v1/customer/${c.id}/individual`, { givenName: 'Augusta', dateOfBirth: '1815-12-10' });
    expect(res.statusCode).toBe(200);
    tmf629.assert('Customer', res.json());
    expect(res.json().name).toBe('Augusta Lim');
    expect(res.json().characteristic).toContainEqual({ name: 'dateOfBirth', value: '1815-12-10', valueType: 'date' });
    expect((await interactionRows(h, c.id))[0]!.summary).toBe('Customer updated their display name');
    const [e] = (await outboxEvents(h, 'customer.individual_updated')).filter((x) => x.aggregate_id === c.id);
    expect(e!.payload.fields).toEqual(['givenName', 'dateOfBirth']);
  });

  it('refuses an empty update (customer.individual.update.no_fields)', async () => {
    const c = await newCustomer(h);
    const res = await h.call('PATCH', `/crm-api/v1/customer/${c.id}/individual`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe('customer.individual.update.no_fields');
  });

  it('answers 404 customer.individual.not_found when the individual row is gone', async () => {
    const c = await newCustomer(h);
    await h.db.db.execute(sql`DELETE FROM crm.individual WHERE party_id = (SELECT party_id FROM crm.customer WHERE id = ${c.id})`);
    const res = await h.call('PATCH', `/crm-api/v1/customer/${c.id}/individual`, { givenName: 'Ghost' });
    expect(res.statusCode).toBe(404);
    expect(res.json().reason).toBe('customer.individual.not_found');
  });
});
