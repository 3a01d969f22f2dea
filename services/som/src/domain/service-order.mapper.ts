// Row → TMF641 ServiceOrder. The commercial order is `externalId` and an `externalReference` (ProductOrder);
// the customer a relatedParty; the one item adds the CFS. SOM's `torn_down` (completed, then the activation
// charge was declined) reads `failed` with an errorMessage saying why, as a failed order does.
import { som } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { ServiceOrderGraph } from '../repositories/service-order.query.ts';
import type { ServiceOrderState } from './service-order.state.ts';
import { TMF638_PATH, toTmfServiceState } from './service.mapper.ts';

export const TMF641_PATH = som.TMF641_PATH;

type Tmf641State = som.ServiceOrder['state'];
const TMF_STATE: Record<ServiceOrderState, Tmf641State> = {
  acknowledged: 'acknowledged',
  in_progress: 'inProgress',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  torn_down: 'failed',
};

export const toTmf641State = (s: ServiceOrderState): Tmf641State => TMF_STATE[s];

/** The internal states a TMF641 state filter names (an unknown one names none). */
export function internalOrderStates(tmf: string): ServiceOrderState[] {
  return (Object.keys(TMF_STATE) as ServiceOrderState[]).filter((s) => TMF_STATE[s] === tmf);
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toServiceOrder(g: ServiceOrderGraph, href: (path: string, id: string) => string): som.ServiceOrder {
  const { order } = g;
  const cfs = g.services.find((s) => s.kind === 'CFS');
  const state = toTmf641State(order.state);
  const ended = order.state === 'failed' || order.state === 'torn_down';
  return omitEmpty({
    id: order.id,
    href: href(TMF641_PATH, order.id),
    externalId: order.orderId,
    category: 'MobileBroadband',
    description: order.stateReason,
    state,
    orderDate: order.orderDate.toISOString(),
    startDate: iso(order.startedAt),
    completionDate: iso(order.completedAt ?? (ended ? order.endedAt : null)),
    cancellationDate: order.state === 'cancelled' ? iso(order.endedAt) : null,
    cancellationReason: order.state === 'cancelled' ? order.stateReason : null,
    externalReference: [{ name: order.orderId, externalReferenceType: 'ProductOrder', '@type': 'ExternalReference' as const }],
    relatedParty: order.customerId
      ? [{ id: order.customerId, role: 'customer', '@referredType': 'Customer', '@type': 'RelatedParty' as const }]
      : null,
    serviceOrderItem:
      cfs && order.itemId
        ? [
            {
              id: order.itemId,
              action: 'add' as const,
              state,
              service: {
                id: cfs.id,
                href: href(TMF638_PATH, cfs.id),
                serviceType: 'CFS',
                state: toTmfServiceState(cfs.state),
                serviceSpecification: { id: cfs.specId, name: cfs.specId },
                '@referredType': 'Service' as const,
              },
              '@type': 'ServiceOrderItem' as const,
            },
          ]
        : null,
    errorMessage:
      ended && order.stateReason
        ? [
            {
              code: order.state === 'torn_down' ? 'activation_declined' : order.failedTaskType ? 'provisioning_failed' : 'fulfilment_refused',
              reason: order.failedTaskType ?? order.state,
              message: order.stateReason,
              status: 'failed',
              timestamp: iso(order.endedAt) ?? undefined,
              '@type': 'ServiceOrderErrorMessage' as const,
            },
          ]
        : null,
    '@type': 'ServiceOrder' as const,
  }) as som.ServiceOrder;
}
