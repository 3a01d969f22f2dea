// Operator recovery of the event plane without psql: list and requeue parked messages of this service's
// consumer queues, and re-publish rows of its outbox. Every action is recorded as an admin event in the
// outbox (the audit trail), staged in its own transaction once the broker or database work is done.
import type { Clock } from '@bss/clock';
import { EventEnvelope } from '@bss/contracts';
import type { Database } from '@bss/db';
import {
  BrokerUnavailable,
  countRange,
  resetPublished,
  selectForRepublish,
  type EventBus,
  type Outbox,
  type ParkedMessage,
  type RepublishSelection,
} from '@bss/events';
import { DownstreamUnavailable, NotFound, PolicyViolation } from '@bss/policy';

/** Most messages one requeue-all call moves; `remaining` tells the operator to call again. */
export const REQUEUE_MAX = 10_000;
/** Most outbox rows one republish call resets (an id list is bounded by its schema instead). */
export const REPUBLISH_MAX = 10_000;
/** Ids listed in an admin audit event; the count is always complete. */
const AUDITED_IDS = 1000;
const DAY_MS = 86_400_000;

/** What the replay operations need. */
export interface ReplayDeps {
  service: string;
  database: Database;
  outbox: Outbox;
  bus: EventBus;
  clock: Clock;
  /** Consumers' dedupe memory: rows older than this (by occurred_at) may not be re-published; 0 = no limit. */
  inboxRetentionDays: number;
}

/** A parked message on the wire. */
export interface ParkedView {
  eventId: string | null;
  eventType: string | null;
  attempts: number | null;
  reason: string | null;
  requeues: number;
  event: EventEnvelope | null;
}

function view(m: ParkedMessage): ParkedView {
  let event: EventEnvelope | null = null;
  try {
    event = EventEnvelope.parse(JSON.parse(m.body.toString('utf8')));
  } catch {
    event = null; // unreadable bodies are parked for exactly that reason; the reason says why
  }
  return { eventId: m.messageId, eventType: m.eventType, attempts: m.attempts, reason: m.reason, requeues: m.requeues, event };
}

/** Creates the replay operations of one service. */
export function createReplayService(deps: ReplayDeps) {
  const { database, outbox, bus, clock } = deps;

  const owned = (queue: string) => {
    if (!bus.subscribedQueues().includes(queue)) {
      throw new NotFound('queue', queue, { subscribedQueues: bus.subscribedQueues() }, {
        reason: 'events.queue.not_subscribed',
        message: `queue ${queue} is not consumed by ${deps.service}`,
      });
    }
  };

  async function viaBroker<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof BrokerUnavailable) throw new DownstreamUnavailable('events.broker.unavailable', 'the message broker is not reachable');
      throw err;
    }
  }

  const audit = (eventType: string, aggregateType: string, aggregateId: string, payload: Record<string, unknown>) =>
    database.db.transaction((tx) => outbox.stage(tx, { eventType, aggregateType, aggregateId, payload }));

  return {
    /** Parked messages of one owned queue, or of every queue this service consumes. */
    async listParked(queue: string | undefined, limit: number) {
      if (queue) owned(queue);
      const queues = queue ? [queue] : bus.subscribedQueues();
      const out = [];
      for (const q of queues) {
        const { count, messages } = await viaBroker(() => bus.parkedMessages.peek(q, limit));
        out.push({ queue: q, count, messages: messages.map(view) });
      }
      return { queues: out };
    },

    /** Moves parked messages of `queue` (all, or those with `eventId`) back to it, attempts reset. */
    async requeue(queue: string, eventId?: string) {
      owned(queue);
      const result = await viaBroker(() =>
        eventId ? bus.parkedMessages.requeueOne(queue, eventId, REQUEUE_MAX) : bus.parkedMessages.requeueAll(queue, REQUEUE_MAX),
      );
      if (eventId && result.requeued.length === 0) {
        throw new NotFound('parkedMessage', eventId, { queue }, {
          reason: 'events.parked.not_found',
          message: `no message ${eventId} is parked in ${queue}`,
        });
      }
      // Audited even when nothing was parked: the trail shows the operator acted, and found nothing.
      await audit('admin.events.requeued', 'queue', queue, {
        queue,
        mode: eventId ? 'one' : 'all',
        count: result.requeued.length,
        eventIds: result.requeued.slice(0, AUDITED_IDS),
      });
      return { queue, requeued: result.requeued.length, eventIds: result.requeued, remaining: result.remaining };
    },

    /**
     * Clears the published stamp of the selected outbox rows so the relay sends them again. All or nothing:
     * an unknown id, a range over REPUBLISH_MAX rows or a row past the consumers' dedupe window refuses the
     * whole request.
     */
    async republish(selection: RepublishSelection) {
      const schema = outbox.schema;
      return database.db.transaction(async (tx) => {
        if ('from' in selection) {
          const n = await countRange(tx, schema, selection.from, selection.to, REPUBLISH_MAX + 1);
          if (n > REPUBLISH_MAX) {
            throw new PolicyViolation('events.republish.range_too_large', `the range holds more than ${REPUBLISH_MAX} events; narrow it`, {
              max: REPUBLISH_MAX,
              from: selection.from.toISOString(),
              to: selection.to.toISOString(),
            });
          }
        }
        const rows = await selectForRepublish(tx, schema, selection, REPUBLISH_MAX);
        if ('eventIds' in selection) {
          const found = new Set(rows.map((r) => r.eventId));
          const unknown = [...new Set(selection.eventIds)].filter((id) => !found.has(id));
          if (unknown.length) {
            throw new PolicyViolation('events.republish.unknown_event', `${unknown.length} event id(s) are not in ${deps.service}'s outbox`, {
              unknownEventIds: unknown.slice(0, 50),
            });
          }
        }
        if (deps.inboxRetentionDays > 0) {
          // Consumers forget handled events after the inbox retention; a copy older than that would be
          // handled a second time, so it is refused rather than re-sent.
          const oldest = new Date(clock.now().getTime() - deps.inboxRetentionDays * DAY_MS);
          const stale = rows.filter((r) => r.occurredAt < oldest);
          if (stale.length) {
            throw new PolicyViolation(
              'events.republish.outside_dedupe_window',
              `${stale.length} event(s) are older than the consumers' dedupe window (${deps.inboxRetentionDays} days)`,
              { oldestAllowed: oldest.toISOString(), eventIds: stale.slice(0, 50).map((r) => r.eventId) },
            );
          }
        }
        const reset = await resetPublished(tx, schema, rows.filter((r) => r.published).map((r) => r.eventId));
        await outbox.stage(tx, {
          eventType: 'admin.events.republished',
          aggregateType: 'outbox',
          aggregateId: schema,
          payload: {
            ...('from' in selection ? { from: selection.from.toISOString(), to: selection.to.toISOString() } : {}),
            count: reset.length,
            alreadyPending: rows.length - reset.length,
            eventIds: reset.slice(0, AUDITED_IDS),
          },
        });
        return { republished: reset.length, alreadyPending: rows.length - reset.length, eventIds: reset };
      });
    },
  };
}

/** The replay operations of one service. */
export type ReplayService = ReturnType<typeof createReplayService>;
