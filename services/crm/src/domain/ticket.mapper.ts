// Row → the CRM's own ticket shape, served at /crm-api/v1/ticket (strict TMF621 is tmf621.mapper.ts): `name` is the
// subject, `status` the state; customer/agent in relatedParty, the case in relatedEntity, flat ids kept for simple clients.
import type { crm } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { TicketRow } from '../schema.ts';

/** The CRM door (camelCase, action routes); /tmf-api/troubleTicket/v4/troubleTicket serves strict TMF621. */
export const TICKET_PATH = '/crm-api/v1/ticket';

/** A ticket's parties as both the CRM and the TMF621 shapes carry them: its customer, then its assignee if any. */
export function ticketParties(t: TicketRow): { id: string; role: string; '@referredType': string }[] {
  const parties = [{ id: t.customerId, role: 'customer', '@referredType': 'Customer' }];
  if (t.assignedToAgentId) parties.push({ id: t.assignedToAgentId, role: 'assignee', '@referredType': 'Agent' });
  return parties;
}

export function toTroubleTicket(t: TicketRow, href: string): crm.TroubleTicket {
  const relatedParty = ticketParties(t);
  return omitEmpty({
    id: t.id,
    href,
    name: t.subject,
    description: t.description,
    ticketType: t.ticketType,
    status: t.state,
    priority: t.priority,
    customerId: t.customerId,
    caseId: t.caseId,
    assignedToAgentId: t.assignedToAgentId,
    resolutionNotes: t.resolutionNotes,
    creationDate: t.openedAt.toISOString(),
    statusChangeDate: t.stateChangedAt.toISOString(),
    resolutionDate: t.resolvedAt?.toISOString(),
    closedDate: t.closedAt?.toISOString(),
    relatedParty,
    relatedEntity: t.caseId ? [{ id: t.caseId, role: 'parentCase', '@referredType': 'Case' }] : [],
    '@type': 'TroubleTicket' as const,
  });
}
