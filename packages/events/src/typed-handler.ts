// Typed consumer handlers: `onEvent(['port_request.approved'], async (tx, event) => …)` gives the handler the
// payload type from the event catalogue and parses the payload against its schema first, so a handler never
// sees a shape its producer did not promise (a mismatch is permanent: it parks after the usual attempts).
import { eventSpec, type EventEnvelope, type EventPayload, type EventType } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { EventHandler } from './types.ts';

/** An envelope whose `eventType` is one of `T` and whose payload is that type's catalogued payload. */
export type TypedEnvelope<T extends EventType> = { [K in T]: Omit<EventEnvelope, 'eventType' | 'payload'> & { eventType: K; payload: EventPayload<K> } }[T];

/** An event this handler was not written for, or whose payload breaks its catalogued schema. */
export class UnexpectedEvent extends Error {
  override readonly name = 'UnexpectedEvent';
}

/** Wraps a typed handler for `types` as an `EventHandler` (bind the queue to the same types). */
export function onEvent<T extends EventType>(types: readonly T[], handle: (tx: Tx, event: TypedEnvelope<T>) => Promise<void>): EventHandler {
  const accepted = new Set<string>(types);
  return async (tx, event) => {
    if (!accepted.has(event.eventType)) throw new UnexpectedEvent(`handler for ${types.join(', ')} received ${event.eventType}`);
    const parsed = eventSpec(event.eventType)!.payload.safeParse(event.payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
      throw new UnexpectedEvent(`payload of ${event.eventType} ${event.eventId} breaks the event catalogue: ${issues}`);
    }
    await handle(tx, { ...event, payload: parsed.data } as TypedEnvelope<T>);
  };
}
