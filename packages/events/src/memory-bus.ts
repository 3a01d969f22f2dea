// An in-memory EventBus for unit and API tests: publish delivers synchronously to matching subscriptions,
// with the same inbox, retry and park semantics as the AMQP bus but without delays or a broker.
import { topicMatches, type EventEnvelope } from '@bss/contracts';
import type { Database } from '@bss/db';
import { handleOnce } from './inbox.ts';
import type { ParkedMessages, RequeueResult } from './parked.ts';
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

  async function deliver(sub: { spec: SubscriptionSpec; handler: EventHandler }, event: EventEnvelope): Promise<void> {
    const max = sub.spec.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await handleOnce(opts.database!, sub.spec.inboxSchema, sub.spec.queue, event, sub.handler);
        return;
      } catch (err) {
        if (attempt >= max) {
          parked.push({ queue: sub.spec.queue, event, error: (err as Error).message });
          return;
        }
      }
    }
  }

  /** Takes the parked entries of `queue` that `pick` selects (at most `max`) and delivers them again. */
  async function requeue(queue: string, pick: (e: EventEnvelope) => boolean, max: number): Promise<RequeueResult> {
    const sub = subs.find((s) => s.spec.queue === queue);
    const taken = parked.filter((p) => p.queue === queue && pick(p.event)).slice(0, max);
    for (const t of taken) parked.splice(parked.indexOf(t), 1);
    for (const t of taken) if (sub) await deliver(sub, t.event);
    return { requeued: taken.map((t) => t.event.eventId), remaining: parked.filter((p) => p.queue === queue).length };
  }

  const parkedMessages: ParkedMessages = {
    async peek(queue, limit) {
      const mine = parked.filter((p) => p.queue === queue);
      const messages = mine.slice(0, limit).map((p) => ({
        messageId: p.event.eventId,
        eventType: p.event.eventType,
        attempts: subs.find((s) => s.spec.queue === queue)?.spec.maxAttempts ?? 5,
        reason: p.error,
        requeues: 0,
        body: Buffer.from(JSON.stringify(p.event)),
      }));
      return { count: mine.length, messages };
    },
    requeueAll: (queue, max) => requeue(queue, () => true, max),
    requeueOne: (queue, messageId, scanLimit) => requeue(queue, (e) => e.eventId === messageId, scanLimit),
  };

  return {
    published,
    parked,
    async publish(event) {
      published.push(event);
      for (const sub of subs) {
        if (sub.spec.bindings.some((b) => topicMatches(b, event.eventType))) await deliver(sub, event);
      }
    },
    async subscribe(spec, handler) {
      if (!opts.database) throw new Error('createInMemoryBus needs a database to subscribe (inbox)');
      subs.push({ spec, handler });
    },
    connect: async () => true,
    isConnected: () => true,
    subscribedQueues: () => subs.map((s) => s.spec.queue),
    parkedMessages,
    async close() {},
  };
}
