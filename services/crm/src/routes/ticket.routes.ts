// HTTP for TMF621-style trouble tickets: open, get, list, PATCH fields, and one action route per trigger
// (`POST …/{id}/ack|start|wait|resume|resolve|close|reopen|cancel`) plus the generic `/transition`.
import { crm } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../deps.ts';
import { TICKET_PATH } from '../domain/ticket.mapper.ts';
import { ticketMachine } from '../domain/ticket.state.ts';
import { ticketService } from '../services/ticket.service.ts';

const TicketId = z.object({ ticketId: z.string().min(1).max(64) });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope };
const TransitionBody = z.object({ trigger: crm.TicketTrigger, assignedToAgentId: z.string().max(64).optional(), resolutionNotes: z.string().max(20_000).optional(), reason: z.string().max(500).optional() });

export function registerTicketRoutes(app: App, deps: CrmDeps): void {
  const tickets = ticketService(deps);
  const tags = ['TroubleTicket'];
  app.post(TICKET_PATH, { schema: { tags, body: crm.TicketCreate, response: { 201: crm.TroubleTicket, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await tickets.open(req.body)),
  );
  app.get(TICKET_PATH, { schema: { tags, querystring: crm.TicketListQuery, response: { 200: z.array(crm.TroubleTicket), ...errors } } }, async (req, reply) => {
    const { items, total } = await tickets.list(req.query);
    setListHeaders(reply, total, items.length);
    return items;
  });
  app.get(`${TICKET_PATH}/:ticketId`, { schema: { tags, params: TicketId, response: { 200: crm.TroubleTicket, ...errors } } }, async (req) => tickets.get(req.params.ticketId));
  app.patch(`${TICKET_PATH}/:ticketId`, { schema: { tags, params: TicketId, body: crm.TicketPatch, response: { 200: crm.TroubleTicket, ...errors } } }, async (req) =>
    tickets.patch(req.params.ticketId, req.body),
  );
  app.post(`${TICKET_PATH}/:ticketId/transition`, { schema: { tags, params: TicketId, body: TransitionBody, response: { 200: crm.TroubleTicket, ...errors } } }, async (req) => {
    const { trigger, ...rest } = req.body;
    return tickets.transition(req.params.ticketId, trigger, rest);
  });
  for (const trigger of ticketMachine.triggers) {
    app.post(`${TICKET_PATH}/:ticketId/${trigger}`, { schema: { tags, params: TicketId, body: crm.TicketAction, response: { 200: crm.TroubleTicket, ...errors } } }, async (req) =>
      tickets.transition(req.params.ticketId, trigger, req.body),
    );
  }
}
