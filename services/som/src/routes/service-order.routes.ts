// HTTP for TMF641 ServiceOrder (read-only: SOM's service orders come only from COM's `order.in_progress` events,
// so POST/PATCH/DELETE are not registered and answer 405 with Allow; DECISIONS.md 2026-12-01 SOM) and SOM's own
// view of the service order of a commercial order.
import { projectFields, som } from '@bss/contracts';
import { ErrorEnvelope, ValidationFailed } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { TMF641_PATH } from '../domain/service-order.mapper.ts';
import type { QueryService } from '../services/query.service.ts';

const tags = ['ServiceOrder'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerServiceOrderRoutes(app: App, queries: QueryService): void {
  app.get(
    TMF641_PATH,
    {
      schema: {
        tags,
        summary: 'List service orders, newest first (X-Total-Count / X-Result-Count describe the filtered set)',
        description: 'Filters: externalId (= commercialOrderId, the COM order id), state (TMF641), relatedParty.id (the customer).',
        querystring: som.ServiceOrderListQuery,
        response: { 200: z.array(som.ServiceOrderFields), ...errors },
      },
    },
    async (req, reply) => {
      const { offset, limit, fields, externalId, commercialOrderId, state } = req.query;
      if (externalId && commercialOrderId && externalId !== commercialOrderId) {
        throw new ValidationFailed('request.conflicting_order', 'externalId and commercialOrderId name different orders');
      }
      const { items, total } = await queries.listServiceOrders({ orderId: externalId ?? commercialOrderId, state, customerId: req.query['relatedParty.id'] }, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items.map((o) => projectFields(o, fields) as som.ServiceOrderFields);
    },
  );

  app.get(
    `${TMF641_PATH}/:id`,
    {
      schema: { tags, summary: 'Get one service order', params: som.ServiceOrderParams, querystring: som.ServiceOrderListQuery.pick({ fields: true }), response: { 200: som.ServiceOrderFields, ...errors, 404: ErrorEnvelope } },
    },
    async (req) => projectFields(await queries.getServiceOrder(req.params.id), req.query.fields) as som.ServiceOrderFields,
  );

  app.get(
    '/som-api/v1/order/:orderId/service-order',
    {
      schema: {
        tags: ['SOM'],
        summary: 'The service order of a commercial order, with its services and task progress',
        params: som.OrderIdParams,
        response: { 200: som.SomServiceOrder, ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => queries.serviceOrderForOrder(req.params.orderId),
  );
}
