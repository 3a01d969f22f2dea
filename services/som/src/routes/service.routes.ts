// HTTP for TMF638 Service (read-only: services exist because a service order decomposed a commercial order;
// POST/PATCH/DELETE are not registered and answer 405 with Allow).
import { projectFields, som } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { TMF638_PATH } from '../domain/service.mapper.ts';
import type { QueryService } from '../services/query.service.ts';

const tags = ['Service'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerServiceRoutes(app: App, queries: QueryService): void {
  app.get(
    TMF638_PATH,
    {
      schema: {
        tags,
        summary: 'List services, newest first (X-Total-Count / X-Result-Count describe the filtered set)',
        description:
          'Filters: state (TMF638), relatedParty.id or customerId (the customer), subscriptionId, relatedEntity.id (a commercial order ' +
          'or subscription id), serviceType (CFS | RFS).',
        querystring: som.ServiceListQuery,
        response: { 200: z.array(som.ServiceFields), ...errors },
      },
    },
    async (req, reply) => {
      const { offset, limit, fields, ...filter } = req.query;
      const { items, total } = await queries.listServices(filter, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items.map((s) => projectFields(s, fields) as som.ServiceFields);
    },
  );

  app.get(
    `${TMF638_PATH}/:id`,
    {
      schema: { tags, summary: 'Get one service', params: som.ServiceParams, querystring: som.ServiceListQuery.pick({ fields: true }), response: { 200: som.ServiceFields, ...errors, 404: ErrorEnvelope } },
    },
    async (req) => projectFields(await queries.getService(req.params.id), req.query.fields) as som.ServiceFields,
  );
}
