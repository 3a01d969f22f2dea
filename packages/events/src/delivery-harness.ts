// A test harness for consumers: delivers a list of events the way the broker may — shuffled (seeded, so a
// failure is reproducible), some of them more than once, several at a time (like prefetch), a failed delivery
// going to the back of the queue (like a retry) — through the real inbox and transaction path (`handleOnce`).
// A consumer whose outcome depends on delivery order shows it here: run several seeds, compare the end state.
import type { EventEnvelope } from '@bss/contracts';
import type { Database } from '@bss/db';
import { handleOnce } from './inbox.ts';
import type { EventHandler } from './types.ts';

/** What to deliver, to whom, and how adversarially. */
export interface ShuffledDeliveryOptions {
  database: Database;
  inboxSchema: string;
  /** The consumer's queue name (its inbox key). */
  consumer: string;
  handler: EventHandler;
  events: EventEnvelope[];
  /** Seed of the shuffle and of which events are duplicated. */
  seed: number;
  /** Share of the events delivered a second time (default 0.5). */
  duplicateRate?: number;
  /** Deliveries in flight at once (default 5; the bus allows 20). */
  concurrency?: number;
  /** Deliveries of one copy before it counts as failed (default 5). */
  maxAttempts?: number;
}

/** What happened: every delivery made, and the copies that never succeeded. */
export interface ShuffledDeliveryReport {
  /** Event ids in the order deliveries started (retries included). */
  order: string[];
  handled: number;
  duplicates: number;
  retries: number;
  failed: { eventId: string; error: string }[];
}

/** mulberry32: a tiny seeded PRNG, enough for reproducible shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Delivers `events` shuffled and partly duplicated through `handleOnce`; resolves when every copy is settled. */
export async function deliverShuffled(opts: ShuffledDeliveryOptions): Promise<ShuffledDeliveryReport> {
  const random = seededRandom(opts.seed);
  const copies = [...opts.events, ...opts.events.filter(() => random() < (opts.duplicateRate ?? 0.5))];
  for (let i = copies.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copies[i], copies[j]] = [copies[j]!, copies[i]!];
  }
  const queue = copies.map((event) => ({ event, attempt: 1 }));
  const report: ShuffledDeliveryReport = { order: [], handled: 0, duplicates: 0, retries: 0, failed: [] };
  const maxAttempts = opts.maxAttempts ?? 5;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      report.order.push(next.event.eventId);
      try {
        const outcome = await handleOnce(opts.database, opts.inboxSchema, opts.consumer, next.event, opts.handler);
        if (outcome === 'handled') report.handled++;
        else report.duplicates++;
      } catch (err) {
        if (next.attempt >= maxAttempts) report.failed.push({ eventId: next.event.eventId, error: (err as Error).message });
        else {
          report.retries++;
          queue.push({ event: next.event, attempt: next.attempt + 1 });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 5 }, worker));
  return report;
}
