// Applying the state tables to rows: one place that runs a trigger through the table and writes the new state,
// so every SOM write moves state only along a legal edge (an illegal one throws `<aggregate>.transition.invalid`).
import type { Tx } from '@bss/db';
import { serviceOrderStateMachine, type ServiceOrderTrigger } from '../domain/service-order.state.ts';
import { serviceStateMachine, type ServiceTrigger } from '../domain/service.state.ts';
import { updateServiceOrder, type ServiceOrderPatch } from '../repositories/service-order.repository.ts';
import { updateService, type ServicePatch } from '../repositories/service.repository.ts';
import type { ServiceOrderRow, ServiceRow } from '../schema.ts';

export function moveServiceOrder(tx: Tx, row: ServiceOrderRow, trigger: ServiceOrderTrigger, patch: Omit<ServiceOrderPatch, 'state'>): Promise<ServiceOrderRow> {
  const state = serviceOrderStateMachine.transition(row.state, trigger, { serviceOrderId: row.id, orderId: row.orderId });
  return updateServiceOrder(tx, row.id, { ...patch, state });
}

export function moveService(tx: Tx, row: ServiceRow, trigger: ServiceTrigger, patch: Omit<ServicePatch, 'state'>): Promise<ServiceRow> {
  const state = serviceStateMachine.transition(row.state, trigger, { serviceId: row.id });
  return updateService(tx, row.id, { ...patch, state });
}

/** Moves every service that the trigger applies to (a CFS and its children end together); others stay. */
export async function moveServicesWhereLegal(tx: Tx, rows: ServiceRow[], trigger: ServiceTrigger, patch: Omit<ServicePatch, 'state'>): Promise<ServiceRow[]> {
  const out: ServiceRow[] = [];
  for (const row of rows) out.push(serviceStateMachine.next(row.state, trigger) ? await moveService(tx, row, trigger, patch) : row);
  return out;
}
