// Tenant isolation: the tenant comes from the caller's identity, and every CRM lookup is confined to it, so an
// identity of tenant TENANT_B can neither read nor write a DEFAULT-tenant customer or anything hanging off it
// (contact mediums, KYC, cases, tickets, interactions). X-BSS-Tenant moves nothing unless the identity may
// delegate (the services' own `system` identity; the operator holds every scope, delegation included).
import { portalHeaders, tenantBHeaders, TEST_SYSTEM_TOKEN } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCustomer, signedAttestation, startHarness, uniqueEmail, type Harness } from './crm-harness.ts';

const CUSTOMERS = '/tmf-api/customerManagement/v4/customer';
const CRM = '/crm-api/v1/customer';
const CASES = '/crm-api/v1/case';
const TICKETS = '/crm-api/v1/ticket';
const INTERACTIONS = '/tmf-api/customerInteractionManagement/v1/interaction';

let h: Harness;
// A DEFAULT-tenant customer with a medium, a case, a ticket and an interaction, made by the operator.
let a: { id: string; email: string; cmId: string; caseId: string; ticketId: string };
// A TENANT_B customer made by tenant B's identity.
let b: { id: string };

beforeAll(async () => {
  h = await startHarness();
  const email = uniqueEmail('tenant-a');
  const customer = await newCustomer(h, { email });
  const [medium] = (await h.call('GET', `${CRM}/${customer.id}/contact-medium`)).json();
  const kase = (await h.call('POST', CASES, { customerId: customer.id, subject: 'A case' })).json();
  const ticket = (await h.call('POST', TICKETS, { customerId: customer.id, subject: 'A ticket', ticketType: 'information_request' })).json();
  await h.call('POST', INTERACTIONS, { customerId: customer.id, summary: 'A called' });
  a = { id: customer.id, email, cmId: medium.id, caseId: kase.id, ticketId: ticket.id };
  const created = await h.call('POST', CUSTOMERS, { givenName: 'Bea', familyName: 'Tan', email: uniqueEmail('tenant-b') }, tenantBHeaders());
  expect(created.statusCode).toBe(201);
  b = created.json();
});
afterAll(async () => {
  await h?.close();
});

const asB = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => h.call(method, url, body, tenantBHeaders());

/** A's rows as stored, to prove a refused write changed nothing. */
async function snapshotOfA() {
  const r = await h.db.db.execute(sql`
    SELECT (SELECT row_to_json(c) FROM crm.customer c WHERE c.id = ${a.id}) AS customer,
           (SELECT json_agg(m ORDER BY m.id) FROM crm.contact_medium m JOIN crm.customer c ON c.party_id = m.party_id WHERE c.id = ${a.id}) AS mediums,
           (SELECT row_to_json(k) FROM crm."case" k WHERE k.id = ${a.caseId}) AS kase,
           (SELECT count(*) FROM crm.case_note WHERE case_id = ${a.caseId}) AS notes,
           (SELECT row_to_json(t) FROM crm.ticket t WHERE t.id = ${a.ticketId}) AS ticket,
           (SELECT count(*) FROM crm.ticket WHERE customer_id = ${a.id}) AS tickets,
           (SELECT count(*) FROM crm."case" WHERE customer_id = ${a.id}) AS cases,
           (SELECT count(*) FROM crm.interaction WHERE customer_id = ${a.id}) AS interactions,
           (SELECT count(*) FROM crm.customer_identity WHERE customer_id = ${a.id}) AS identities`);
  return r.rows[0];
}

