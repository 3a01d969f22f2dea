// Ticket row → TMF621 TroubleTicket (strict). The BSS states map onto TroubleTicketStatusType; `open` (filed,
// nobody acknowledged it yet) and `acknowledged` both read `acknowledged`, since TMF has no earlier status. The
// resolution notes become a Note; customer/assignee are relatedParty, the parent case a relatedEntity.
import type { crm } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { TicketRow } from '../schema.ts';
import { ticketParties } from './ticket.mapper.ts';
import type { TicketStateName } from './ticket.state.ts';

export const TMF621_TICKET_PATH = '/tmf-api/troubleTicket/v4/troubleTicket';

export const TMF621_STATUS_OF: Record<TicketStateName, crm.Tmf621Status> = {
  open: 'acknowledged',
  acknowledged: 'acknowledged',
  in_progress: 'inProgress',
  pending: 'pending',
  resolved: 'resolved',
  closed: 'closed',
  cancelled: 'cancelled',
};

/** BSS states shown as `status` (a status no state maps to — rejected, held — selects nothing). */
export const statesOfTmf621Status = (status: crm.Tmf621Status): TicketStateName[] =>
  (Object.entries(TMF621_STATUS_OF) as [TicketStateName, crm.Tmf621Status][]).filter(([, s]) => s === status).map(([state]) => state);

export function toTmf621Ticket(t: TicketRow, href: string): crm.Tmf621TroubleTicket {
  const relatedParty = ticketParties(t);
  return omitEmpty({
    id: t.id,
    href,
    name: t.subject,
    description: t.description,
    severity: t.severity,
    ticketType: t.ticketType,
    priority: t.priority,
    status: TMF621_STATUS_OF[t.state],
    creationDate: t.openedAt.toISOString(),
    lastUpdate: t.updatedAt.toISOString(),
    statusChangeDate: t.stateChangedAt.toISOString(),
    resolutionDate: t.resolvedAt?.toISOString(),
    note: t.resolutionNotes ? [{ text: t.resolutionNotes, date: t.resolvedAt?.toISOString(), '@type': 'Note' as const }] : null,
    relatedParty,
    relatedEntity: t.caseId ? [{ id: t.caseId, role: 'parentCase', '@referredType': 'Case' }] : null,
    '@type': 'TroubleTicket' as const,
  });
}
