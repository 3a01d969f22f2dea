// Staging against the event catalogue, on real Postgres: an uncatalogued type or a payload that does not match
// its schema throws and rolls the write back; a staged event carries its correlation (the flow) and causation
// (the event being handled), which a consumer passes on to what it stages without threading them by hand.
import { frozenClock } from '@bss/clock';
import { eventSpec } from '@bss/contracts';
import type { TestDatabase } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox, handleOnce, UncataloguedEvent, type EventHandler } from '../src/index.ts';
import { databaseWithSchema } from './support.ts';

const SCHEMA = 'catalogued_test';
const outbox = createOutbox(SCHEMA, frozenClock('2026-06-01T00:00:00Z'), { catalog: eventSpec });
let db: TestDatabase;

const retired = (offeringId: string) => ({
  eventType: 'catalog.offering.retired' as const,
  aggregateType: 'product_offering',
  aggregateId: offeringId,
  payload: { offeringId, validTo: '2026-07-01T00:00:00.000Z' },
});

async function outboxRows(aggregateId: string) {
  const res = await db.db.execute<{ event_id: string; correlation_id: string | null; causation_id: string | null }>(
    sql`SELECT event_id, correlation_id, causation_id FROM catalogued_test.outbox WHERE aggregate_id = ${aggregateId} ORDER BY id`,
  );
  return res.rows;
}

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
});
afterAll(async () => {
  await db?.drop();
});

describe('outbox staging against the event catalogue', () => {
  it('refuses an uncatalogued event type and rolls the write back', async () => {
    await expect(
      db.db.transaction((tx) => outbox.stage(tx, { eventType: 'widget.created', aggregateType: 'widget', aggregateId: 'U-1', payload: {} })),
    ).rejects.toThrow(new UncataloguedEvent('event type widget.created is not in the event catalogue'));
    expect(await outboxRows('U-1')).toEqual([]);
  });

  it('refuses a payload that does not match its schema, naming each bad field', async () => {
    const bad = { ...retired('U-2'), payload: { offeringId: 7, extra: true } as unknown as { offeringId: string; validTo: string } };
    const err = await db.db.transaction((tx) => outbox.stage(tx, bad)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UncataloguedEvent);
    expect(String((err as Error).message)).toMatch(/^payload of catalog\.offering\.retired does not match the event catalogue: /);
    expect(String((err as Error).message)).toContain('offeringId');
    expect(String((err as Error).message)).toContain('validTo');
    expect(String((err as Error).message)).toContain('extra');
    expect(await outboxRows('U-2')).toEqual([]);
  });

  it("stamps a direct write's event with its own aggregate as correlation and no causation", async () => {
    const staged = await db.db.transaction((tx) => outbox.stage(tx, retired('OFF-1')));
    expect(staged).toMatchObject({ correlationId: 'OFF-1', causationId: null, schemaVersion: 1 });
    expect(await outboxRows('OFF-1')).toEqual([{ event_id: staged.eventId, correlation_id: 'OFF-1', causation_id: null }]);
  });

  it('carries the handled event forward: staged events continue its correlation and name it as their cause', async () => {
    const cause = await db.db.transaction((tx) => outbox.stage(tx, { ...retired('OFF-2'), correlationId: 'ORD-42' }));
    expect(cause.correlationId).toBe('ORD-42');
    const handler: EventHandler = async (tx) => {
      await outbox.stage(tx, retired('OFF-3'));
    };
    expect(await handleOnce(db, SCHEMA, 'catalogued.consumer', cause, handler)).toBe('handled');
    expect(await outboxRows('OFF-3')).toEqual([{ event_id: expect.any(String), correlation_id: 'ORD-42', causation_id: cause.eventId }]);
  });
});
