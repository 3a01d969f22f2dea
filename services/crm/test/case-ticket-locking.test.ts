// A closed case never holds unfinished tickets: ticket create/reopen check the parent case, case close re-reads
// the tickets under lock, and the lock order (case row, then its tickets) serialises concurrent writers over the
// real pool. The race runs 50 times through the app with real Postgres transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { newCustomer, startHarness, type Harness } from './crm-harness.ts';

const CASES = '/crm-api/v1/case';
const TICKETS = '/crm-api/v1/ticket';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** An open case with one ticket already resolved (so the case may close, and the ticket may reopen). */
async function caseWithResolvedTicket() {
  const c = await newCustomer(h);
  const kase = (await h.call('POST', CASES, { customerId: c.id, subject: 'race' })).json() as { id: string };
  const t = (await h.call('POST', TICKETS, { customerId: c.id, caseId: kase.id, subject: 'child', assignedToAgentId: 'AGT-001' })).json() as { id: string };
  for (const [action, body] of [['ack', undefined], ['start', undefined], ['resolve', { resolutionNotes: 'fixed' }]] as const) {
    const res = await h.call('POST', `${TICKETS}/${t.id}/${action}`, body);
    expect(res.statusCode, action).toBe(200);
  }
  return { customerId: c.id, caseId: kase.id, ticketId: t.id };
}

/** Closed cases that still hold a ticket in a non-done state: must always be empty. */
async function closedCasesWithUnfinishedTickets(): Promise<string[]> {
  const r = await h.db.db.execute<{ id: string }>(sql`
    SELECT DISTINCT k.id FROM crm."case" k JOIN crm.ticket t ON t.case_id = k.id
    WHERE k.state = 'closed' AND t.state NOT IN ('resolved', 'closed', 'cancelled')`);
  return r.rows.map((x) => x.id);
}

describe('parent case guards', () => {
  it('refuses a new ticket on a closed case (ticket.open.case_closed)', async () => {
    const { customerId, caseId } = await caseWithResolvedTicket();
    expect((await h.call('POST', `${CASES}/${caseId}/close`, { resolutionCode: 'FIXED' })).json().state).toBe('closed');
    const res = await h.call('POST', TICKETS, { customerId, caseId, subject: 'late' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'ticket.open.case_closed', context: { caseId, caseState: 'closed' } });
  });

  it('refuses to reopen a ticket of a closed case (ticket.reopen.case_closed) but still lets it close', async () => {
    const { caseId, ticketId } = await caseWithResolvedTicket();
    await h.call('POST', `${CASES}/${caseId}/close`, { resolutionCode: 'FIXED' });
    const res = await h.call('POST', `${TICKETS}/${ticketId}/reopen`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'ticket.reopen.case_closed', context: { ticketId, caseId, caseState: 'closed', targetState: 'in_progress' } });
    expect((await h.call('GET', `${TICKETS}/${ticketId}`)).json().status).toBe('resolved');
    expect((await h.call('POST', `${TICKETS}/${ticketId}/close`)).json().status).toBe('closed');
  });

  it('refuses to close a resolved case whose ticket was reopened since (case.close.requires_all_tickets_resolved)', async () => {
    const { caseId, ticketId } = await caseWithResolvedTicket();
    expect((await h.call('PATCH', `${CASES}/${caseId}`, { trigger: 'resolve' })).json().state).toBe('resolved');
    expect((await h.call('POST', `${TICKETS}/${ticketId}/reopen`)).json().status).toBe('in_progress');
    const res = await h.call('POST', `${CASES}/${caseId}/close`, { resolutionCode: 'FIXED' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'case.close.requires_all_tickets_resolved', context: { caseId, openTickets: [ticketId] } });
    expect(await closedCasesWithUnfinishedTickets()).toEqual([]);
  });
});

describe('concurrent writers', () => {
  it('case close racing ticket reopen: exactly one wins, 50 times, never a closed case with an unfinished ticket', async () => {
    const outcomes = { closeWon: 0, reopenWon: 0 };
    for (let i = 0; i < 50; i++) {
      const { caseId, ticketId } = await caseWithResolvedTicket();
      const [close, reopen] = await Promise.all([
        h.call('POST', `${CASES}/${caseId}/close`, { resolutionCode: 'FIXED' }),
        h.call('POST', `${TICKETS}/${ticketId}/reopen`),
      ]);
      expect([close.statusCode, reopen.statusCode].sort(), `iteration ${i}: ${close.body} / ${reopen.body}`).toEqual([200, 422]);
      if (close.statusCode === 200) {
        outcomes.closeWon++;
        expect(reopen.json().reason).toBe('ticket.reopen.case_closed');
      } else {
        outcomes.reopenWon++;
        expect(close.json().reason).toBe('case.close.requires_all_tickets_resolved');
      }
    }
    expect(outcomes.closeWon + outcomes.reopenWon).toBe(50);
    expect(await closedCasesWithUnfinishedTickets()).toEqual([]);
  });

  it('case close racing ticket create on the same case: never a closed case with an open ticket', async () => {
    for (let i = 0; i < 50; i++) {
      const { customerId, caseId } = await caseWithResolvedTicket();
      const [close, create] = await Promise.all([
        h.call('POST', `${CASES}/${caseId}/close`, { resolutionCode: 'FIXED' }),
        h.call('POST', TICKETS, { customerId, caseId, subject: 'late' }),
      ]);
      const outcome = `${close.statusCode} ${close.statusCode === 422 ? close.json().reason : ''} / ${create.statusCode} ${create.statusCode === 422 ? create.json().reason : ''}`;
      expect(['200  / 422 ticket.open.case_closed', '422 case.close.requires_all_tickets_resolved / 201 '], `iteration ${i}`).toContain(outcome);
    }
    expect(await closedCasesWithUnfinishedTickets()).toEqual([]);
  });
});
