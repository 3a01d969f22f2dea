// Invariants of the TMF621 front door: how the standard's references name the BSS customer, assignee and case,
// which status a merge-patch may reach from where, and which ticket DELETE may remove. The ticket rules proper
// (customer exists, agent active, notes on resolve, case locks) stay in ticket.policies.ts and run as well.
import type { crm } from '@bss/contracts';
import { PolicyViolation, requirePolicy } from '@bss/policy';
import { TMF621_STATUS_OF } from '../domain/tmf621.mapper.ts';
import { nextTicketState, ticketMachine, type TicketStateName, type TicketTriggerName } from '../domain/ticket.state.ts';
import type { TicketRow } from '../schema.ts';

type Party = crm.Tmf621RelatedPartyInput;
const byRole = (parties: readonly Party[] | undefined, role: string) => (parties ?? []).filter((p) => p.role === role);

/** Exactly one relatedParty with role `customer`; at most one `assignee`; no other roles (they would be dropped). */
export function partiesOfCreate(parties: readonly Party[] | undefined): { customerId: string; assignedToAgentId?: string } {
  const customers = byRole(parties, 'customer');
  requirePolicy(customers.length === 1, 'ticket.open.requires_customer', 'exactly one relatedParty with role customer is required', { customers: customers.length });
  const assignee = assigneeOf(parties);
  return { customerId: customers[0]!.id, ...(assignee ? { assignedToAgentId: assignee } : {}) };
}

function assigneeOf(parties: readonly Party[] | undefined): string | undefined {
  const assignees = byRole(parties, 'assignee');
  requirePolicy(assignees.length <= 1, 'ticket.related_party.unsupported', 'at most one relatedParty with role assignee', { assignees: assignees.length });
  for (const p of parties ?? []) {
    requirePolicy(p.role === 'customer' || p.role === 'assignee', 'ticket.related_party.unsupported', `relatedParty role ${p.role ?? '(none)'} is not kept; use customer or assignee`, {
      id: p.id,
      role: p.role ?? null,
    });
  }
  return assignees[0]?.id;
}

/** At most one relatedEntity, role `parentCase` (the case the ticket is filed under). */
export function caseOfRelatedEntity(entities: readonly { id: string; role: string }[] | undefined): string | undefined {
  for (const e of entities ?? []) {
    requirePolicy(e.role === 'parentCase', 'ticket.related_entity.unsupported', `relatedEntity role ${e.role} is not kept; use parentCase`, { id: e.id, role: e.role });
  }
  requirePolicy((entities ?? []).length <= 1, 'ticket.related_entity.unsupported', 'at most one parentCase', { count: entities?.length });
  return entities?.[0]?.id;
}

/**
 * What a merge-patch's references change: the customer and the case never; the assignee may be set or
 * replaced, not removed (a ticket past `open` needs its agent, and /crm-api has no unassign either).
 */
export function assigneeOfPatch(t: TicketRow, patch: crm.Tmf621TroubleTicketPatch): string | undefined {
  // href is server-made and ignored; a sent id must be this ticket's
  requirePolicy(patch.id === undefined || patch.id === t.id, 'ticket.patch.immutable_attribute', 'id cannot be changed', { attribute: 'id', id: t.id });
  if (patch.relatedEntity !== undefined) {
    requirePolicy(caseOfRelatedEntity(patch.relatedEntity) === (t.caseId ?? undefined), 'ticket.patch.case_immutable', 'the parent case of a ticket never changes', { caseId: t.caseId });
  }
  if (patch.relatedParty === undefined) return undefined;
  const customers = byRole(patch.relatedParty, 'customer');
  requirePolicy(customers.length === 1 && customers[0]!.id === t.customerId, 'ticket.patch.customer_immutable', 'the customer of a ticket never changes', { customerId: t.customerId });
  const assignee = assigneeOf(patch.relatedParty);
  requirePolicy(assignee !== undefined || !t.assignedToAgentId, 'ticket.patch.assignee_not_removable', 'the assignee can be replaced, not removed', { assignedToAgentId: t.assignedToAgentId });
  return assignee;
}

/**
 * The one trigger that takes the ticket from its state to a state shown as `status`. A move is preferred over
 * staying: `open` already reads `acknowledged`, and asking for `acknowledged` is how TMF acknowledges it
 * (ack, which needs an assignee). Undefined when no move reaches it and the ticket already shows it.
 */
export function triggerForStatus(t: TicketRow, status: crm.Tmf621Status): TicketTriggerName | undefined {
  const from = t.state as TicketStateName;
  const moves = ticketMachine.transitions.filter((m) => m.from === from && m.to !== from && TMF621_STATUS_OF[m.to] === status);
  if (moves.length === 1) return moves[0]!.trigger;
  if (TMF621_STATUS_OF[from] === status) return undefined;
  // cancelling a finished ticket has its own rule id; the table gives it
  if (status === 'cancelled') nextTicketState(t.id, from, 'cancel');
  throw new PolicyViolation('ticket.transition.valid_from_state', `a ${TMF621_STATUS_OF[from]} ticket cannot become ${status}`, {
    ticketId: t.id,
    currentState: from,
    status,
    allowed: ticketMachine.transitions.filter((m) => m.from === from).map((m) => TMF621_STATUS_OF[m.to]),
  });
}

/** DELETE withdraws a ticket nobody worked on: still open, never moved. Anything else stays as the record of the work. */
export function checkTicketDeletable(t: TicketRow, transitions: number): void {
  requirePolicy(t.state === 'open' && transitions === 0, 'ticket.delete.worked_on', `ticket ${t.id} is ${t.state}; only a ticket nobody worked on can be deleted (cancel it instead)`, {
    ticketId: t.id,
    state: t.state,
  });
}
