// The flows `make bench` drives through the running fleet's HTTP APIs: customers with a card on file, orders
// submitted and waited on (submit → subscription active, per order), and usage posted for a live line — both to
// measure the flow and to seed the reads of com, subscription and mediation.
import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';

type Urls = Map<string, string>;

async function call<T>(url: string, token: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'x-bss-api-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${method} ${new URL(url).pathname}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A customer with an email and an approving card on file. */
async function customerWithCard(urls: Urls, token: string): Promise<string> {
  const tag = randomBytes(4).toString('hex');
  const c = await call<{ id: string }>(`${urls.get('crm')}/tmf-api/customerManagement/v4/customer`, token, 'POST', { givenName: 'Bench', familyName: `Line ${tag}`, email: `line.${tag}@example.com` });
  await call(`${urls.get('payment')}/tmf-api/paymentMethod/v4/paymentMethod`, token, 'POST', { customerId: c.id, cardNumber: '4242 4242 4242 4242', cvv: '123', expMonth: 12, expYear: 2040 });
  return c.id;
}

interface OrderView {
  state: string;
  subscriptionId: string | null;
  msisdn: string | null;
}

/** Where the fleet publishes its events, so the flow can wait for an order's outcome event instead of polling. */
export interface FleetBroker {
  url: string;
  exchange: string;
}

/** Arrival times of the orders' terminal events, from a throwaway queue bound to them on the fleet's exchange. */
interface OrderOutcomes {
  /** Resolves with performance.now() at the moment the order's terminal event arrived. */
  arrival(orderId: string): Promise<number>;
  close(): Promise<void>;
}

async function orderOutcomes(broker: FleetBroker): Promise<OrderOutcomes> {
  const conn = await connect(broker.url, { noDelay: true });
  const ch = await conn.createChannel();
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
  for (const key of ['order.completed', 'order.failed', 'order.cancelled']) await ch.bindQueue(queue, broker.exchange, key);
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  await ch.consume(
    queue,
    (msg) => {
      if (!msg) return;
      const at = performance.now();
      const { aggregateId } = JSON.parse(msg.content.toString('utf8')) as { aggregateId: string };
      if (arrived.has(aggregateId)) return;
      arrived.set(aggregateId, at);
      waiting.get(aggregateId)?.(at);
    },
    { noAck: true },
  );
  return {
    arrival: (orderId) => {
      const at = arrived.get(orderId);
      return at !== undefined ? Promise.resolve(at) : new Promise((resolve) => waiting.set(orderId, resolve));
    },
    close: () => conn.close(),
  };
}

/**
 * Submits one order and waits until it is terminal; resolves with the submit → terminal time. With `outcomes`
 * the end is the arrival of the order's terminal event (published after COM committed it, so never early), read
 * back once over HTTP; without, the order is polled every 2 ms — which costs the fleet a request per poll, on the
 * same event loop as the flow it measures: ≈70 ms of the fleet's ≈250 ms CPU per order on the shared machine.
 */
async function orderOnce(urls: Urls, token: string, customerId: string, outcomes?: OrderOutcomes): Promise<{ ms: number; order: OrderView & { id: string } }> {
  const com = urls.get('com')!;
  const created = await call<{ id: string }>(`${com}/tmf-api/productOrderingManagement/v4/productOrder`, token, 'POST', { customerId, offeringId: 'PLAN_M' });
  const t0 = performance.now();
  await call(`${com}/com-api/v1/order/${created.id}/submit`, token, 'POST');
  if (outcomes) {
    const at = await outcomes.arrival(created.id);
    const o = await call<OrderView>(`${com}/com-api/v1/order/${created.id}`, token, 'GET');
    if (o.state !== 'completed') throw new Error(`bench order ${created.id} ended ${o.state}`);
    return { ms: at - t0, order: { ...o, id: created.id } };
  }
  for (;;) {
    const o = await call<OrderView>(`${com}/com-api/v1/order/${created.id}`, token, 'GET');
    if (o.state === 'completed' || o.state === 'failed' || o.state === 'cancelled') {
      if (o.state !== 'completed') throw new Error(`bench order ${created.id} ended ${o.state}`);
      return { ms: performance.now() - t0, order: { ...o, id: created.id } };
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}

export interface OrderFlowResult {
  orders: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  last: { orderId: string; subscriptionId: string; msisdn: string };
  /** Every line the flow activated. */
  lines: { subscriptionId: string; msisdn: string }[];
}

/**
 * `orders` orders, `concurrency` at a time, each timed from submit until the order (and its line) is active —
 * seen as its outcome event on `broker` when given, else by polling.
 */
export async function orderFlow(urls: Urls, token: string, orders = 100, concurrency = 1, broker?: FleetBroker): Promise<OrderFlowResult> {
  const customers = await Promise.all(Array.from({ length: Math.min(orders, 20) }, () => customerWithCard(urls, token)));
  const outcomes = broker ? await orderOutcomes(broker) : undefined;
  const times: number[] = [];
  const lines: { subscriptionId: string; msisdn: string }[] = [];
  let last: OrderView & { id: string } = { id: '', state: '', subscriptionId: null, msisdn: null };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < orders) {
        const i = next++;
        const r = await orderOnce(urls, token, customers[i % customers.length]!, outcomes);
        times.push(r.ms);
        last = r.order;
        lines.push({ subscriptionId: r.order.subscriptionId!, msisdn: r.order.msisdn! });
      }
    }),
  ).finally(() => outcomes?.close());
  times.sort((a, b) => a - b);
  const at = (q: number) => +times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  return { orders, concurrency, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: +times[times.length - 1]!.toFixed(1), last: { orderId: last.id, subscriptionId: last.subscriptionId!, msisdn: last.msisdn! }, lines };
}

/** Posts `count` data usage records for the line (the rows the usage list reads). */
export async function seedUsage(urls: Urls, token: string, msisdn: string, count = 50): Promise<void> {
  const base = Date.parse('2026-11-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    await call(`${urls.get('mediation')}/tmf-api/usageManagement/v4/usage`, token, 'POST', {
      msisdn,
      eventType: 'data',
      eventTime: new Date(base + i * 60_000).toISOString(),
      quantity: 1,
      unit: 'mb',
      externalId: `bench-${msisdn}-${i}`,
    });
  }
}
