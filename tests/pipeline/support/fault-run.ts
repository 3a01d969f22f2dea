// One fault run of the order pipeline: sign up customers, place `orders` orders with bounded concurrency while a
// fault plays (the caller's `chaos`), wait until every order is terminal, then reconcile what must hold whatever
// the fault: every order terminal and completed, one approved activation charge per completed order and none
// twice, nothing parked, and the MSISDN and eSIM pools moved by exactly the completed orders (no leaked reservation).
import { ServiceUnavailableError } from '@bss/clients';
import { expect } from 'vitest';
import type { PipelineFleet } from './pipeline-fleet.ts';
import { pipelineClients, placeOrder, poolFigures, signUp, waitOrder, type PipelineClients } from './journey.ts';

export interface FaultRunOptions {
  orders: number;
  customers: number;
  concurrency: number;
  /** Runs while the orders flow; resolves when the fault has played out. */
  chaos(fleet: PipelineFleet, c: PipelineClients): Promise<void>;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

export async function faultRun(fleet: PipelineFleet, opts: FaultRunOptions) {
  const c = pipelineClients(fleet);
  const before = await poolFigures(c);
  const customers = await pool(Array.from({ length: opts.customers }, (_, i) => i), 5, () => signUp(c));
  let chaosDone = false;
  const chaos = opts.chaos(fleet, c).finally(() => {
    chaosDone = true;
  });
  const orderIds = await pool(Array.from({ length: opts.orders }, (_, i) => customers[i % customers.length]!), opts.concurrency, (customerId) =>
    // not retried: a retried create could place a second order; faults here never touch COM's own HTTP
    placeOrder(c, customerId, 'PLAN_S'),
  );
  await chaos;
  expect(chaosDone).toBe(true);
  const orders = await pool(orderIds, 10, (id) =>
    retryTransport(() => waitOrder(c, id, undefined, 120_000)).catch(async (err: Error) => {
      // the whole picture goes to stderr (vitest shows only the message's first lines)
      console.error(`${err.message}\n${JSON.stringify({ ...(await diagnose(c, id)), queues: await fleet.queueDepths() }, null, 1)}`);
      throw err;
    }),
  );

  const states = countBy(orders.map((o) => o.state));
  expect(states).toEqual({ completed: opts.orders });
  // one approved activation charge per order, never two for one order (the idempotency key is the order id)
  const approved = (await pool(customers, 5, async (id) => (await c.payment.listPayments(id, { limit: 100 })).items)).flat().filter((p) => p.status === 'approved');
  expect(approved).toHaveLength(opts.orders);
  expect(await fleet.parked()).toEqual({});
  // pools moved by exactly the completed orders: nothing left reserved, every line's number assigned
  const after = await poolFigures(c);
  expect(after.msisdn.reserved).toBe(before.msisdn.reserved);
  expect(after.msisdn.assigned).toBe(before.msisdn.assigned + opts.orders);
  expect(after.esim.available).toBe((before.esim.available ?? Number.NaN) - opts.orders);
  const subs = new Set(orders.map((o) => o.subscriptionId));
  expect(subs.size).toBe(opts.orders);
  return orders;
}

/** A read may meet a service being restarted: the caller retries it as a client would. */
async function retryTransport<T>(fn: () => Promise<T>, attempts = 40): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ServiceUnavailableError) || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Where an order that did not end is: its service order, tasks and the order view. */
async function diagnose(c: PipelineClients, orderId: string) {
  const order = await c.com.getView(orderId).catch((e: Error) => e.message);
  const so = await c.som.serviceOrderForOrder(orderId).catch((e: Error) => e.message);
  const tasks = typeof so === 'object' ? (await c.provisioning.listTasks({ serviceOrderId: so.id }).catch(() => ({ items: [] }))).items : [];
  return { order, so, tasks: tasks.map((t) => ({ type: t.taskType, state: t.state, attempts: t.attempts })) };
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
