// TMF621 contract walk at the specification's base path: create (bodies built from the official
// TroubleTicket_Create, mandatory only and every attribute a ticket keeps) → get (fields) → list (filters,
// fields, filtered counts) → merge-patch (fields, assignee, status through the state machine) → delete, every
// response validated strictly against the official TroubleTicket; plus the diff of our OpenAPI document.
import { diffAgainstSpec, loadTmfValidator } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionRows, newCustomer, outboxEvents, startHarness, type Harness } from './crm-harness.ts';

const T = '/tmf-api/troubleTicket/v4/troubleTicket';
const v = loadTmfValidator('TMF621-TroubleTicket-v4.swagger.json');
const MERGE = { 'content-type': 'application/merge-patch+json' };
let h: Harness;
let customerId: string;
let caseId: string;

beforeAll(async () => {
  h = await startHarness();
  customerId = (await newCustomer(h)).id;
  const kase = await h.call('POST', '/crm-api/v1/case', { customerId, subject: 'Roaming trouble' });
  caseId = kase.json().id;
});
afterAll(async () => h?.close());

async function send(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  const res = await h.call(method, url, body, method === 'PATCH' ? MERGE : {});
  return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : undefined };
}
const customer = () => ({ id: customerId, role: 'customer', '@referredType': 'Customer' });
const mandatoryOnly = () => ({ description: 'No data since this morning', severity: 'Major', ticketType: 'service_outage', relatedParty: [customer()] });
const allAttributes = () => ({
  name: 'Roaming data fails in Malaysia',
  description: 'Data stops as soon as the phone attaches to a roaming partner.',
  severity: 'Critical',
  priority: 'urgent',
  ticketType: 'configuration',
  relatedParty: [customer(), { id: 'AGT-004', role: 'assignee', '@referredType': 'Agent', name: 'Agent 4' }],
  relatedEntity: [{ id: caseId, role: 'parentCase', '@referredType': 'Case' }],
  '@type': 'TroubleTicket',
  '@baseType': 'TroubleTicket',
  '@schemaLocation': 'https://example.com/schema/TroubleTicket.json',
});

