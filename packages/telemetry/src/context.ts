// Per-request context (actor, channel, request id, service identity, trace) carried through async calls
// with AsyncLocalStorage, so event staging and outbound clients pick it up without threading it by hand.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Who is asking, through which surface, and under which trace. */
export interface RequestContext {
  requestId: string;
  /** Human or agent identity (`X-BSS-Actor`): attribution only, never used to authorize. */
  actor: string;
  /** Originating surface (`X-BSS-Channel`): cli, llm, portal-self-serve, portal-csr, scenario, system. */
  channel: string;
  /** The tenant whose rows the request reads and writes: fixed by the perimeter identity, never by the caller. */
  tenant: string;
  /** Identity resolved from the perimeter token (never from a caller-asserted header). */
  serviceIdentity: string;
  /** W3C trace id (32 hex) and the traceparent to propagate downstream. */
  traceId: string;
  traceparent: string;
  /** Business flow of the events staged in this context (set by consumers from the handled event). */
  correlationId?: string;
  /** eventId of the event being handled, recorded as the causation of every event staged meanwhile. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Context for work that no request started (workers, consumers): the service itself, identity `system`. */
export function systemContext(overrides: Partial<RequestContext> = {}): RequestContext {
  const traceparent = overrides.traceparent ?? newTraceparent();
  return {
    requestId: randomUUID(),
    actor: 'system',
    channel: 'system',
    tenant: 'DEFAULT',
    serviceIdentity: 'system',
    traceId: traceIdOf(traceparent),
    traceparent,
    ...overrides,
  };
}

/** The current request's context, or a fresh system context outside any request. */
export function currentContext(): RequestContext {
  return storage.getStore() ?? systemContext();
}

/** Runs `fn` with `ctx` as the current context. */
export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A valid W3C traceparent, or undefined. */
export function parseTraceparent(value: string | undefined): { traceId: string; spanId: string; flags: string } | undefined {
  const m = value ? TRACEPARENT.exec(value.trim()) : null;
  if (!m || /^0+$/.test(m[1]!) || /^0+$/.test(m[2]!)) return undefined;
  return { traceId: m[1]!, spanId: m[2]!, flags: m[3]! };
}

const hex = (bytes: number) => randomUUID().replaceAll('-', '').slice(0, bytes * 2);

/** A new root traceparent (sampled). */
export function newTraceparent(traceId: string = hex(16)): string {
  return `00-${traceId}-${hex(8)}-01`;
}

/** The trace id inside a traceparent. */
export function traceIdOf(traceparent: string): string {
  return parseTraceparent(traceparent)?.traceId ?? traceparent.split('-')[1] ?? '';
}
