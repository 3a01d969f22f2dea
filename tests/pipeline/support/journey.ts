// What a customer journey through the pipeline needs in a test: typed clients of every service, sign-up with a
// card, order + submit, waiting for an order to end, and the pool/charge figures the fault tests reconcile.
import { randomBytes } from 'node:crypto';
import {
  createCatalogClient,
  createComClient,
  createCrmClient,
  createInventoryClient,
  createMediationClient,
  createPaymentClient,
  createProvisioningClient,
  createSomClient,
  createSubscriptionClient,
} from '@bss/clients';
import type { com } from '@bss/contracts';
import type { PipelineFleet } from './pipeline-fleet.ts';

/** Mock-processor cards: one always approves, one always declines. */
export const CARDS = { approve: '4242 4242 4242 4242', decline: '4000 0000 0000 0002' } as const;

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

export function pipelineClients(fleet: PipelineFleet) {
  const opts = (name: Parameters<PipelineFleet['url']>[0]) => ({ baseUrl: fleet.url(name), token: fleet.token, actor: 'pipeline-test', channel: 'cli', timeoutMs: 10_000 });
  return {
    catalog: createCatalogClient(opts('catalog')),
    crm: createCrmClient(opts('crm')),
    inventory: createInventoryClient(opts('crm')),
    payment: createPaymentClient(opts('payment')),
    com: createComClient(opts('com')),
    som: createSomClient(opts('som')),
    subscription: createSubscriptionClient(opts('subscription')),
    provisioning: createProvisioningClient(opts('provisioning-sim')),
    mediation: createMediationClient(opts('mediation')),
  };
}
export type PipelineClients = ReturnType<typeof pipelineClients>;

/** A new customer (with an email contact) and a card on file; returns the customer id. */
export async function signUp(c: PipelineClients, card: keyof typeof CARDS = 'approve'): Promise<string> {
  const tag = randomBytes(4).toString('hex');
  const customer = await c.crm.createCustomer({ givenName: 'Test', familyName: `Line ${tag}`, email: `line.${tag}@example.com` });
  await c.payment.addCard({ customerId: customer.id, cardNumber: CARDS[card], cvv: '123', expMonth: 12, expYear: 2040 });
  return customer.id;
}

/** Creates and submits an order; returns its id. */
export async function placeOrder(c: PipelineClients, customerId: string, offeringId = 'PLAN_M', msisdnPreference?: string): Promise<string> {
  const order = await c.com.create({ customerId, offeringId, ...(msisdnPreference ? { msisdnPreference } : {}) });
  await c.com.submit(order.id);
  return order.id;
}

/** Polls until `pred` holds for the order's view (default: a terminal state). */
export async function waitOrder(c: PipelineClients, orderId: string, pred: (o: com.Order) => boolean = (o) => TERMINAL.has(o.state), timeoutMs = 20_000): Promise<com.Order> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const order = await c.com.getView(orderId);
    if (pred(order)) return order;
    if (performance.now() > until) throw new Error(`order ${orderId} still ${order.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls `fn` until it returns a value that is not undefined. */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The inventory figures an order can move: MSISDNs by status and eSIM profiles by state. */
export async function poolFigures(c: PipelineClients) {
  const msisdn = await c.inventory.countMsisdns();
  const esim: Record<string, number> = {};
  for (const state of ['available', 'reserved', 'downloaded', 'activated'] as const) esim[state] = (await c.inventory.listEsims({ state, limit: 1 })).total ?? Number.NaN;
  return { msisdn: { available: msisdn.available, reserved: msisdn.reserved, assigned: msisdn.assigned }, esim };
}
