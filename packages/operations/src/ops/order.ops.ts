// Order operations (COM, TMF622): create + submit (optionally waiting for the end, with the SOM tree), read, list,
// wait, cancel. The card is the order with its service order, services and provisioning tasks.
import { com } from '@bss/contracts';
import { z } from 'zod';
import { renderOrderTree } from '../cards/order-tree.card.ts';
import { table } from '../cards/table.ts';
import { shortTime } from '../cards/text.ts';
import { CustomerId, OfferingId, OrderId } from '../fields.ts';
import { defineOperation } from '../operation.ts';
import { loadOrderDetails, orderView, waitForOrder, type OrderDetails } from './order-details.ts';

const TimeoutSeconds = z.coerce.number().int().min(1).max(600).default(30).describe('How long to wait, in seconds (default 30)');

const renderDetails = (d: OrderDetails, width: number) => {
  const extra = [
    ...(d.order.failureCause ? [`Failed: ${d.order.failureCause}${d.order.failureReason ? ` — ${d.order.failureReason}` : ''}`] : []),
    ...(d.waitTimedOut ? [`Still ${d.order.state} when the wait timed out (bss order wait ${d.order.id} to keep waiting)`] : []),
  ];
  return [renderOrderTree(orderView(d), { width: Math.min(width, 100) }), ...extra].join('\n');
};

const orderLine = (o: com.Order) => `${o.id}  ${o.offeringId}  [${o.state}]${o.subscriptionId ? `  → ${o.subscriptionId}` : ''}${o.failureCause ? `  failed: ${o.failureCause}` : ''}`;

