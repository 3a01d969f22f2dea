// Trouble tickets (TMF621-style): open with its rules, reads and filters, field PATCH, every action route with its
// guards, history rows, events and auto-logged interactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { interactionRows, newCustomer, outboxEvents, startHarness, type Harness } from './crm-harness.ts';
import { mintedIdPattern } from '@bss/contracts';

const BASE = '/crm-api/v1/ticket';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.db.db.execute(sql`INSERT INTO crm.agent (id, name, email, role, status) VALUES ('AGT-OLD', 'Former', 'old@bss-cli.local', 'csr', 'terminated')`);
});
afterAll(async () => {
  await h?.close();
});

async function openTicket(extra: Record<string, unknown> = {}) {
  const c = await newCustomer(h);
  const res = await h.call('POST', BASE, { customerId: c.id, subject: 'No data since morning', ticketType: 'service_outage', priority: 'high', ...extra });
  expect(res.statusCode).toBe(201);
  return { customerId: c.id, ticket: res.json() };
}
const act = (id: string, trigger: string, body?: unknown) => h.call('POST', `${BASE}/${id}/${trigger}`, body);

describe('open and read', () => {
  it('opens a ticket in state open, with TMF-style refs, history, event and interaction', async () => {
    const { customerId, ticket } = await openTicket({ assignedToAgentId: 'AGT-004' });
    expect(ticket).toMatchObject({
      name: 'No data since morning',
      status: 'open',
      ticketType: 'service_outage',
      priority: 'high',
      customerId,
      assignedToAgentId: 'AGT-004',
      creationDate: '2026-06-01T00:00:00.000Z',
      '@type': 'TroubleTicket',
      relatedParty: [
        { id: customerId, role: 'customer', '@referredType': 'Customer' },
        { id: 'AGT-004', role: 'assignee', '@referredType': 'Agent' },
      ],
      relatedEntity: [],
    });
    expect(ticket.id).toMatch(mintedIdPattern('TKT'));
    expect(ticket.href).toBe(`http://localhost:8002${BASE}/${ticket.id}`);
    expect(ticket).not.toHaveProperty('resolutionDate');
    expect((await h.call('GET', `${BASE}/${ticket.id}`)).json()).toEqual(ticket);
    expect((await interactionRows(h, customerId))[0]).toMatchObject({ summary: 'Ticket opened: No data since morning', related_ticket_id: ticket.id });
    expect((await outboxEvents(h, 'ticket.opened')).some((e) => e.aggregate_id === ticket.id)).toBe(true);
  });

  it('refuses unknown customer, unknown case and inactive/unknown assignee', async () => {
    const c = await newCustomer(h);
    for (const [body, reason] of [
      [{ customerId: 'CUST-00000000', subject: 's' }, 'ticket.open.requires_customer'],
      [{ customerId: c.id, subject: 's', caseId: 'CASE-00000000' }, 'ticket.open.case_not_found'],
      [{ customerId: c.id, subject: 's', assignedToAgentId: 'AGT-OLD' }, 'ticket.assign.agent_must_be_active'],
      [{ customerId: c.id, subject: 's', assignedToAgentId: 'AGT-999' }, 'ticket.assign.agent_must_be_active'],
    ] as const) {
      const res = await h.call('POST', BASE, body);
      expect(res.statusCode, reason).toBe(422);
      expect(res.json().reason).toBe(reason);
    }
  });

  it('lists newest first with filters and X-Total-Count', async () => {
    const c = await newCustomer(h);
    for (const subject of ['one', 'two', 'three']) {
      h.platform.clock.advance(1000);
      await h.call('POST', BASE, { customerId: c.id, subject });
    }
    const res = await h.call('GET', `${BASE}?customerId=${c.id}&limit=2`);
    expect(res.headers['x-total-count']).toBe('3');
    expect(res.json().map((t: { name: string }) => t.name)).toEqual(['three', 'two']);
    expect((await h.call('GET', `${BASE}?customerId=${c.id}&status=resolved`)).json()).toEqual([]);
    expect((await h.call('GET', `${BASE}?status=bogus`)).statusCode).toBe(400);
    expect((await h.call('GET', `${BASE}/TKT-00000000`)).json()).toMatchObject({ code: 'NOT_FOUND', reason: 'ticket.not_found' });
  });
});

describe('PATCH fields', () => {
  it('updates fields, emits ticket.updated with the diff and refuses an inactive assignee', async () => {
    const { customerId, ticket } = await openTicket();
    const res = await h.call('PATCH', `${BASE}/${ticket.id}`, { priority: 'urgent', assignedToAgentId: 'AGT-002' });
    expect(res.json()).toMatchObject({ priority: 'urgent', assignedToAgentId: 'AGT-002' });
    const [e] = (await outboxEvents(h, 'ticket.updated')).filter((x) => x.aggregate_id === ticket.id);
    expect(e!.payload.changed).toEqual({ priority: { from: 'high', to: 'urgent' }, assignedToAgentId: { from: null, to: 'AGT-002' } });
    expect((await interactionRows(h, customerId))[0]!.summary).toBe('Ticket updated: priority, assignedToAgentId');
    const bad = await h.call('PATCH', `${BASE}/${ticket.id}`, { assignedToAgentId: 'AGT-OLD' });
    expect(bad.json()).toMatchObject({ reason: 'ticket.assign.agent_must_be_active', context: { agentId: 'AGT-OLD', status: 'terminated' } });
    expect((await h.call('PATCH', `${BASE}/TKT-00000000`, { priority: 'low' })).json().reason).toBe('ticket.not_found');
    expect((await h.call('PATCH', `${BASE}/${ticket.id}`, {})).statusCode).toBe(400);
  });
});

