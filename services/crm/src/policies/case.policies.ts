// Case invariants (domain-rules §3.5): active customer to open, enum-checked priority/category, tickets done before
// resolve, a resolution code to close, no edits or notes on a closed case.
import { NotFound, requirePolicy } from '@bss/policy';
import { TICKET_DONE_STATES, type TicketStateName } from '../domain/ticket.state.ts';
import type { CaseRow, CustomerRow } from '../schema.ts';

export const CASE_PRIORITIES = ['low', 'normal', 'medium', 'high', 'critical'] as const;
export const CASE_CATEGORIES = ['billing', 'technical', 'general', 'complaint'] as const;

export function checkCaseCustomerActive(c: CustomerRow | undefined, customerId: string): void {
  requirePolicy(c?.status === 'active', 'case.open.customer_must_be_active', `customer ${customerId} is missing or not active`, {
    customerId,
    status: c?.status ?? null,
  });
}

/** `action` is `open` or `update`: the rule id names where the bad value came from. */
export function checkCasePriority(priority: string | undefined, action: 'open' | 'update'): void {
  if (priority === undefined) return;
  requirePolicy((CASE_PRIORITIES as readonly string[]).includes(priority), `case.${action}.invalid_priority`, `priority must be one of ${CASE_PRIORITIES.join(', ')}`, {
    priority,
    allowed: CASE_PRIORITIES,
  });
}

export function checkCaseCategory(category: string | undefined, action: 'open' | 'update'): void {
  if (category === undefined) return;
  requirePolicy((CASE_CATEGORIES as readonly string[]).includes(category), `case.${action}.invalid_category`, `category must be one of ${CASE_CATEGORIES.join(', ')}`, {
    category,
    allowed: CASE_CATEGORIES,
  });
}

export function requireCase(k: CaseRow | undefined, caseId: string): asserts k is CaseRow {
  if (!k) throw new NotFound('case', caseId);
}

/** Resolve needs every ticket of the case resolved, closed or cancelled. */
export function checkAllTicketsDone(caseId: string, tickets: { id: string; state: string }[]): void {
  const open = tickets.filter((t) => !TICKET_DONE_STATES.includes(t.state as TicketStateName)).map((t) => t.id);
  requirePolicy(open.length === 0, 'case.close.requires_all_tickets_resolved', `case ${caseId} has ${open.length} unresolved ticket(s)`, {
    caseId,
    openTickets: open,
  });
}

export function checkResolutionCode(code: string | null | undefined, caseId: string): void {
  requirePolicy(code && code.trim().length > 0, 'case.close.requires_resolution_code', 'closing a case needs a resolution code', { caseId });
}

export function checkCaseNotClosedForUpdate(k: CaseRow): void {
  requirePolicy(k.state !== 'closed', 'case.update.case_is_closed', `case ${k.id} is closed`, { caseId: k.id, state: k.state });
}

export function checkCaseNotClosedForNote(k: CaseRow): void {
  requirePolicy(k.state !== 'closed', 'case.add_note.case_is_closed', `case ${k.id} is closed`, { caseId: k.id, state: k.state });
}
