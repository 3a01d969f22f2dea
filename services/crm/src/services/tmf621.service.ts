// The TMF621 door onto the ticket use-cases: translates the standard's body (relatedParty/relatedEntity roles,
// status, statusChangeReason) into the same open / field update / trigger / delete the /crm-api door runs, so
// both refuse the same things with the same rule ids. Maps rows to the strict TMF shape.
import type { crm } from '@bss/contracts';
import { hrefBuilder } from '@bss/server-kit';
import type { CrmDeps } from '../deps.ts';
import { statesOfTmf621Status, TMF621_TICKET_PATH, toTmf621Ticket } from '../domain/tmf621.mapper.ts';
import { assigneeOfPatch, caseOfRelatedEntity, checkTicketDeletable, partiesOfCreate, triggerForStatus } from '../policies/tmf621.policies.ts';
import type { TicketRow } from '../schema.ts';
import { ticketService } from './ticket.service.ts';

/** A subject for a ticket created without a name: the description's first line, cut at 300 characters. */
const subjectOf = (description: string) => description.trim().split('\n')[0]!.slice(0, 300) || 'Trouble ticket';

export function tmf621Service(deps: CrmDeps) {
  const tickets = ticketService(deps);
  const href = hrefBuilder(deps.config.publicBaseUrl);
  const wire = (t: TicketRow) => toTmf621Ticket(t, href(TMF621_TICKET_PATH, t.id));

  return {
    async create(body: crm.Tmf621TroubleTicketCreate): Promise<crm.Tmf621TroubleTicket> {
      const parties = partiesOfCreate(body.relatedParty);
      const caseId = caseOfRelatedEntity(body.relatedEntity);
      const row = await tickets.openRow({
        ...parties,
        ...(caseId ? { caseId } : {}),
        subject: body.name ?? subjectOf(body.description),
        description: body.description,
        ticketType: body.ticketType,
        priority: body.priority ?? 'normal',
        severity: body.severity,
      });
      return wire(row);
    },

    async get(id: string): Promise<crm.Tmf621TroubleTicket> {
      return wire(await tickets.row(id));
    },

    async list(q: crm.Tmf621TroubleTicketListQuery): Promise<{ items: crm.Tmf621TroubleTicket[]; total: number }> {
      const { rows, total } = await tickets.rows({
        ...(q.status ? { states: statesOfTmf621Status(q.status) } : {}),
        ticketType: q.ticketType,
        priority: q.priority,
        severity: q.severity,
        partyId: q['relatedParty.id'],
        offset: q.offset,
        limit: q.limit,
      });
      return { items: rows.map(wire), total };
    },

    async patch(id: string, body: crm.Tmf621TroubleTicketPatch): Promise<crm.Tmf621TroubleTicket> {
      const row = await tickets.update(id, (t) => {
        const assignedToAgentId = assigneeOfPatch(t, body);
        const trigger = body.status ? triggerForStatus(t, body.status) : undefined;
        return {
          fields: {
            subject: body.name,
            description: body.description,
            priority: body.priority,
            ticketType: body.ticketType,
            severity: body.severity,
            ...(assignedToAgentId ? { assignedToAgentId } : {}),
          },
          trigger,
          input: {
            ...(assignedToAgentId ? { assignedToAgentId } : {}),
            ...(trigger === 'resolve' ? { resolutionNotes: body.statusChangeReason } : {}),
            ...(body.statusChangeReason ? { reason: body.statusChangeReason.slice(0, 500) } : {}),
          },
        };
      });
      return wire(row);
    },

    async remove(id: string): Promise<void> {
      await tickets.remove(id, checkTicketDeletable);
    },
  };
}
