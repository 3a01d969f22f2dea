// Cases: open with its rules, reads and filters, triggers through PATCH and the close convenience, the
// tickets-done guard, the cancel cascade (same transaction), field updates and notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { interactionRows, newCustomer, outboxEvents, startHarness, type Harness } from './crm-harness.ts';
import { mintedIdPattern } from '@bss/contracts';

const BASE = '/crm-api/v1/case';
const TICKETS = '/crm-api/v1/ticket';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.db.db.execute(sql`INSERT INTO crm.agent (id, name, email, role, status) VALUES ('AGT-GONE', 'Gone', 'gone@bss-cli.local', 'csr', 'terminated')`);
});
afterAll(async () => {
  await h?.close();
});

async function openCase(extra: Record<string, unknown> = {}) {
  const c = await newCustomer(h);
  const res = await h.call('POST', BASE, { customerId: c.id, subject: 'Intermittent data', ...extra });
  expect(res.statusCode).toBe(201);
  return { customerId: c.id, kase: res.json() };
}
const patch = (id: string, body: unknown) => h.call('PATCH', `${BASE}/${id}`, body);
const ticketFor = async (customerId: string, caseId: string) => (await h.call('POST', TICKETS, { customerId, caseId, subject: 'child', assignedToAgentId: 'AGT-001' })).json();

describe('open and read', () => {
  it('opens a case with defaults, event and interaction; reads it back with notes and ticket ids', async () => {
    const { customerId, kase } = await openCase({ openedByAgentId: 'AGT-001', chatTranscriptHash: 'a'.repeat(64) });
    expect(kase).toMatchObject({ customerId, state: 'open', priority: 'normal', category: 'general', resolutionCode: null, openedByAgentId: 'AGT-001', notes: [], ticketIds: [], chatTranscriptHash: 'a'.repeat(64) });
    expect(kase.id).toMatch(mintedIdPattern('CASE'));
    const t = await ticketFor(customerId, kase.id);
    expect(t.relatedEntity).toEqual([{ id: kase.id, role: 'parentCase', '@referredType': 'Case' }]);
    expect((await h.call('GET', `${BASE}/${kase.id}`)).json().ticketIds).toEqual([t.id]);
    expect((await outboxEvents(h, 'case.opened')).some((e) => e.aggregate_id === kase.id)).toBe(true);
    expect((await interactionRows(h, customerId)).map((r) => r.summary)).toContain('Case opened: Intermittent data');
    expect((await h.call('GET', `${BASE}/CASE-00000000`)).json()).toMatchObject({ code: 'NOT_FOUND', reason: 'case.not_found' });
  });

  it('needs an active customer (case.open.customer_must_be_active)', async () => {
    const c = await newCustomer(h);
    await h.call('PATCH', `/tmf-api/customerManagement/v4/customer/${c.id}`, { status: 'suspended' });
    for (const customerId of [c.id, 'CUST-00000000']) {
      const res = await h.call('POST', BASE, { customerId, subject: 's' });
      expect(res.statusCode).toBe(422);
      expect(res.json().reason).toBe('case.open.customer_must_be_active');
    }
  });

  it('validates priority, category and the opening agent as policies', async () => {
    const c = await newCustomer(h);
    for (const [extra, reason] of [
      [{ priority: 'urgent' }, 'case.open.invalid_priority'],
      [{ category: 'gossip' }, 'case.open.invalid_category'],
      [{ openedByAgentId: 'AGT-GONE' }, 'case.open.agent_must_be_active'],
    ] as const) {
      const res = await h.call('POST', BASE, { customerId: c.id, subject: 's', ...extra });
      expect(res.json().reason).toBe(reason);
    }
  });

  it('lists newest first with filters and X-Total-Count', async () => {
    const c = await newCustomer(h);
    for (const subject of ['a', 'b', 'c']) {
      h.platform.clock.advance(1000);
      await h.call('POST', BASE, { customerId: c.id, subject, openedByAgentId: 'AGT-002' });
    }
    const res = await h.call('GET', `${BASE}?customerId=${c.id}&limit=2`);
    expect(res.headers['x-total-count']).toBe('3');
    expect(res.json().map((k: { subject: string }) => k.subject)).toEqual(['c', 'b']);
    expect((await h.call('GET', `${BASE}?openedByAgentId=AGT-002&state=open`)).json().length).toBeGreaterThanOrEqual(3);
  });
});

