// The payload → card-view mappings of the order and subscription operations: the SOM tree is CFS roots with their
// RFS children and the CFS's provisioning tasks (attempts, timing); a line's balances become bars, "renews in"
// is counted from the service's business time, never the local clock.
import type { com, provisioning, som, subscription } from '@bss/contracts';
import { describe, expect, it } from 'vitest';
import { orderView } from './ops/order-details.ts';
import { subscriptionView } from './ops/subscription.ops.ts';

const order = { id: 'ORD-1', customerId: 'CUST-1', offeringId: 'PLAN_M', state: 'completed', orderDate: '2026-06-01T08:00:00Z', completionDate: '2026-06-01T08:00:05Z', subscriptionId: 'SUB-1' } as com.Order;
const svc = (id: string, kind: 'CFS' | 'RFS', parentServiceId: string | null, specId: string) => ({ id, kind, parentServiceId, specId, state: 'activated' }) as som.SomServiceOrder['services'][number];
const so = { id: 'SO-1', state: 'completed', services: [svc('SVC-2', 'RFS', 'SVC-1', 'DataService'), svc('SVC-1', 'CFS', null, 'MobileBroadband')], tasks: [] } as unknown as som.SomServiceOrder;
const task = { id: 'PTK-1', serviceId: 'SVC-1', taskType: 'HLR_PROVISION', state: 'completed', attempts: 2, startedAt: '2026-06-01T08:00:01.000Z', completedAt: '2026-06-01T08:00:02.500Z', endedAt: null } as provisioning.Task;

describe('orderView', () => {
  it('nests RFS under their CFS, hangs the CFS tasks with attempts and duration, and names the line once completed', () => {
    const v = orderView({ order, serviceOrder: so, tasks: [task] });
    expect(v.serviceOrders).toHaveLength(1);
    const cfs = v.serviceOrders[0]!.services;
    expect(cfs.map((s) => s.id)).toEqual(['SVC-1']);
    expect(cfs[0]!.children.map((s) => [s.id, s.kind, s.name])).toEqual([['SVC-2', 'RFS', 'DataService']]);
    expect(cfs[0]!.tasks).toEqual([{ id: 'PTK-1', taskType: 'HLR_PROVISION', state: 'completed', attempts: 2, durationMs: 1500 }]);
    expect(v.subscriptionId).toBe('SUB-1');
  });

  it('shows no tree before SOM started and no line until the order completed', () => {
    const v = orderView({ order: { ...order, state: 'in_progress' }, serviceOrder: null, tasks: [] });
    expect(v.serviceOrders).toEqual([]);
    expect(v.subscriptionId).toBeNull();
  });
});

describe('subscriptionView', () => {
  const sub = {
    id: 'SUB-1', customerId: 'CUST-1', offeringId: 'PLAN_M', msisdn: '91230077', state: 'active', priceAmount: '25.00', priceCurrency: 'SGD',
    activatedAt: '2026-06-01T08:00:00Z', nextRenewalAt: '2026-07-01T08:00:00Z',
    balances: [{ allowanceType: 'voice', consumed: 20, total: 500, remaining: 480, unit: 'minutes' }],
  } as unknown as subscription.Subscription;

  it('counts renewal days from business time and maps balances to bars', () => {
    const v = subscriptionView({ subscription: sub, customerName: 'Mei Tan', businessNow: '2026-06-20T08:00:00Z' });
    expect(v.renewsInDays).toBe(11);
    expect(v.customerName).toBe('Mei Tan');
    expect(v.balances).toEqual([{ type: 'voice', used: 20, total: 500, unit: 'min' }]);
  });

  it('leaves "renews in" out when business time is unknown', () => {
    expect(subscriptionView({ subscription: sub }).renewsInDays).toBeUndefined();
  });
});
