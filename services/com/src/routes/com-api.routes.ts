// The non-TMF /com-api/v1 surface: the lifecycle steps TMF622 has no operation for (submit, a plain cancel),
// the camelCase order view, and a customer's open orders (CRM's customer DELETE guard).
import { com, PageQuery } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { stateFromFilter } from '../domain/order.state.ts';
import { toOrderView } from '../domain/order.mapper.ts';
import { OPEN_ORDER_STATES } from '../domain/order.state.ts';
import type { ComDeps } from '../deps.ts';
import type { OrderReads } from '../services/order-read.service.ts';
import type { OrderService } from '../services/order.service.ts';

const BASE = '/com-api/v1';
const tags = ['Order'];
const OrderParams = z.object({ orderId: com.OrderResourceId.describe('e.g. ORD-…') });
const CustomerParams = z.object({ customerId: com.OrderResourceId.describe('e.g. CUST-…') });
const ListQuery = z
  .object({
    customerId: com.OrderResourceId.optional(),
    state: z.string().max(40).optional().describe('acknowledged, in_progress, completed, failed, cancelled (or TMF spelling); unknown matches nothing'),
    open: z.enum(['true', 'false']).optional().describe('true: only acknowledged and in-progress orders'),
  })
  .extend(PageQuery.shape);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerComApiRoutes(app: App, deps: ComDeps, orders: OrderService, reads: OrderReads): void {
  const view = (o: Parameters<typeof toOrderView>[0]) => toOrderView(o, deps.href);

  app.post(
    `${BASE}/order/:orderId/submit`,
    {
      schema: {
        tags,
        summary: 'Submit an acknowledged order: in_progress, stages order.in_progress (SOM starts fulfilment)',
        description: 'order.transition.invalid unless acknowledged; 404 order.not_found.',
        params: OrderParams,
        response: { 200: com.Order, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (req) => view(await orders.submit(req.params.orderId)),
  );

  app.post(
    `${BASE}/order/:orderId/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel an order (same rules as TMF622 cancelProductOrder, without keeping a request resource)',
        params: OrderParams,
        body: com.OrderCancelRequest.optional(),
        response: { 200: com.Order, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req) => view((await orders.cancel(req.params.orderId, { reason: req.body?.reason ?? null })).order),
  );

  app.get(
    `${BASE}/order/:orderId`,
    { schema: { tags, summary: 'Get one order (camelCase view with every fact COM keeps)', params: OrderParams, response: { 200: com.Order, ...errors, 404: ErrorEnvelope } } },
    async (req) => view(await reads.get(req.params.orderId)),
  );

  app.get(
    `${BASE}/order`,
    { schema: { tags, summary: 'List orders, newest first (X-Total-Count / X-Result-Count)', querystring: ListQuery, response: { 200: z.array(com.Order), ...errors } } },
    async (req, reply) => {
      const { customerId, state, open, offset, limit } = req.query;
      let states = open === 'true' ? [...OPEN_ORDER_STATES] : undefined;
      if (state !== undefined) {
        const s = stateFromFilter(state);
        states = s && (!states || states.includes(s)) ? [s] : [];
      }
      const { rows, total } = await reads.list({ customerId, states }, { offset, limit });
      setListHeaders(reply, total, rows.length);
      return rows.map(view);
    },
  );

  app.get(
    `${BASE}/customer/:customerId/open-orders`,
    {
      schema: {
        tags,
        summary: "Ids of a customer's open orders (acknowledged or in progress), newest first — CRM's customer DELETE guard",
        params: CustomerParams,
        response: { 200: com.OpenOrders, ...errors },
      },
    },
    async (req) => ({ customerId: req.params.customerId, orderIds: await reads.openOrderIds(req.params.customerId) }),
  );
}
