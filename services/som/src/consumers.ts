// SOM's consumers: one queue per event type (CONSUMER_QUEUES), each a typed handler calling one use-case in the
// consumer's transaction (inbox claim + writes + staged events commit together).
import { consumerQueue } from '@bss/contracts';
import { onEvent, type EventHandler, type SubscriptionSpec } from '@bss/events';
import type { SomDeps } from './deps.ts';
import { createDecomposeService } from './services/decompose.service.ts';
import { createSubscriptionLinkService } from './services/subscription-link.service.ts';
import { createTaskProgressService } from './services/task-progress.service.ts';

const specOf = (queue: string): SubscriptionSpec => {
  const entry = consumerQueue(queue)!;
  return { queue: entry.queue, bindings: [...entry.bindings], inboxSchema: entry.inboxSchema };
};

/** SOM's consumer queues (CONSUMER_QUEUES entries owned by som). */
export type SomQueue =
  | 'som.order.in_progress'
  | 'som.provisioning.task.completed'
  | 'som.provisioning.task.failed'
  | 'som.provisioning.task.stuck'
  | 'som.subscription.activated'
  | 'som.subscription.activation_declined';

/** Queue name → handler, for the runtime and for tests that deliver events through the inbox themselves. */
export function somHandlers(deps: SomDeps): Record<SomQueue, EventHandler> {
  const decompose = createDecomposeService(deps);
  const tasks = createTaskProgressService(deps);
  const links = createSubscriptionLinkService(deps);
  return {
    'som.order.in_progress': onEvent(['order.in_progress'], (tx, e) => decompose.decompose(tx, e.payload)),
    'som.provisioning.task.completed': onEvent(['provisioning.task.completed'], (tx, e) => tasks.completed(tx, e.payload)),
    'som.provisioning.task.failed': onEvent(['provisioning.task.failed'], (tx, e) => tasks.failed(tx, e.payload)),
    'som.provisioning.task.stuck': onEvent(['provisioning.task.stuck'], (tx, e) => tasks.stuck(tx, e.payload)),
    'som.subscription.activated': onEvent(['subscription.activated'], (tx, e) => links.activated(tx, e.payload)),
    'som.subscription.activation_declined': onEvent(['subscription.activation_declined'], (tx, e) => links.declined(tx, e.payload)),
  };
}

export function somConsumers(deps: SomDeps): { spec: SubscriptionSpec; handler: EventHandler }[] {
  return Object.entries(somHandlers(deps)).map(([queue, handler]) => ({ spec: specOf(queue), handler }));
}
