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
 * The queues of the consumers the reference design names (domain-rules §4.1) plus port-out; their services
 * are being built. Declared now so the events they will read collect from the first publish.
 */
export const CONSUMER_QUEUES: readonly ConsumerQueue[] = [
  { queue: 'com.service_order.completed', service: 'com', bindings: ['service_order.completed'], inboxSchema: 'order_mgmt', ordering: GUARD, purpose: 'completes the commercial order and creates the subscription' },
  { queue: 'com.service_order.failed', service: 'com', bindings: ['service_order.failed'], inboxSchema: 'order_mgmt', ordering: GUARD, purpose: 'fails the commercial order' },
  { queue: 'som.order.in_progress', service: 'som', bindings: ['order.in_progress'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'decomposes the order into a service order and provisioning tasks' },
  { queue: 'som.provisioning.task.completed', service: 'som', bindings: ['provisioning.task.completed'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'marks the task done; completes the service order when all are' },
  { queue: 'som.provisioning.task.failed', service: 'som', bindings: ['provisioning.task.failed'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'fails the service order' },
  { queue: 'som.provisioning.task.stuck', service: 'som', bindings: ['provisioning.task.stuck'], inboxSchema: 'service_inventory', ordering: GUARD, purpose: 'flags the service order for an operator' },
  { queue: 'provisioning.task.created', service: 'provisioning', bindings: ['provisioning.task.created'], inboxSchema: 'provisioning', ordering: 'idempotent per task id (one task row per event); no cross-event state', purpose: 'runs the simulated network task' },
  { queue: 'rating.usage.recorded', service: 'rating', bindings: ['usage.recorded'], inboxSchema: 'rating', ordering: 'commutative: each usage record is rated on its own', purpose: 'rates a usage record against the tariff' },
  { queue: 'subscription.usage.rated', service: 'subscription', bindings: ['usage.rated'], inboxSchema: 'subscription', ordering: 'commutative decrements under a row lock; block-on-exhaust is re-evaluated on every decrement', purpose: 'decrements the bundle balance (block on exhaust)' },
  { queue: 'subscription.port_request.approved', service: 'subscription', bindings: ['port_request.approved'], inboxSchema: 'subscription', ordering: GUARD, purpose: 'terminates the line losing its number to a port-out' },
];

/** The queue entry named `queue`, if any. */
export function consumerQueue(queue: string): ConsumerQueue | undefined {
  return CONSUMER_QUEUES.find((q) => q.queue === queue);
}
