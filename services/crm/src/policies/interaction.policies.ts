// Checks for an explicit interaction: every referenced row must exist and belong to the same customer, so a bad
// reference is a 422 with a rule id instead of a foreign-key error. Interactions are an append-only audit log:
// TMF683 PATCH and DELETE are refused by rule.
import { PolicyViolation, requirePolicy } from '@bss/policy';
import type { AgentRow, CaseRow, CustomerRow, TicketRow } from '../schema.ts';

export function checkInteractionCustomer(c: CustomerRow | undefined, customerId: string): asserts c is CustomerRow {
  requirePolicy(c, 'interaction.create.customer_not_found', `customer ${customerId} does not exist`, { customerId });
}

export function checkInteractionAgent(a: AgentRow | undefined, agentId: string): void {
  requirePolicy(a, 'interaction.create.agent_not_found', `agent ${agentId} does not exist`, { agentId });
}

export function checkInteractionCase(k: CaseRow | undefined, caseId: string, customerId: string): void {
  requirePolicy(k, 'interaction.create.case_not_found', `case ${caseId} does not exist`, { caseId });
  requirePolicy(k.customerId === customerId, 'interaction.create.case_not_found', `case ${caseId} belongs to another customer`, { caseId, customerId });
}

export function checkInteractionTicket(t: TicketRow | undefined, ticketId: string, customerId: string): void {
  requirePolicy(t, 'interaction.create.ticket_not_found', `ticket ${ticketId} does not exist`, { ticketId });
  requirePolicy(t.customerId === customerId, 'interaction.create.ticket_not_found', `ticket ${ticketId} belongs to another customer`, { ticketId, customerId });
}

/** The interaction log is append-only: what happened with a customer is never rewritten or erased. */
export function refuseInteractionRewrite(action: 'update' | 'delete', interactionId: string): never {
  throw new PolicyViolation(`interaction.${action}.append_only`, `interactions are an append-only log; ${interactionId} cannot be ${action === 'update' ? 'changed' : 'deleted'}`, {
    interactionId,
  });
}
