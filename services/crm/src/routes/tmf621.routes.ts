// TMF621 Trouble Ticket at the specification's base path: create, get, list (fields, attribute filters),
// merge-patch (fields and status) and delete (a ticket nobody worked on). Routes only validate, call, return.
import { crm, FieldsQuery, Id, projectFields } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../deps.ts';
import { TMF621_TICKET_PATH } from '../domain/tmf621.mapper.ts';
import { tmf621Service } from '../services/tmf621.service.ts';

const tags = ['TMF621 TroubleTicket'];
const Params = z.object({ id: Id });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const writeErrors = { ...errors, 409: ErrorEnvelope, 422: ErrorEnvelope };

export function registerTmf621Routes(app: App, deps: CrmDeps): void {
  const tickets = tmf621Service(deps);

  app.post(
    TMF621_TICKET_PATH,
    {
      schema: {
        tags,
        summary: 'Create a trouble ticket (relatedParty role customer required); 201 with Location',
        body: crm.Tmf621TroubleTicketCreate,
        response: { 201: crm.Tmf621TroubleTicket, ...writeErrors },
      },
    },
    async (req, reply) => {
      const created = await tickets.create(req.body);
      return reply.code(201).header('location', created.href).send(created);
    },
  );

  app.get(
    TMF621_TICKET_PATH,
    {
      schema: {
        tags,
        summary: 'List trouble tickets, newest first; filters and X-Total-Count apply to the filtered set',
        querystring: crm.Tmf621TroubleTicketListQuery,
        response: { 200: z.array(crm.Tmf621TroubleTicketFields), ...errors },
      },
    },
    async (req, reply) => {
      const { items, total } = await tickets.list(req.query);
      setListHeaders(reply, total, items.length);
      return items.map((t) => projectFields(t, req.query.fields) as crm.Tmf621TroubleTicketFields);
    },
  );

  app.get(
    `${TMF621_TICKET_PATH}/:id`,
    { schema: { tags, summary: 'One trouble ticket', params: Params, querystring: FieldsQuery, response: { 200: crm.Tmf621TroubleTicketFields, ...errors } } },
    async (req) => projectFields(await tickets.get(req.params.id), req.query.fields) as crm.Tmf621TroubleTicketFields,
  );

  app.patch(
    `${TMF621_TICKET_PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Merge-patch a trouble ticket: fields, assignee, and status through the ticket state machine',
        params: Params,
        body: crm.Tmf621TroubleTicketPatch,
        response: { 200: crm.Tmf621TroubleTicket, ...writeErrors },
      },
    },
    async (req) => tickets.patch(req.params.id, req.body),
  );

  app.delete(
    `${TMF621_TICKET_PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a ticket nobody worked on (still acknowledged-on-arrival, never moved); else 422 ticket.delete.worked_on',
        params: Params,
        response: { 204: z.null().describe('Deleted'), ...writeErrors },
      },
    },
    async (req, reply) => {
      await tickets.remove(req.params.id);
      return reply.code(204).send(null);
    },
  );
}
