// Checks for an explicit interaction: every referenced row must exist and belong to the same customer, so a bad
// reference is a 422 with a rule id instead of a foreign-key error.
import { requirePolicy } from '@bss/policy';
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
