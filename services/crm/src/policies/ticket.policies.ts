// Ticket invariants (domain-rules §3.5): the customer and case exist, assignees are active agents, ack needs an
// agent, resolve needs notes. The state table itself is domain/ticket.state.ts.
import { NotFound, requirePolicy } from '@bss/policy';
import { TICKET_DONE_STATES, type TicketStateName } from '../domain/ticket.state.ts';
import type { AgentRow, CaseRow, CustomerRow, TicketRow } from '../schema.ts';

export function checkTicketCustomer(c: CustomerRow | undefined, customerId: string): void {
  requirePolicy(c, 'ticket.open.requires_customer', `customer ${customerId} does not exist`, { customerId });
}

export function checkTicketCase(k: CaseRow | undefined, caseId: string, customerId: string): asserts k is CaseRow {
  requirePolicy(k, 'ticket.open.case_not_found', `case ${caseId} does not exist`, { caseId });
  requirePolicy(k.customerId === customerId, 'ticket.open.case_not_found', `case ${caseId} belongs to another customer`, { caseId, customerId });
}

/** A new ticket cannot join a closed case: the case's invariant is that all its tickets are done. */
export function checkCaseOpenForNewTicket(k: CaseRow): void {
  requirePolicy(k.state !== 'closed', 'ticket.open.case_closed', `case ${k.id} is closed`, { caseId: k.id, caseState: k.state });
}

/**
 * A ticket of a closed case may only move between done states (resolved → closed); reopening it would leave a
 * closed case with unfinished work. `k` is the parent case, locked by the caller before the ticket.
 */
export function checkCaseAllowsTicketState(k: CaseRow | undefined, t: TicketRow, to: TicketStateName): void {
  if (!k || TICKET_DONE_STATES.includes(to)) return;
  requirePolicy(k.state !== 'closed', 'ticket.reopen.case_closed', `ticket ${t.id} belongs to closed case ${k.id}`, {
    ticketId: t.id,
    caseId: k.id,
    caseState: k.state,
    targetState: to,
  });
}

/** Assignment only to an existing, active agent. */
export function checkAgentActive(a: AgentRow | undefined, agentId: string, rule = 'ticket.assign.agent_must_be_active'): void {
  requirePolicy(a?.status === 'active', rule, `agent ${agentId} is not an active agent`, {
    agentId,
    status: a?.status ?? null,
  });
}

export function requireTicket(t: TicketRow | undefined, ticketId: string): asserts t is TicketRow {
  if (!t) throw new NotFound('ticket', ticketId);
}

export function checkAckHasAgent(agentId: string | null | undefined, ticketId: string): void {
  requirePolicy(agentId, 'ticket.ack.requires_agent', 'acknowledging a ticket needs an assigned agent', { ticketId });
}

export function checkResolutionNotes(notes: string | null | undefined, ticketId: string): void {
  requirePolicy(notes && notes.trim().length > 0, 'ticket.resolve.requires_resolution_notes', 'resolving a ticket needs resolution notes', { ticketId });
}