describe('lifecycle actions', () => {
  it('walks open → ack → start → wait → resume → resolve → reopen → resolve → close with history and events', async () => {
    const { customerId, ticket } = await openTicket();
    expect((await act(ticket.id, 'ack', { assignedToAgentId: 'AGT-001' })).json()).toMatchObject({ status: 'acknowledged', assignedToAgentId: 'AGT-001' });
    for (const [trigger, status] of [['start', 'in_progress'], ['wait', 'pending'], ['resume', 'in_progress']] as const) {
      expect((await act(ticket.id, trigger)).json().status).toBe(status);
    }
    h.platform.clock.advance(3_600_000);
    const at = h.platform.clock.now().toISOString();
    const resolved = (await act(ticket.id, 'resolve', { resolutionNotes: 'Reset APN' })).json();
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNotes: 'Reset APN', resolutionDate: at, statusChangeDate: at });
    expect((await act(ticket.id, 'reopen')).json().status).toBe('in_progress');
    expect((await h.call('POST', `${BASE}/${ticket.id}/transition`, { trigger: 'resolve', resolutionNotes: 'Again' })).json().status).toBe('resolved');
    const closed = (await act(ticket.id, 'close')).json();
    expect(closed).toMatchObject({ status: 'closed', closedDate: at });
    const history = await h.db.db.execute<{ from_state: string | null; to_state: string; changed_by_agent_id: string | null }>(
      sql`SELECT from_state, to_state, changed_by_agent_id FROM crm.ticket_state_history WHERE ticket_id = ${ticket.id} ORDER BY id`,
    );
    expect(history.rows.map((r) => `${r.from_state}>${r.to_state}`)).toEqual([
      'null>open', 'open>acknowledged', 'acknowledged>in_progress', 'in_progress>pending', 'pending>in_progress',
      'in_progress>resolved', 'resolved>in_progress', 'in_progress>resolved', 'resolved>closed',
    ]);
    expect(history.rows[1]!.changed_by_agent_id).toBe('AGT-001');
    const events = (await outboxEvents(h, 'ticket.close')).filter((e) => e.aggregate_id === ticket.id);
    expect(events[0]!.payload).toMatchObject({ fromState: 'resolved', toState: 'closed', trigger: 'close' });
    expect((await interactionRows(h, customerId))[0]).toMatchObject({ summary: 'Ticket close: resolved → closed', related_ticket_id: ticket.id });
  });

  it('needs an agent to ack (ticket.ack.requires_agent) and an active one (ticket.assign.agent_must_be_active)', async () => {
    const { ticket } = await openTicket();
    expect((await act(ticket.id, 'ack')).json()).toMatchObject({ reason: 'ticket.ack.requires_agent', context: { ticketId: ticket.id } });
    expect((await act(ticket.id, 'ack', { assignedToAgentId: 'AGT-OLD' })).json().reason).toBe('ticket.assign.agent_must_be_active');
    const { ticket: preassigned } = await openTicket({ assignedToAgentId: 'AGT-003' });
    expect((await act(preassigned.id, 'ack')).json()).toMatchObject({ status: 'acknowledged', assignedToAgentId: 'AGT-003' });
  });

  it('needs resolution notes to resolve (ticket.resolve.requires_resolution_notes)', async () => {
    const { ticket } = await openTicket({ assignedToAgentId: 'AGT-001' });
    await act(ticket.id, 'ack');
    await act(ticket.id, 'start');
    for (const body of [undefined, {}, { resolutionNotes: '   ' }]) {
      const res = await act(ticket.id, 'resolve', body);
      expect(res.statusCode).toBe(422);
      expect(res.json().reason).toBe('ticket.resolve.requires_resolution_notes');
    }
  });

  it('cancels before resolution only (ticket.cancel.not_if_resolved_or_closed) and refuses illegal moves (ticket.transition.valid_from_state)', async () => {
    const { ticket } = await openTicket();
    const start = await act(ticket.id, 'start');
    expect(start.statusCode).toBe(422);
    expect(start.json()).toMatchObject({ reason: 'ticket.transition.valid_from_state', context: { currentState: 'open', trigger: 'start', allowed: ['ack', 'cancel'] } });
    expect((await act(ticket.id, 'cancel')).json()).toMatchObject({ status: 'cancelled', closedDate: h.platform.clock.now().toISOString() });
    expect((await act(ticket.id, 'cancel')).json()).toMatchObject({ reason: 'ticket.cancel.not_if_resolved_or_closed', context: { currentState: 'cancelled' } });
    const { ticket: t2 } = await openTicket({ assignedToAgentId: 'AGT-001' });
    await act(t2.id, 'ack');
    await act(t2.id, 'start');
    await act(t2.id, 'resolve', { resolutionNotes: 'done' });
    expect((await act(t2.id, 'cancel')).json().reason).toBe('ticket.cancel.not_if_resolved_or_closed');
    expect((await act('TKT-00000000', 'cancel')).statusCode).toBe(404);
    expect((await h.call('POST', `${BASE}/${t2.id}/transition`, { trigger: 'explode' })).statusCode).toBe(400);
  });
});
