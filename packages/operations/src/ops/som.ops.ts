// SOM reads (TMF641 service orders, TMF638 services): what an order decomposed into and what a line runs on.
import type { som } from '@bss/contracts';
import { z } from 'zod';
import { table } from '../cards/table.ts';
import { box, cardWidth, shortTime } from '../cards/text.ts';
import { OrderId, ServiceId, ServiceOrderId, SubscriptionId } from '../fields.ts';
import { defineOperation } from '../operation.ts';

const soLine = (so: som.ServiceOrder) => `${so.id}  [${so.state}]  order ${so.externalId}  ${shortTime(so.orderDate)}`;

const serviceCard = (s: som.Service, width: number) =>
  box(
    `${s.serviceType} ${s.id}  ${s.name}`,
    [
      `State:    ${s.state}${s.isServiceEnabled ? '  (enabled)' : ''}`,
      `Spec:     ${s.serviceSpecification.id}`,
      `Started:  ${shortTime(s.startDate)}   Ended: ${shortTime(s.endDate)}`,
      ...s.serviceCharacteristic.map((ch) => `  ${ch.name}: ${typeof ch.value === 'string' ? ch.value : JSON.stringify(ch.value)}`),
      ...(s.supportingService ?? []).map((r) => `  └─ ${r.id}`),
    ],
    cardWidth(width, 90),
  );

const servicesTable = (rows: som.Service[], width: number) =>
  table(
    'Services',
    [
      { header: 'ID', cell: (s: som.Service) => s.id, width: 30 },
      { header: 'Type', cell: (s) => s.serviceType, width: 4 },
      { header: 'Name', cell: (s) => s.name, width: 22 },
      { header: 'State', cell: (s) => s.state },
    ],
    rows,
    width,
  );

export const somOps = [
  defineOperation({
    name: 'service_order.get',
    summary: 'Show a TMF641 service order',
    description: 'One service order (SO-…) with its items and state. NOT_FOUND for an unknown id. For the tree with tasks use order.get.',
    kind: 'read',
    destructive: false,
    services: ['som'],
    input: z.object({ serviceOrderId: ServiceOrderId }),
    run: (c, i) => c.som.getServiceOrder(i.serviceOrderId),
    render: soLine,
    cli: { command: ['som', 'so-show'], positional: ['serviceOrderId'], example: 'bss som so-show SO-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'service_order.list_for_order',
    summary: 'The service orders of a commercial order (one per order)',
    description: 'TMF641 service orders whose externalId is the commercial order.',
    kind: 'read',
    destructive: false,
    services: ['som'],
    input: z.object({ commercialOrderId: OrderId }),
    run: async (c, i) => (await c.som.listServiceOrders({ externalId: i.commercialOrderId })).items,
    render: (rows) => (rows.length ? rows.map(soLine).join('\n') : '(no service order yet)'),
    cli: { command: ['som', 'so-list'], flags: { commercialOrderId: 'order' }, example: 'bss som so-list --order ORD-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'service.get',
    summary: 'Show a TMF638 service (CFS or RFS) with its characteristics',
    description: 'One service with its type, state, characteristics (msisdn, iccid …) and supporting services. NOT_FOUND for an unknown id.',
    kind: 'read',
    destructive: false,
    services: ['som'],
    input: z.object({ serviceId: ServiceId }),
    run: (c, i) => c.som.getService(i.serviceId),
    render: (s, { width }) => serviceCard(s, width),
    cli: { command: ['som', 'service-show'], positional: ['serviceId'], example: 'bss som service-show SVC-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'service.list_for_subscription',
    summary: 'The services (CFS + RFS, flat) a subscription runs on',
    description: 'Every TMF638 service linked to the subscription, CFS and RFS in one flat list.',
    kind: 'read',
    destructive: false,
    services: ['som'],
    input: z.object({ subscriptionId: SubscriptionId }),
    run: async (c, i) => (await c.som.listServices({ subscriptionId: i.subscriptionId })).items,
    render: (rows, { width }) => servicesTable(rows, width),
    cli: { command: ['som', 'service-list'], flags: { subscriptionId: 'subscription' }, example: 'bss som service-list --subscription SUB-01JZ8Q3V9KX2M7' },
  }),
];
