// Typed consumer handlers: `onEvent(['port_request.approved'], async (tx, event) => …)` gives the handler the
// payload type from the event catalogue and parses the payload against its schema first, so a handler never
// sees a shape its producer did not promise (a mismatch is permanent: it parks after the usual attempts).
import { eventSpec, type EventEnvelope, type EventPayload, type EventType } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { BatchEventHandler, BatchItem, EventHandler } from './types.ts';

/** An envelope whose `eventType` is one of `T` and whose payload is that type's catalogued payload. */
export type TypedEnvelope<T extends EventType> = { [K in T]: Omit<EventEnvelope, 'eventType' | 'payload'> & { eventType: K; payload: EventPayload<K> } }[T];

/** An event this handler was not written for, or whose payload breaks its catalogued schema. */
export class UnexpectedEvent extends Error {
  override readonly name = 'UnexpectedEvent';
}

/** `event` as a `TypedEnvelope<T>`, or UnexpectedEvent when its type is not one of `types` or its payload breaks the catalogue. */
function typed<T extends EventType>(types: readonly T[], accepted: Set<string>, event: EventEnvelope): TypedEnvelope<T> {
  if (!accepted.has(event.eventType)) throw new UnexpectedEvent(`handler for ${types.join(', ')} received ${event.eventType}`);
  const parsed = eventSpec(event.eventType)!.payload.safeParse(event.payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    throw new UnexpectedEvent(`payload of ${event.eventType} ${event.eventId} breaks the event catalogue: ${issues}`);
  }
  return { ...event, payload: parsed.data } as TypedEnvelope<T>;
}

/** Wraps a typed handler for `types` as an `EventHandler` (bind the queue to the same types). */
export function onEvent<T extends EventType>(types: readonly T[], handle: (tx: Tx, event: TypedEnvelope<T>) => Promise<void>): EventHandler {
  const accepted = new Set<string>(types);
  return async (tx, event) => handle(tx, typed(types, accepted, event));
}

/** A batch item whose event is typed (see onEvent). */
export type TypedBatchItem<T extends EventType> = Omit<BatchItem, 'event'> & { event: TypedEnvelope<T> };

/**
 * Wraps a typed batch handler for `types` as a `BatchEventHandler`. Every event is checked first; one that fails
 * fails the batch, which the consumer then handles one message at a time, so only that message fails and parks.
 */
export function onEvents<T extends EventType>(types: readonly T[], handle: (tx: Tx, items: TypedBatchItem<T>[]) => Promise<void>): BatchEventHandler {
  const accepted = new Set<string>(types);
  return async (tx, items) => handle(tx, items.map((i) => ({ event: typed(types, accepted, i.event), within: i.within })));
}
