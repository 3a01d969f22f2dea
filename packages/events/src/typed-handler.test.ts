// Unit tests of typed handlers: the payload arrives parsed and typed; another event type or a payload that
// breaks the catalogue is refused before the handler runs (a permanent failure).
import type { Tx } from '@bss/db';
import { describe, expect, it } from 'vitest';
import { isTransient } from './failure.ts';
import { onEvent, UnexpectedEvent } from './typed-handler.ts';

const tx = {} as Tx; // the wrapper never touches the transaction itself
const base = {
  eventId: '6f1c2a8e-8d0e-4a4b-9a43-0c6d7f1b2e3a',
  aggregateType: 'product_offering',
  aggregateId: 'PLAN_M',
  occurredAt: '2026-06-01T00:00:00.000Z',
  actor: 'a',
  channel: 'cli',
  tenant: 'DEFAULT',
  serviceIdentity: 'default',
  requestId: null,
  traceId: null,
  schemaVersion: 1,
};

describe('onEvent', () => {
  it('hands the handler the typed payload', async () => {
    const seen: (string | null)[] = [];
    const handler = onEvent(['catalog.offering.retired'], async (_tx, event) => {
      seen.push(event.payload.validTo);
    });
    await handler(tx, { ...base, eventType: 'catalog.offering.retired', payload: { offeringId: 'PLAN_M', validTo: '2026-07-01T00:00:00.000Z' } });
    expect(seen).toEqual(['2026-07-01T00:00:00.000Z']);
  });

  it('refuses another event type and a payload that breaks the catalogue, as permanent failures', async () => {
    const handler = onEvent(['catalog.offering.retired'], async () => {});
    const wrongType = await handler(tx, { ...base, eventType: 'catalog.offering.added', payload: {} }).catch((e: unknown) => e);
    expect(wrongType).toEqual(new UnexpectedEvent('handler for catalog.offering.retired received catalog.offering.added'));
    const badPayload = await handler(tx, { ...base, eventType: 'catalog.offering.retired', payload: { offeringId: 1 } }).catch((e: unknown) => e);
    expect(badPayload).toBeInstanceOf(UnexpectedEvent);
    expect((badPayload as Error).message).toMatch(/breaks the event catalogue: offeringId: .*; validTo: /);
    expect(isTransient(badPayload)).toBe(false);
  });
});
