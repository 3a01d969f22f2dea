// HTTP for TMF622 ProductOrder at the spec's base path. Nothing here but schemas and calls into the services.
import { com, FieldsQuery, PageQuery } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { PRODUCT_ORDER_PATH, projectProductOrder, toTmfProductOrder } from '../domain/order.mapper.ts';
import { stateFromFilter } from '../domain/order.state.ts';
import type { ComDeps } from '../deps.ts';
import { fromCreateBody } from '../services/order-input.ts';
import type { OrderReads } from '../services/order-read.service.ts';
import type { OrderService } from '../services/order.service.ts';

const tags = ['ProductOrder'];
const OrderParams = z.object({ orderId: com.OrderResourceId.describe('e.g. ORD-…') });
const ListQuery = z
  .object({
    state: z.string().max(40).optional().describe('TMF622 state (inProgress) or snake_case (in_progress), case-insensitive; an unknown state matches nothing'),
    customerId: com.OrderResourceId.optional(),
    'relatedParty.id': com.OrderResourceId.optional().describe('TMF spelling of customerId'),
  })
  .extend(PageQuery.shape)
  .extend(FieldsQuery.shape);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerProductOrderRoutes(app: App, deps: ComDeps, orders: OrderService, reads: OrderReads): void {
  const tmf = (o: Parameters<typeof toTmfProductOrder>[0]) => toTmfProductOrder(o, deps.href);

  app.post(
    PRODUCT_ORDER_PATH,
    {
      schema: {
        tags,
        summary: 'Take an order (acknowledged; fulfilment starts on submit)',
        description:
          'Takes the TMF622 ProductOrder_Create body (one productOrderItem, action add, productOffering.id; the customer as relatedParty ' +
          'role customer; optional note and the msisdnPreference product characteristic) or the shorthand (customerId, offeringId, ' +
          'msisdnPreference, notes). Checks, in order: order.create.customer_not_found, order.create.customer_closed, ' +
          'order.create.no_contact_medium / order.create.customer_not_orderable (CRM orderability), order.create.offering_not_found, ' +
          'policy.offering.not_sellable_now, order.create.no_payment_method. Stores the lowest active price as the snapshot and the ' +
          'chosen card. 201 with Location. Does not start fulfilment: POST /com-api/v1/order/{id}/submit does.',
        body: com.ProductOrderCreateBody,
        response: { 201: com.ProductOrder, ...errors, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      const order = tmf(await orders.create(fromCreateBody(req.body)));
      return reply.code(201).header('location', order.href).send(order);
    },
  );

  app.get(
    PRODUCT_ORDER_PATH,
    {
      schema: {
        tags,
        summary: 'List orders, newest first (X-Total-Count / X-Result-Count describe the filtered set)',
        querystring: ListQuery,
        response: { 200: z.array(com.ProductOrderFields), ...errors },
      },
    },
    async (req, reply) => {
      const { offset, limit, fields, state } = req.query;
      const customerId = req.query.customerId ?? req.query['relatedParty.id'];
      const stateFilter = state === undefined ? undefined : stateFromFilter(state);
      const filter = { customerId, states: state === undefined ? undefined : stateFilter ? [stateFilter] : [] };
      const { rows, total } = await reads.list(filter, { offset, limit });
      setListHeaders(reply, total, rows.length);
      return rows.map((r) => projectProductOrder(tmf(r), fields));
    },
  );

  app.get(
    `${PRODUCT_ORDER_PATH}/:orderId`,
    { schema: { tags, summary: 'Get one order', params: OrderParams, querystring: FieldsQuery, response: { 200: com.ProductOrderFields, ...errors, 404: ErrorEnvelope } } },
    async (req) => projectProductOrder(tmf(await reads.get(req.params.orderId)), req.query.fields),
  );

  app.patch(
    `${PRODUCT_ORDER_PATH}/:orderId`,
    {
      schema: {
        tags,
        summary: 'Change an order\'s descriptive attributes (JSON merge-patch: description, externalId, category, note)',
        description:
          'The lifecycle moves through submit and cancelProductOrder (order.update.state_via_lifecycle), the line is fixed ' +
          '(order.update.items_immutable) and so is the customer (order.update.customer_immutable). note replaces the notes. ' +
          'An empty patch is a 200 no-op.',
        params: OrderParams,
        body: com.ProductOrderPatch,
        response: { 200: com.ProductOrder, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (req) => tmf(await orders.patch(req.params.orderId, req.body)),
  );

  app.delete(
    `${PRODUCT_ORDER_PATH}/:orderId`,
    {
      schema: {
        tags,
        summary: 'Refused: an order is the commercial record (422 order.delete.not_allowed; cancel it instead)',
        params: OrderParams,
        response: { 204: z.null(), ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (req) => orders.remove(req.params.orderId),
  );
}
