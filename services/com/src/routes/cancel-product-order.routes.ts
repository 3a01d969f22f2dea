// HTTP for TMF622 CancelProductOrder: a cancellation is carried out synchronously (acknowledged orders at once,
// in-progress ones through the SOM gate) and kept as `done`; a refused one answers 422 and is not kept.
import { com, FieldsQuery, PageQuery, projectFields } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { CANCEL_PRODUCT_ORDER_PATH, toTmfCancelProductOrder } from '../domain/order.mapper.ts';
import type { ComDeps } from '../deps.ts';
import type { OrderReads } from '../services/order-read.service.ts';
import type { OrderService } from '../services/order.service.ts';

const tags = ['CancelProductOrder'];
const Params = z.object({ cancelId: com.OrderResourceId.describe('e.g. CPO-…') });
const ListQuery = z
  .object({ 'productOrder.id': com.OrderResourceId.optional().describe('Only the cancellation of this order') })
  .extend(PageQuery.shape)
  .extend(FieldsQuery.shape);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };
const project = (c: com.CancelProductOrder, fields: string | undefined) =>
  projectFields(c, fields ? `${fields},productOrder` : undefined) as com.CancelProductOrderFields;

export function registerCancelProductOrderRoutes(app: App, deps: ComDeps, orders: OrderService, reads: OrderReads): void {
  app.post(
    CANCEL_PRODUCT_ORDER_PATH,
    {
      schema: {
        tags,
        summary: 'Cancel an order (201 with the carried-out request, state done)',
        description:
          'An acknowledged order cancels at once; an in-progress one only if SOM has not started on it ' +
          '(order.cancel.forbidden_after_som_started otherwise, with serviceOrderId and serviceOrderState). A completed, failed or ' +
          'cancelled order: order.transition.invalid. Unknown order: 404 order.not_found. Stages order.cancelled.',
        body: com.CancelProductOrderCreate,
        response: { 201: com.CancelProductOrder, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      const { request } = await orders.cancel(req.body.productOrder.id, {
        reason: req.body.cancellationReason ?? null,
        tmfRequest: { requestedCancellationDate: req.body.requestedCancellationDate ? new Date(req.body.requestedCancellationDate) : null },
      });
      const body = toTmfCancelProductOrder(request!, deps.href);
      return reply.code(201).header('location', body.href).send(body);
    },
  );

  app.get(
    CANCEL_PRODUCT_ORDER_PATH,
    {
      schema: { tags, summary: 'List carried-out cancellations, newest first', querystring: ListQuery, response: { 200: z.array(com.CancelProductOrderFields), ...errors } },
    },
    async (req, reply) => {
      const { offset, limit, fields } = req.query;
      const { rows, total } = await reads.listCancels({ orderId: req.query['productOrder.id'] }, { offset, limit });
      setListHeaders(reply, total, rows.length);
      return rows.map((r) => project(toTmfCancelProductOrder(r, deps.href), fields));
    },
  );

  app.get(
    `${CANCEL_PRODUCT_ORDER_PATH}/:cancelId`,
    {
      schema: { tags, summary: 'Get one cancellation', params: Params, querystring: FieldsQuery, response: { 200: com.CancelProductOrderFields, ...errors, 404: ErrorEnvelope } },
    },
    async (req) => project(toTmfCancelProductOrder(await reads.getCancel(req.params.cancelId), deps.href), req.query.fields),
  );
}