describe('TMF621 conformance: create → get → list → merge-patch → delete', () => {
  let minimal: { id: string; href: string };
  let full: { id: string; href: string };

  it('creates from the mandatory-only body: 201, Location, a valid TroubleTicket named after its description', async () => {
    const body = mandatoryOnly();
    v.assert('TroubleTicket_Create', body);
    const res = await send('POST', T, body);
    expect(res.status).toBe(201);
    v.assert('TroubleTicket', res.body);
    expect(res.body).toMatchObject({
      name: 'No data since this morning',
      description: body.description,
      severity: 'Major',
      ticketType: 'service_outage',
      priority: 'normal',
      status: 'acknowledged',
      creationDate: '2026-06-01T00:00:00.000Z',
      lastUpdate: '2026-06-01T00:00:00.000Z',
      relatedParty: [customer()],
      '@type': 'TroubleTicket',
    });
    expect(res.body.id).toMatch(/^TKT-/);
    expect(res.headers.location).toBe(`${h.deps.config.publicBaseUrl}${T}/${res.body.id}`);
    expect(res.body.href).toBe(res.headers.location);
    minimal = res.body;
    expect((await outboxEvents(h, 'ticket.opened')).map((e) => e.aggregate_id)).toContain(minimal.id);
  });

  it('creates from a body with every attribute a ticket keeps: assignee, parent case, priority', async () => {
    const body = allAttributes();
    v.assert('TroubleTicket_Create', body);
    const res = await send('POST', T, body);
    expect(res.status).toBe(201);
    v.assert('TroubleTicket', res.body);
    expect(res.body).toMatchObject({
      name: body.name,
      severity: 'Critical',
      priority: 'urgent',
      relatedParty: [customer(), { id: 'AGT-004', role: 'assignee', '@referredType': 'Agent' }],
      relatedEntity: [{ id: caseId, role: 'parentCase', '@referredType': 'Case' }],
    });
    full = res.body;
    // the same ticket through the CRM door (its own camelCase shape)
    expect((await send('GET', `/crm-api/v1/ticket/${full.id}`)).body).toMatchObject({ caseId, assignedToAgentId: 'AGT-004', status: 'open' });
  });

  it('refuses attributes a ticket cannot keep (400 naming them) and bodies that break the ticket rules (422)', async () => {
    for (const extra of [{ externalId: 'X-1' }, { channel: { id: 'CH1' } }, { note: [{ text: 'x' }] }, { status: 'pending' }]) {
      const body = { ...mandatoryOnly(), ...extra };
      v.assert('TroubleTicket_Create', body);
      const res = await send('POST', T, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(Object.keys(extra)[0]);
    }
    const missing = await send('POST', T, { description: 'x', ticketType: 'service_outage', relatedParty: [customer()] });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('severity');
    const cases: [unknown, string][] = [
      [{ ...mandatoryOnly(), relatedParty: [] }, 'ticket.open.requires_customer'],
      [{ ...mandatoryOnly(), relatedParty: [{ ...customer(), id: 'CUST-nobody' }] }, 'ticket.open.requires_customer'],
      [{ ...mandatoryOnly(), relatedParty: [customer(), { id: 'X', role: 'reporter', '@referredType': 'Individual' }] }, 'ticket.related_party.unsupported'],
      [{ ...mandatoryOnly(), relatedEntity: [{ id: 'BILL-1', role: 'bill', '@referredType': 'CustomerBill' }] }, 'ticket.related_entity.unsupported'],
      [{ ...mandatoryOnly(), relatedEntity: [{ id: 'CASE-nope', role: 'parentCase', '@referredType': 'Case' }] }, 'ticket.open.case_not_found'],
      [{ ...mandatoryOnly(), relatedParty: [customer(), { id: 'AGT-GONE', role: 'assignee', '@referredType': 'Agent' }] }, 'ticket.assign.agent_must_be_active'],
    ];
    for (const [body, reason] of cases) {
      const res = await send('POST', T, body);
      expect({ status: res.status, reason: res.body.reason }).toEqual({ status: 422, reason });
    }
  });

  it('gets by id with and without fields', async () => {
    const res = await send('GET', `${T}/${full.id}`);
    expect(res.status).toBe(200);
    v.assert('TroubleTicket', res.body);
    const some = await send('GET', `${T}/${full.id}?fields=status,severity`);
    v.assert('TroubleTicket', some.body);
    expect(some.body).toEqual({ id: full.id, href: full.href, status: 'acknowledged', severity: 'Critical', '@type': 'TroubleTicket' });
    expect((await send('GET', `${T}/TKT-ffffffff`)).status).toBe(404);
  });

  it('lists with attribute filters; the counts describe the filtered set', async () => {
    const all = await send('GET', T);
    expect(all.headers['x-total-count']).toBe('2');
    for (const t of all.body) v.assert('TroubleTicket', t);
    const critical = await send('GET', `${T}?severity=Critical&fields=name`);
    expect(critical.body).toEqual([{ id: full.id, href: full.href, name: 'Roaming data fails in Malaysia', '@type': 'TroubleTicket' }]);
    expect(critical.headers['x-total-count']).toBe('1');
    expect(critical.headers['x-result-count']).toBe('1');
    const outage = await send('GET', `${T}?ticketType=service_outage&status=acknowledged&relatedParty.id=${customerId}`);
    expect(outage.body.map((t: { id: string }) => t.id)).toEqual([minimal.id]);
    const byAgent = await send('GET', `${T}?relatedParty.id=AGT-004`);
    expect(byAgent.body.map((t: { id: string }) => t.id)).toEqual([full.id]);
    const none = await send('GET', `${T}?status=held`);
    expect({ items: none.body, total: none.headers['x-total-count'] }).toEqual({ items: [], total: '0' });
    const paged = await send('GET', `${T}?limit=1&offset=1`);
    expect({ n: paged.body.length, total: paged.headers['x-total-count'], result: paged.headers['x-result-count'] }).toEqual({ n: 1, total: '2', result: '1' });
  });

  it('merge-patches fields and the assignee; each answer is a valid TroubleTicket', async () => {
    const res = await send('PATCH', `${T}/${minimal.id}`, { name: 'No data at all', severity: 'Critical', priority: 'high', relatedParty: [customer(), { id: 'AGT-004', role: 'assignee', '@referredType': 'Agent' }] });
    expect(res.status).toBe(200);
    v.assert('TroubleTicket', res.body);
    expect(res.body).toMatchObject({ name: 'No data at all', severity: 'Critical', priority: 'high', status: 'acknowledged' });
    expect(res.body.relatedParty).toContainEqual({ id: 'AGT-004', role: 'assignee', '@referredType': 'Agent' });
    const [updated] = (await outboxEvents(h, 'ticket.updated')).filter((e) => e.aggregate_id === minimal.id);
    expect(Object.keys((updated!.payload as { changed: object }).changed).sort()).toEqual(['assignedToAgentId', 'priority', 'severity', 'subject']);
  });

  it('merge-patches status through the state machine: acknowledge → inProgress → resolved (notes) → closed', async () => {
    const walk: [Record<string, unknown>, string, string][] = [
      [{ status: 'acknowledged' }, 'acknowledged', 'ticket.ack'],
      [{ status: 'inProgress' }, 'inProgress', 'ticket.start'],
      [{ status: 'pending', statusChangeReason: 'waiting for the customer' }, 'pending', 'ticket.wait'],
      [{ status: 'inProgress' }, 'inProgress', 'ticket.resume'],
      [{ status: 'resolved', statusChangeReason: 'APN profile corrected' }, 'resolved', 'ticket.resolve'],
      [{ status: 'closed' }, 'closed', 'ticket.close'],
    ];
    for (const [patch, status, event] of walk) {
      const res = await send('PATCH', `${T}/${minimal.id}`, patch);
      expect({ status: res.status, to: res.body.status }).toEqual({ status: 200, to: status });
      v.assert('TroubleTicket', res.body);
      expect((await outboxEvents(h, event)).map((e) => e.aggregate_id)).toContain(minimal.id);
    }
    const closed = await send('GET', `${T}/${minimal.id}`);
    expect(closed.body.note).toEqual([{ text: 'APN profile corrected', date: '2026-06-01T00:00:00.000Z', '@type': 'Note' }]);
    expect(closed.body.resolutionDate).toBe('2026-06-01T00:00:00.000Z');
    // the same status again changes nothing
    expect((await send('PATCH', `${T}/${minimal.id}`, { status: 'closed' })).status).toBe(200);
  });

  it('refuses patches that break a rule, with the rule id', async () => {
    const fresh = (await send('POST', T, mandatoryOnly())).body;
    const cases: [string, unknown, number, string][] = [
      [fresh.id, { status: 'acknowledged' }, 422, 'ticket.ack.requires_agent'],
      [fresh.id, { status: 'resolved' }, 422, 'ticket.transition.valid_from_state'],
      [fresh.id, { status: 'rejected' }, 422, 'ticket.transition.valid_from_state'],
      [fresh.id, { relatedParty: [{ ...customer(), id: 'CUST-other' }] }, 422, 'ticket.patch.customer_immutable'],
      [fresh.id, { relatedEntity: [{ id: caseId, role: 'parentCase', '@referredType': 'Case' }] }, 422, 'ticket.patch.case_immutable'],
      [fresh.id, { id: 'TKT-other' }, 422, 'ticket.patch.immutable_attribute'],
      [full.id, { relatedParty: [customer()] }, 422, 'ticket.patch.assignee_not_removable'],
      [full.id, { status: 'inProgress' }, 422, 'ticket.transition.valid_from_state'],
      [minimal.id, { status: 'cancelled' }, 422, 'ticket.cancel.not_if_resolved_or_closed'],
      [fresh.id, { lastUpdate: '2026-06-01T00:00:00Z' }, 400, 'request.invalid'],
      ['TKT-ffffffff', { name: 'x' }, 404, 'ticket.not_found'],
    ];
    for (const [id, patch, status, reason] of cases) {
      const res = await send('PATCH', `${T}/${id}`, patch);
      expect({ patch, status: res.status, reason: res.body.reason }).toEqual({ patch, status, reason });
    }
    // resolving needs notes (statusChangeReason)
    await send('PATCH', `${T}/${full.id}`, { status: 'acknowledged' });
    await send('PATCH', `${T}/${full.id}`, { status: 'inProgress' });
    expect((await send('PATCH', `${T}/${full.id}`, { status: 'resolved' })).body.reason).toBe('ticket.resolve.requires_resolution_notes');
  });

  it('deletes only a ticket nobody worked on: 204 then 404; else 422 ticket.delete.worked_on', async () => {
    expect(await send('DELETE', `${T}/${minimal.id}`)).toMatchObject({ status: 422, body: { reason: 'ticket.delete.worked_on' } });
    expect(await send('DELETE', `${T}/${full.id}`)).toMatchObject({ status: 422, body: { reason: 'ticket.delete.worked_on' } });
    const fresh = (await send('POST', T, { ...mandatoryOnly(), relatedEntity: [{ id: caseId, role: 'parentCase', '@referredType': 'Case' }] })).body;
    const gone = await send('DELETE', `${T}/${fresh.id}`);
    expect(gone.status).toBe(204);
    expect(gone.body).toBeUndefined();
    expect((await send('GET', `${T}/${fresh.id}`)).status).toBe(404);
    expect((await send('DELETE', `${T}/${fresh.id}`)).status).toBe(404);
    expect((await outboxEvents(h, 'ticket.deleted')).map((e) => e.aggregate_id)).toEqual([fresh.id]);
    // the customer's log keeps the story, no longer linked to the deleted row
    const log = await interactionRows(h, customerId);
    expect(log[0]).toMatchObject({ summary: `Ticket ${fresh.id} deleted: No data since this morning`, related_ticket_id: null, related_case_id: caseId });
    expect(log.some((r) => r.summary === 'Ticket opened: No data since this morning' && r.related_ticket_id === null)).toBe(true);
  });
});

describe('TMF621 operations against the official specification', () => {
  it('serves every operation, query parameter and response code the spec lists for troubleTicket', () => {
    expect(diffAgainstSpec(h.app.swagger(), 'TMF621-TroubleTicket-v4.swagger.json', { resources: ['troubleTicket'] })).toEqual([]);
  });
});