describe('tenant isolation', () => {
  it('stamps rows with the tenant of the identity that wrote them', async () => {
    const r = await h.db.db.execute<{ id: string; tenant_id: string }>(sql`SELECT id, tenant_id FROM crm.customer WHERE id IN (${a.id}, ${b.id}) ORDER BY tenant_id`);
    expect(r.rows).toEqual([
      { id: a.id, tenant_id: 'DEFAULT' },
      { id: b.id, tenant_id: 'TENANT_B' },
    ]);
    const events = await h.db.db.execute<{ tenant: string; service_identity: string }>(
      sql`SELECT tenant_id AS tenant, service_identity FROM crm.outbox WHERE aggregate_id = ${b.id} AND event_type = 'customer.created'`,
    );
    expect(events.rows).toEqual([{ tenant: 'TENANT_B', service_identity: 'tenant_b' }]);
  });

  it("does not let tenant B read tenant A's customer or anything hanging off it (404 / empty lists)", async () => {
    const notFound = [
      `${CUSTOMERS}/${a.id}`,
      `${CRM}/by-email/${encodeURIComponent(a.email)}`,
      `${CRM}/${a.id}/contact-medium`,
      `${CRM}/${a.id}/kyc-status`,
      `${CASES}/${a.caseId}`,
      `${TICKETS}/${a.ticketId}`,
      `${INTERACTIONS}?customerId=${a.id}`,
    ];
    for (const url of notFound) expect((await asB('GET', url)).statusCode, url).toBe(404);
    const customers = (await asB('GET', CUSTOMERS)).json() as { id: string }[];
    expect(customers.map((c) => c.id)).toEqual([b.id]);
    expect((await asB('GET', `${CASES}?customerId=${a.id}`)).json()).toEqual([]);
    expect((await asB('GET', `${TICKETS}?customerId=${a.id}`)).json()).toEqual([]);
    // The same reads as the operator (tenant DEFAULT) find A, so the 404s above are the tenant filter at work.
    expect((await h.call('GET', `${CUSTOMERS}/${a.id}`)).statusCode).toBe(200);
    expect((await h.call('GET', `${CUSTOMERS}/${b.id}`)).statusCode).toBe(404);
  });

  it("refuses every write of tenant B to tenant A's rows and changes nothing", async () => {
    const before = await snapshotOfA();
    const writes: [reason: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, body: unknown][] = [
      ['customer.update.not_found', 'PATCH', `${CUSTOMERS}/${a.id}`, { status: 'suspended' }],
      ['customer.contact.not_found', 'PATCH', `${CRM}/${a.id}/individual`, { givenName: 'Mallory' }],
      ['customer.contact.not_found', 'POST', `${CRM}/${a.id}/contact-medium`, { mediumType: 'phone', value: '+6590000000' }],
      ['customer.contact.not_found', 'PATCH', `${CRM}/${a.id}/contact-medium/${a.cmId}`, { isPrimary: true }],
      ['customer.contact.not_found', 'DELETE', `${CRM}/${a.id}/contact-medium/${a.cmId}`, undefined],
      ['customer.attest_kyc.customer_exists', 'POST', `${CRM}/${a.id}/kyc-attestation`, signedAttestation(a.id)],
      ['case.open.customer_must_be_active', 'POST', CASES, { customerId: a.id, subject: 'hijack' }],
      ['case.not_found', 'PATCH', `${CASES}/${a.caseId}`, { priority: 'high' }],
      ['case.not_found', 'POST', `${CASES}/${a.caseId}/note`, { body: 'hijack' }],
      ['ticket.open.requires_customer', 'POST', TICKETS, { customerId: a.id, subject: 'hijack', ticketType: 'information_request' }],
      ['ticket.not_found', 'PATCH', `${TICKETS}/${a.ticketId}`, { priority: 'urgent' }],
      ['interaction.create.customer_not_found', 'POST', INTERACTIONS, { customerId: a.id, summary: 'hijack' }],
    ];
    // Each is refused with the rule a missing target gets: 404 when the target is in the path, the write's own
    // 422 rule when it is named in the body (the documented reference rule ids).
    for (const [reason, method, url, body] of writes) {
      const res = await asB(method, url, body);
      expect({ url, method, reason: res.json().reason }).toEqual({ url, method, reason });
      expect([404, 422]).toContain(res.statusCode);
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it('ignores X-BSS-Tenant from identities that may not delegate; a delegating one acts for the named tenant', async () => {
    // The portal identity (tenant DEFAULT) naming TENANT_B still sees DEFAULT's customer, never B's.
    expect((await h.call('GET', `${CUSTOMERS}/${b.id}`, undefined, portalHeaders({ 'x-bss-tenant': 'TENANT_B' }))).statusCode).toBe(404);
    expect((await h.call('GET', `${CUSTOMERS}/${a.id}`, undefined, portalHeaders({ 'x-bss-tenant': 'TENANT_B' }))).statusCode).toBe(200);
    // Tenant B naming DEFAULT stays in TENANT_B.
    expect((await h.call('GET', `${CUSTOMERS}/${a.id}`, undefined, tenantBHeaders({ 'x-bss-tenant': 'DEFAULT' }))).statusCode).toBe(404);
    // The system identity (service-to-service) acts for the tenant of the request it serves.
    const system = { 'x-bss-api-token': TEST_SYSTEM_TOKEN, 'x-bss-tenant': 'TENANT_B' };
    expect((await h.call('GET', `${CUSTOMERS}/${b.id}`, undefined, system)).statusCode).toBe(200);
    expect((await h.call('GET', `${CUSTOMERS}/${a.id}`, undefined, system)).statusCode).toBe(404);
  });

  it('records a write made by a service-to-service call as identity `system`, in the tenant it acted for', async () => {
    const system = { 'x-bss-api-token': TEST_SYSTEM_TOKEN, 'x-bss-tenant': 'TENANT_B', 'x-bss-actor': 'bea' };
    const res = await h.call('POST', CASES, { customerId: b.id, subject: 'opened by another service' }, system);
    expect(res.statusCode).toBe(201);
    const r = await h.db.db.execute<{ tenant_id: string; service_identity: string; actor: string }>(
      sql`SELECT tenant_id, service_identity, actor FROM crm.outbox WHERE aggregate_id = ${res.json().id}`,
    );
    expect(r.rows).toEqual([{ tenant_id: 'TENANT_B', service_identity: 'system', actor: 'bea' }]);
  });
});
