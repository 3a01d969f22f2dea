// An in-memory EventBus for unit and API tests: publish delivers synchronously to matching subscriptions,
// with the same inbox, retry and park semantics as the AMQP bus but without delays or a broker.
import { topicMatches, type EventEnvelope } from '@bss/contracts';
import type { Database } from '@bss/db';
import { handleOnce } from './inbox.ts';
import type { EventBus, EventHandler, SubscriptionSpec } from './types.ts';

/** AMQP topic matching (re-exported from @bss/contracts, where the events doc also uses it). */
export { topicMatches };

/** An in-memory bus; `published` and `parked` are inspectable by tests. */
export interface InMemoryBus extends EventBus {
  readonly published: EventEnvelope[];
  readonly parked: { queue: string; event: EventEnvelope; error: string }[];
}

/** Creates an in-memory bus. Subscriptions need `database` for their inbox. */
export function createInMemoryBus(opts: { database?: Database } = {}): InMemoryBus {
  const subs: { spec: SubscriptionSpec; handler: EventHandler }[] = [];
  const published: EventEnvelope[] = [];
  const parked: InMemoryBus['parked'] = [];
  return {
    published,
    parked,
    async publish(event) {
      published.push(event);
      for (const sub of subs) {
        if (!sub.spec.bindings.some((b) => topicMatches(b, event.eventType))) continue;
        const max = sub.spec.maxAttempts ?? 5;
        for (let attempt = 1; ; attempt++) {
          try {
            await handleOnce(opts.database!, sub.spec.inboxSchema, sub.spec.queue, event, sub.handler);
            break;
          } catch (err) {
            if (attempt >= max) {
              parked.push({ queue: sub.spec.queue, event, error: (err as Error).message });
              break;
            }
          }
        }
      }
    },
    async subscribe(spec, handler) {
      if (!opts.database) throw new Error('createInMemoryBus needs a database to subscribe (inbox)');
      subs.push({ spec, handler });
    },
    connect: async () => true,
    isConnected: () => true,
    async close() {},
  };
}