export const orderOps = [
  defineOperation({
    name: 'order.create',
    summary: 'Order a plan for a customer: create and submit (with --wait, follow it to the end and show the SOM tree)',
    description:
      'Creates a product order for the offering at its active price with the customer\'s default card, then submits it (unless `draft`). With `wait` it polls until the order is completed, failed or cancelled (or `timeoutSeconds`) and returns the order with its service order, services and provisioning tasks; otherwise the submitted order. Payment is taken only at activation: a declined card fails the order (failureCause activation_declined). Refusals: order.create.* rule ids (no card, offering not sellable, customer closed or not orderable).',
    kind: 'create',
    destructive: false,
    services: ['com', 'som', 'provisioning-sim'],
    input: z.object({
      customerId: CustomerId,
      offeringId: OfferingId,
      msisdnPreference: z.string().regex(/^\+?[0-9]{6,15}$/).optional().describe('A number from the pool the customer would like (inventory.msisdn.list)'),
      notes: z.string().min(1).max(1000).optional().describe('Free-text note kept on the order'),
      draft: z.boolean().default(false).describe('Create only (acknowledged); submit later with order.submit'),
      wait: z.boolean().default(false).describe('Follow the order until it ends and show the service order tree'),
      timeoutSeconds: TimeoutSeconds,
    }),
    async run(c, i, ctx): Promise<OrderDetails> {
      const created = await c.com.create({ customerId: i.customerId, offeringId: i.offeringId, ...(i.msisdnPreference ? { msisdnPreference: i.msisdnPreference } : {}), ...(i.notes ? { notes: i.notes } : {}) });
      ctx?.progress?.(`${created.id} acknowledged`);
      if (i.draft) return { order: await c.com.getView(created.id), serviceOrder: null, tasks: [] };
      const submitted = await c.com.submit(created.id);
      if (!i.wait) return { order: submitted, serviceOrder: null, tasks: [] };
      return waitForOrder(c, created.id, { timeoutSeconds: i.timeoutSeconds }, ctx);
    },
    render: (d, { width }) => (d.serviceOrder || d.waitTimedOut ? renderDetails(d, width) : `${d.order.state === 'acknowledged' ? 'Created' : 'Submitted'} ${orderLine(d.order)}`),
    cli: { command: ['order', 'create'], flags: { customerId: 'customer', offeringId: 'offering', msisdnPreference: 'msisdn' }, example: 'bss order create --customer CUST-01JZ8Q3V9KX2M7 --offering PLAN_M --wait' },
  }),
  defineOperation({
    name: 'order.submit',
    summary: 'Submit an acknowledged (draft) order: SOM starts fulfilment',
    description: 'Moves an acknowledged order to in_progress and hands it to SOM. Refusals: order.transition.invalid when the order is not acknowledged.',
    kind: 'update',
    destructive: false,
    services: ['com'],
    input: z.object({ orderId: OrderId }),
    run: (c, i) => c.com.submit(i.orderId),
    render: (o) => `Submitted ${orderLine(o)}`,
    cli: { command: ['order', 'submit'], positional: ['orderId'], example: 'bss order submit ORD-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'order.get',
    summary: 'Show an order with its service order tree: services, provisioning tasks, attempts and timing',
    description:
      'Reads the order (state, price snapshot, subscription, failure cause) and SOM\'s service order with its CFS/RFS services and the provisioning tasks. Returns { order, serviceOrder (null before SOM started), tasks }. NOT_FOUND for an unknown order.',
    kind: 'read',
    destructive: false,
    services: ['com', 'som', 'provisioning-sim'],
    input: z.object({ orderId: OrderId }),
    run: (c, i) => loadOrderDetails(c, i.orderId),
    render: (d, { width }) => renderDetails(d, width),
    cli: { command: ['order', 'show'], positional: ['orderId'], example: 'bss order show ORD-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'order.list',
    summary: "List a customer's orders, newest first",
    description: 'Orders of one customer (TMF622 states: acknowledged, inProgress, completed, failed, cancelled), newest first, up to `limit`.',
    kind: 'read',
    destructive: false,
    services: ['com'],
    input: z.object({
      customerId: CustomerId,
      state: z.enum(['acknowledged', 'in_progress', 'completed', 'failed', 'cancelled']).optional().describe('Only orders in this state'),
      limit: z.coerce.number().int().min(1).max(1000).default(25).describe('How many to return (default 25)'),
    }),
    run: async (c, i) => (await c.com.list({ customerId: i.customerId, ...(i.state ? { state: i.state } : {}), limit: i.limit })).items,
    render: (rows, { width }) =>
      table(
        'Orders',
        [
          { header: 'ID', cell: (o: com.ProductOrder) => o.id, width: 30 },
          { header: 'Offering', cell: (o) => o.productOrderItem[0]?.productOffering.id ?? '—', width: 12 },
          { header: 'State', cell: (o) => o.state, width: 12 },
          { header: 'Placed', cell: (o) => shortTime(o.orderDate) },
        ],
        rows,
        width,
        25,
      ),
    cli: { command: ['order', 'list'], flags: { customerId: 'customer' }, example: 'bss order list --customer CUST-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'order.wait_until',
    summary: 'Wait for an order to reach a state (default completed); ends early on failed or cancelled',
    description:
      'Polls the order until it is in `targetState`, or failed/cancelled, or `timeoutSeconds` passed; returns the order with its service order tree and `waitTimedOut` when it gave up. Read-only.',
    kind: 'read',
    destructive: false,
    services: ['com', 'som', 'provisioning-sim'],
    input: z.object({
      orderId: OrderId,
      targetState: com.OrderState.default('completed').describe('The state to wait for'),
      timeoutSeconds: TimeoutSeconds,
    }),
    run: (c, i, ctx) => waitForOrder(c, i.orderId, { timeoutSeconds: i.timeoutSeconds, target: i.targetState }, ctx),
    render: (d, { width }) => renderDetails(d, width),
    cli: { command: ['order', 'wait'], positional: ['orderId'], flags: { targetState: 'state' }, example: 'bss order wait ORD-01JZ8Q3V9KX2M7 --timeout-seconds 60' },
  }),
  defineOperation({
    name: 'order.cancel',
    summary: 'Cancel an order SOM has not started (terminal)',
    description:
      'Cancels an acknowledged order, or a submitted one SOM has not started yet; nothing was charged. Destructive (the reference gates it): the CLI needs --allow-destructive. Refusals: order.cancel.forbidden_after_som_started, order.transition.invalid (already terminal).',
    kind: 'delete',
    destructive: true,
    services: ['com'],
    input: z.object({ orderId: OrderId, reason: z.string().min(1).max(500).optional().describe('Why, kept on the order') }),
    run: (c, i) => c.com.cancel(i.orderId, i.reason),
    render: (o) => `${o.id} → ${o.state}`,
    cli: { command: ['order', 'cancel'], positional: ['orderId'], example: 'bss order cancel ORD-01JZ8Q3V9KX2M7 --reason "changed my mind" --allow-destructive' },
  }),
];
