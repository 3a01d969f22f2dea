// What the order card shows, gathered from three services: COM's order view, SOM's service order (services and
// task progress) and the provisioning tasks (attempts, timing), mapped into the card's OrderView. SOM or
// provisioning not answering (or no service order yet) leaves the tree empty instead of failing the read.
import type { com, provisioning, som } from '@bss/contracts';
import type { OperationClients } from '../clients.ts';
import type { OrderView, ServiceView, TaskView } from '../cards/order-tree.card.ts';
import type { RunContext } from '../operation.ts';

/** The `order.get` / `order.create --wait` result. */
export interface OrderDetails {
  order: com.Order;
  serviceOrder: som.SomServiceOrder | null;
  tasks: provisioning.Task[];
  /** Set when a wait ended at its timeout with the order not terminal yet. */
  waitTimedOut?: boolean;
}

export const TERMINAL_ORDER_STATES: readonly string[] = ['completed', 'failed', 'cancelled'];

export async function loadOrderDetails(c: OperationClients, orderId: string): Promise<OrderDetails> {
  const order = await c.com.getView(orderId);
  const serviceOrder = await c.som.serviceOrderForOrder(orderId).catch(() => null);
  const tasks = serviceOrder ? await c.provisioning.listTasks({ serviceOrderId: serviceOrder.id, limit: 100 }).then((p) => p.items).catch(() => []) : [];
  return { order, serviceOrder, tasks };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls the order until it is terminal (or in `target`), reporting each state change to `ctx.progress`; at the
 * timeout it answers the last view with `waitTimedOut` (the caller decides whether that is an error).
 */
export async function waitForOrder(c: OperationClients, orderId: string, opts: { timeoutSeconds: number; target?: string; intervalMs?: number }, ctx?: RunContext): Promise<OrderDetails> {
  const until = performance.now() + opts.timeoutSeconds * 1000;
  let last = '';
  for (;;) {
    const order = await c.com.getView(orderId);
    const so = order.state === 'in_progress' ? await c.som.serviceOrderForOrder(orderId).catch(() => null) : null;
    const pending = so?.tasks.filter((t) => t.state !== 'completed').map((t) => `${t.taskType} ${t.state}`) ?? [];
    const status = `${orderId} ${order.state}${so ? ` · ${so.state}` : ''}${pending.length ? ` · ${pending.join(', ')}` : ''}`;
    if (status !== last) ctx?.progress?.(status);
    last = status;
    if (TERMINAL_ORDER_STATES.includes(order.state) || order.state === opts.target) return loadOrderDetails(c, orderId);
    if (performance.now() >= until) return { ...(await loadOrderDetails(c, orderId)), waitTimedOut: true };
    await sleep(opts.intervalMs ?? 200);
  }
}

const ms = (from: string | null, to: string | null) => (from && to ? Math.max(0, Date.parse(to) - Date.parse(from)) : undefined);

/** The card's view: CFS roots with their RFS children; a CFS carries the provisioning tasks run for it. */
export function orderView(d: OrderDetails): OrderView {
  const so = d.serviceOrder;
  const taskViews = (serviceId: string): TaskView[] => {
    const real = d.tasks.filter((t) => t.serviceId === serviceId);
    if (real.length) {
      return real.map((t) => {
        const durationMs = ms(t.startedAt, t.completedAt ?? t.endedAt);
        return { id: t.id, taskType: t.taskType, state: t.state, attempts: t.attempts, ...(durationMs !== undefined ? { durationMs } : {}) };
      });
    }
    // No task rows readable: SOM's own progress still shows which step is where.
    return (so?.tasks ?? []).map((t) => ({ id: t.taskId ?? '—', taskType: t.taskType, state: t.state, attempts: 1 }));
  };
  const services = so?.services ?? [];
  const view = (s: som.SomServiceOrder['services'][number]): ServiceView => ({
    id: s.id,
    kind: s.kind,
    name: s.specId,
    state: s.state,
    tasks: s.kind === 'CFS' ? taskViews(s.id) : [],
    children: services.filter((x) => x.parentServiceId === s.id).map(view),
  });
  const roots = services.filter((s) => !s.parentServiceId || !services.some((p) => p.id === s.parentServiceId));
  return {
    id: d.order.id,
    offeringId: d.order.offeringId,
    customerId: d.order.customerId,
    state: d.order.state,
    placedAt: d.order.orderDate,
    completedAt: d.order.completionDate,
    subscriptionId: d.order.state === 'completed' ? d.order.subscriptionId : null,
    serviceOrders: so ? [{ id: so.id, state: so.state, services: roots.map(view) }] : [],
  };
}