describe('triggers', () => {
  it('walks take → await_customer → resume → resolve → close with events and interactions', async () => {
    const { customerId, kase } = await openCase();
    for (const [trigger, state] of [['take', 'in_progress'], ['await_customer', 'pending_customer'], ['resume', 'in_progress'], ['resolve', 'resolved']] as const) {
      const res = await patch(kase.id, { trigger });
      expect(res.statusCode, trigger).toBe(200);
      expect(res.json().state).toBe(state);
    }
    const closed = (await patch(kase.id, { trigger: 'close', resolutionCode: 'FIXED' })).json();
    expect(closed).toMatchObject({ state: 'closed', resolutionCode: 'FIXED', closedAt: h.platform.clock.now().toISOString() });
    const [e] = (await outboxEvents(h, 'case.await_customer')).filter((x) => x.aggregate_id === kase.id);
    expect(e!.payload).toMatchObject({ fromState: 'in_progress', toState: 'pending_customer', trigger: 'await_customer' });
    expect((await interactionRows(h, customerId))[0]).toMatchObject({ summary: 'Case close: resolved → closed', related_case_id: kase.id });
  });

  it('refuses illegal triggers (case.transition.valid_from_state) and unknown cases (case.not_found)', async () => {
    const { kase } = await openCase();
    const res = await patch(kase.id, { trigger: 'resume' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'case.transition.valid_from_state', context: { currentState: 'open', trigger: 'resume' } });
    const missing = await patch('CASE-00000000', { trigger: 'take' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().reason).toBe('case.not_found');
    expect((await patch(kase.id, {})).statusCode).toBe(400);
  });

  it('resolves only when every ticket is resolved, closed or cancelled (case.close.requires_all_tickets_resolved)', async () => {
    const { customerId, kase } = await openCase();
    const t = await ticketFor(customerId, kase.id);
    const refused = await patch(kase.id, { trigger: 'resolve' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ reason: 'case.close.requires_all_tickets_resolved', context: { caseId: kase.id, openTickets: [t.id] } });
    await h.call('POST', `${TICKETS}/${t.id}/ack`);
    await h.call('POST', `${TICKETS}/${t.id}/start`);
    await h.call('POST', `${TICKETS}/${t.id}/resolve`, { resolutionNotes: 'fixed' });
    expect((await patch(kase.id, { trigger: 'resolve' })).json().state).toBe('resolved');
  });

  it('needs a resolution code to close (case.close.requires_resolution_code); POST close resolves first', async () => {
    const { kase } = await openCase();
    const noCode = await h.call('POST', `${BASE}/${kase.id}/close`);
    expect(noCode.statusCode).toBe(422);
    expect(noCode.json().reason).toBe('case.close.requires_resolution_code');
    expect((await h.call('GET', `${BASE}/${kase.id}`)).json().state).toBe('open');
    const closed = await h.call('POST', `${BASE}/${kase.id}/close`, { resolutionCode: 'NO_FAULT_FOUND' });
    expect(closed.json()).toMatchObject({ state: 'closed', resolutionCode: 'NO_FAULT_FOUND' });
    const { kase: k2 } = await openCase();
    await patch(k2.id, { trigger: 'resolve' });
    expect((await patch(k2.id, { trigger: 'close' })).json().reason).toBe('case.close.requires_resolution_code');
    expect((await h.call('POST', `${BASE}/${kase.id}/close`, { resolutionCode: 'AGAIN' })).json().reason).toBe('case.transition.valid_from_state');
  });

  it('cancel closes the case and cancels its unfinished tickets in the same transaction', async () => {
    const { customerId, kase } = await openCase();
    const open = await ticketFor(customerId, kase.id);
    const done = await ticketFor(customerId, kase.id);
    await h.call('POST', `${TICKETS}/${done.id}/ack`);
    await h.call('POST', `${TICKETS}/${done.id}/start`);
    await h.call('POST', `${TICKETS}/${done.id}/resolve`, { resolutionNotes: 'ok' });
    const res = await patch(kase.id, { trigger: 'cancel' });
    expect(res.json()).toMatchObject({ state: 'closed', ticketIds: [open.id, done.id] });
    expect((await h.call('GET', `${TICKETS}/${open.id}`)).json().status).toBe('cancelled');
    expect((await h.call('GET', `${TICKETS}/${done.id}`)).json().status).toBe('resolved');
    const [e] = (await outboxEvents(h, 'ticket.cancel')).filter((x) => x.aggregate_id === open.id);
    expect(e!.payload).toMatchObject({ cascadeFromCase: true });
  });

  it('rolls the cascade back when the case write fails', async () => {
    const { customerId, kase } = await openCase();
    const t = await ticketFor(customerId, kase.id);
    // Make the case update fail after the ticket cascade ran: a CHECK that refuses closing this case.
    await h.db.db.execute(sql.raw(`ALTER TABLE crm."case" ADD CONSTRAINT ck_test_no_close CHECK (id <> '${kase.id}' OR state <> 'closed')`));
    try {
      const res = await patch(kase.id, { trigger: 'cancel' });
      expect(res.statusCode).toBe(500);
    } finally {
      await h.db.db.execute(sql`ALTER TABLE crm."case" DROP CONSTRAINT ck_test_no_close`);
    }
    expect((await h.call('GET', `${TICKETS}/${t.id}`)).json().status).toBe('open');
    expect((await h.call('GET', `${BASE}/${kase.id}`)).json().state).toBe('open');
  });
});

describe('fields and notes', () => {
  it('updates priority/category with case.updated; refuses bad values and closed cases', async () => {
    const { kase } = await openCase();
    const res = await patch(kase.id, { priority: 'critical', category: 'technical' });
    expect(res.json()).toMatchObject({ priority: 'critical', category: 'technical' });
    const [e] = (await outboxEvents(h, 'case.updated')).filter((x) => x.aggregate_id === kase.id);
    expect(e!.payload.changed).toEqual({ priority: { from: 'normal', to: 'critical' }, category: { from: 'general', to: 'technical' } });
    expect((await patch(kase.id, { priority: 'urgent' })).json()).toMatchObject({ reason: 'case.update.invalid_priority', context: { priority: 'urgent' } });
    expect((await patch(kase.id, { category: 'gossip' })).json().reason).toBe('case.update.invalid_category');
    await patch(kase.id, { trigger: 'cancel' });
    expect((await patch(kase.id, { priority: 'low' })).json()).toMatchObject({ reason: 'case.update.case_is_closed', context: { state: 'closed' } });
  });

  it('adds notes (201, event, interaction) and refuses notes on a closed case', async () => {
    const { customerId, kase } = await openCase();
    const res = await h.call('POST', `${BASE}/${kase.id}/note`, { body: 'Customer called back', authorAgentId: 'AGT-002' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ caseId: kase.id, authorAgentId: 'AGT-002', body: 'Customer called back' });
    expect(res.json().id).toMatch(mintedIdPattern('NOTE'));
    expect((await h.call('GET', `${BASE}/${kase.id}`)).json().notes).toHaveLength(1);
    expect((await outboxEvents(h, 'case.note_added')).some((e) => e.payload.noteId === res.json().id)).toBe(true);
    expect((await interactionRows(h, customerId))[0]!.summary).toBe('Case note added');
    expect((await h.call('POST', `${BASE}/${kase.id}/note`, { body: 'x', authorAgentId: 'AGT-GONE' })).json().reason).toBe('case.add_note.agent_must_be_active');
    await patch(kase.id, { trigger: 'cancel' });
    const closed = await h.call('POST', `${BASE}/${kase.id}/note`, { body: 'too late' });
    expect(closed.json()).toMatchObject({ reason: 'case.add_note.case_is_closed', context: { caseId: kase.id, state: 'closed' } });
    expect((await h.call('POST', `${BASE}/CASE-00000000/note`, { body: 'x' })).json().reason).toBe('case.not_found');
  });
});
