// Read use-cases of the TMF641/TMF638 and /som-api routes: filters mapped from the TMF states to SOM's, one
// round trip per call (repositories/*.query.ts), 404 for what the tenant does not have.
import type { som } from '@bss/contracts';
import { NotFound } from '@bss/policy';
import type { SomDeps } from '../deps.ts';
import { internalOrderStates, toServiceOrder } from '../domain/service-order.mapper.ts';
import { internalServiceStates, toService } from '../domain/service.mapper.ts';
import { toSomServiceOrder } from '../domain/view.mapper.ts';
import { findServiceOrderGraph, pageServiceOrders } from '../repositories/service-order.query.ts';
import { findServiceView, pageServices } from '../repositories/service.query.ts';

type Page = { offset: number; limit: number };

export function createQueryService(deps: SomDeps) {
  const { database, href } = deps;
  const db = database.db;
  return {
    async listServiceOrders(q: { orderId?: string | undefined; state?: string | undefined; customerId?: string | undefined }, page: Page) {
      const { items, total } = await pageServiceOrders(db, { orderId: q.orderId, customerId: q.customerId, states: q.state === undefined ? undefined : internalOrderStates(q.state) }, page);
      return { items: items.map((g) => toServiceOrder(g, href)), total };
    },
    async getServiceOrder(id: string): Promise<som.ServiceOrder> {
      const g = await findServiceOrderGraph(db, { id });
      if (!g) throw new NotFound('serviceOrder', id);
      return toServiceOrder(g, href);
    },
    async serviceOrderForOrder(orderId: string): Promise<som.SomServiceOrder> {
      const g = await findServiceOrderGraph(db, { orderId });
      if (!g) throw new NotFound('serviceOrder', orderId, {}, { message: `order ${orderId} has no service order` });
      return toSomServiceOrder(g);
    },
    async listServices(q: Omit<som.ServiceListQuery, 'offset' | 'limit' | 'fields'>, page: Page) {
      const { items, total } = await pageServices(
        db,
        {
          states: q.state === undefined ? undefined : internalServiceStates(q.state),
          customerId: q['relatedParty.id'] ?? q.customerId,
          subscriptionId: q.subscriptionId,
          relatedEntityId: q['relatedEntity.id'],
          kind: q.serviceType,
        },
        page,
      );
      return { items: items.map((v) => toService(v, href)), total };
    },
    async getService(id: string): Promise<som.Service> {
      const v = await findServiceView(db, id);
      if (!v) throw new NotFound('service', id);
      return toService(v, href);
    },
  };
}
export type QueryService = ReturnType<typeof createQueryService>;
