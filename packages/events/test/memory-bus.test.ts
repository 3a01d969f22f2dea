// The in-memory bus against real Postgres (its subscriptions use the same inbox): delivery by binding,
// dedupe of a redelivered event, and parking after maxAttempts.
import type { TestDatabase } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInMemoryBus, type EventHandler } from '../src/index.ts';
import { databaseWithSchema, envelope } from './support.ts';

const SCHEMA = 'membus_test';
let db: TestDatabase;

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
});
afterAll(async () => {
  await db?.drop();
});

const recorder = (fail = false) => {
  const seen: string[] = [];
  const handler: EventHandler = async (_tx, event) => {
    seen.push(event.eventId);
    if (fail) throw new Error(`cannot handle ${event.eventType}`);
  };
  return { seen, handler };
};

describe('InMemoryBus', () => {
  it('delivers to every subscription whose binding matches, and records what was published', async () => {
    const bus = createInMemoryBus({ database: db });
    const orders = recorder();
    const all = recorder();
    const other = recorder();
    await bus.subscribe({ queue: 'm.orders', bindings: ['order.*'], inboxSchema: SCHEMA }, orders.handler);
    await bus.subscribe({ queue: 'm.all', bindings: ['#'], inboxSchema: SCHEMA }, all.handler);
    await bus.subscribe({ queue: 'm.other', bindings: ['case.opened'], inboxSchema: SCHEMA }, other.handler);
    const event = envelope({ eventType: 'order.completed' });
    await bus.publish(event);
    expect(orders.seen).toEqual([event.eventId]);
    expect(all.seen).toEqual([event.eventId]);
    expect(other.seen).toEqual([]);
    expect(bus.published).toEqual([event]);
    expect(bus.isConnected()).toBe(true);
  });

  it('handles an event published twice only once per consumer', async () => {
    const bus = createInMemoryBus({ database: db });
    const h = recorder();
    await bus.subscribe({ queue: 'm.dedupe', bindings: ['order.*'], inboxSchema: SCHEMA }, h.handler);
    const event = envelope({ eventType: 'order.completed' });
    await bus.publish(event);
    await bus.publish(event);
    expect(h.seen).toEqual([event.eventId]);
    const inbox = await db.db.execute(sql`SELECT consumer FROM membus_test.inbox WHERE event_id = ${event.eventId}`);
    expect(inbox.rows).toEqual([{ consumer: 'm.dedupe' }]);
  });

  it('parks an event after maxAttempts failures and leaves no inbox row', async () => {
    const bus = createInMemoryBus({ database: db });
    const h = recorder(true);
    await bus.subscribe({ queue: 'm.park', bindings: ['order.*'], inboxSchema: SCHEMA, maxAttempts: 3 }, h.handler);
    const event = envelope({ eventType: 'order.failed' });
    await bus.publish(event);
    expect(h.seen).toHaveLength(3);
    expect(bus.parked).toEqual([{ queue: 'm.park', event, error: 'cannot handle order.failed' }]);
    const inbox = await db.db.execute(sql`SELECT 1 FROM membus_test.inbox WHERE event_id = ${event.eventId}`);
    expect(inbox.rows).toEqual([]);
  });

  it('peeks and requeues parked events like the AMQP bus: to the failing subscription only, handled once', async () => {
    const bus = createInMemoryBus({ database: db });
    let broken = true;
    const seen: string[] = [];
    const other = recorder();
    await bus.subscribe({ queue: 'm.fix', bindings: ['order.*'], inboxSchema: SCHEMA, maxAttempts: 2 }, async (_tx, e) => {
      seen.push(e.eventId);
      if (broken) throw new Error('not yet');
    });
    await bus.subscribe({ queue: 'm.fix-other', bindings: ['order.*'], inboxSchema: SCHEMA }, other.handler);
    const [a, b] = [envelope({ eventType: 'order.x' }), envelope({ eventType: 'order.x' })];
    await bus.publish(a);
    await bus.publish(b);
    expect(bus.subscribedQueues()).toEqual(['m.fix', 'm.fix-other']);
    const peeked = await bus.parkedMessages.peek('m.fix', 10);
    expect(peeked.count).toBe(2);
    expect(peeked.messages.map((m) => [m.messageId, m.reason])).toEqual([[a.eventId, 'not yet'], [b.eventId, 'not yet']]);
    expect((await bus.parkedMessages.peek('m.fix', 10)).count).toBe(2);

    broken = false;
    expect(await bus.parkedMessages.requeueOne('m.fix', b.eventId, 100)).toEqual({ requeued: [b.eventId], remaining: 1 });
    expect(await bus.parkedMessages.requeueAll('m.fix', 100)).toEqual({ requeued: [a.eventId], remaining: 0 });
    expect(seen).toEqual([a.eventId, a.eventId, b.eventId, b.eventId, b.eventId, a.eventId]);
    expect(other.seen).toEqual([a.eventId, b.eventId]);
  });

  it('refuses to subscribe without a database for the inbox', async () => {
    await expect(createInMemoryBus().subscribe({ queue: 'q', bindings: ['#'], inboxSchema: SCHEMA }, recorder().handler)).rejects.toThrow(/needs a database/);
  });
});
