// The consumer-queue catalogue: every queue of the event plane, its owning service and its bindings. Every
// service declares all of it when its bus connects, so a queue exists (and collects events) before its
// consumer is deployed; a service's `consumers()` must match an entry here (the runtime checks).
// Adding a consumer = one entry below + its handler in the owning service.

/** One consumer queue of `bss.events`. */
export interface ConsumerQueue {
  /** Durable queue name `<service>.<what it consumes>`; also the inbox `consumer` key. */
  queue: string;
  /** Service that runs the consumer. */
  service: string;
  /** Routing keys bound to the queue (`*`/`#` wildcards allowed). */
  bindings: readonly string[];
  /** Postgres schema of the consumer's inbox. */
  inboxSchema: string;
  /** How the consumer keeps two events of one aggregate from being applied out of order (docs/events.md). */
  ordering: string;
  /** What the consumer does, for docs/events.md. */
  purpose: string;
}

const GUARD = 'state-machine guard: the handler reads the aggregate FOR UPDATE and ignores an event its state has already passed';

/**
 * The order pipeline (choreographed, no orchestrator; DECISIONS.md 2026-12-01):
 * COM `order.in_progress` → SOM reserves inventory, requests four `provisioning.task.created` → provisioning-sim
 * runs them → SOM `service_order.completed` → subscription charges and activates → `subscription.activated`
 * (COM completes the order, SOM links its services) or `subscription.activation_declined` (COM fails the order,
 * SOM tears the services down). A permanent task failure: SOM `service_order.failed` → COM fails the order.
 * Plus usage (mediation → rating → subscription) and port-out (crm → subscription).
 */
export const CONSUMER_QUEUES: readonly ConsumerQueue[] = [
  { queue: 'com.service_order.failed', service: 'com', bindings: ['service_order.failed'], inboxSchema: 'order_mgmt', ordering: GUARD, purpose: 'fails the commercial order (provisioning failed)' },
  { queue: 'com.subscription.activated', service: 'com', bindings: ['subscription.activated'], inboxSchema: 'order_mgmt', ordering: GUARD, purpose: 'completes the commercial order with its subscription id' },
  { queue: 'com.subscription.activation_declined', service: 'com', bindings: ['subscription.activation_declined'], inboxSchema: 'order_mgmt', ordering: GUARD, purpose: 'fails the commercial order (activation charge declined)' },
  { queue: 'som.order.in_progress', service: 'som', bindings: ['order.in_progress'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'decomposes the order into a service order, reserves MSISDN + eSIM and requests the provisioning tasks' },
  { queue: 'som.provisioning.task.completed', service: 'som', bindings: ['provisioning.task.completed'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'marks the task done; completes the service order when all are' },
  { queue: 'som.provisioning.task.failed', service: 'som', bindings: ['provisioning.task.failed'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'permanent: fails the service order and releases its inventory; retryable: holds it for an operator' },
  { queue: 'som.provisioning.task.stuck', service: 'som', bindings: ['provisioning.task.stuck'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'flags the service order for an operator' },
  { queue: 'som.subscription.activated', service: 'som', bindings: ['subscription.activated'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'links the services to their subscription' },
  { queue: 'som.subscription.activation_declined', service: 'som', bindings: ['subscription.activation_declined'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'tears the services down: MSISDN released, eSIM recycled' },
  { queue: 'provisioning-sim.task.created', service: 'provisioning-sim', bindings: ['provisioning.task.created'], inboxSchema: 'provisioning', ordering: 'idempotent per (service order, task type): one task row per request; no cross-event state', purpose: 'runs the simulated network task' },
  { queue: 'subscription.service_order.completed', service: 'subscription', bindings: ['service_order.completed'], inboxSchema: 'subscription', ordering: 'idempotent on the order id (unique index + lookup; the charge carries an idempotency key)', purpose: 'charges the activation and creates the subscription with its balances' },
  { queue: 'rating.usage.recorded', service: 'rating', bindings: ['usage.recorded'], inboxSchema: 'rating', ordering: 'commutative: each usage record is rated on its own', purpose: 'rates a usage record against the tariff' },
  { queue: 'subscription.usage.rated', service: 'subscription', bindings: ['usage.rated'], inboxSchema: 'subscription', ordering: 'commutative decrements under a row lock; block-on-exhaust is re-evaluated on every decrement', purpose: 'decrements the bundle balance (block on exhaust)' },
  { queue: 'subscription.port_request.approved', service: 'subscription', bindings: ['port_request.approved'], inboxSchema: 'subscription', ordering: GUARD, purpose: 'terminates the line losing its number to a port-out' },
];

/** The queue entry named `queue`, if any. */
export function consumerQueue(queue: string): ConsumerQueue | undefined {
  return CONSUMER_QUEUES.find((q) => q.queue === queue);
}
