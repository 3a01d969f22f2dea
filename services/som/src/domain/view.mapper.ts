// Row → SOM's own camelCase view of a service order with its services and task progress (/som-api/v1).
import type { som } from '@bss/contracts';
import type { ServiceOrderGraph } from '../repositories/service-order.query.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toSomServiceOrder(g: ServiceOrderGraph): som.SomServiceOrder {
  const o = g.order;
  return {
    id: o.id,
    orderId: o.orderId,
    customerId: o.customerId,
    offeringId: o.offeringId,
    state: o.state,
    stateReason: o.stateReason,
    failedTaskType: o.failedTaskType,
    msisdn: o.msisdn,
    iccid: o.iccid,
    paymentMethodId: o.paymentMethodId,
    priceSnapshot: o.priceSnapshot,
    orderDate: o.orderDate.toISOString(),
    startedAt: iso(o.startedAt),
    completedAt: iso(o.completedAt),
    endedAt: iso(o.endedAt),
    services: g.services.map((s) => ({
      id: s.id,
      kind: s.kind,
      specId: s.specId,
      parentServiceId: s.parentServiceId,
      state: s.state,
      subscriptionId: s.subscriptionId,
      msisdn: s.msisdn,
      iccid: s.iccid,
      imsi: s.imsi,
      activationCode: s.activationCode,
      activatedAt: iso(s.activatedAt),
      endedAt: iso(s.endedAt),
    })),
    tasks: g.tasks.map((t) => ({ taskType: t.taskType, state: t.state, taskId: t.taskId, lastError: t.lastError, updatedAt: t.updatedAt.toISOString() })),
  };
}
