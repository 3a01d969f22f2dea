// Admin replay routes under /admin-api/v1/events: parked messages of this service's consumer queues (list,
// requeue all or one) and re-publishing of its outbox rows. Admin scope, and gated by BSS_ALLOW_ADMIN_RESET
// like every other admin route; each action is audited as an `admin.events.*` event.
import { EventEnvelope, Instant } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { z } from 'zod';
import type { App } from './app.ts';
import { REPUBLISH_MAX, type ReplayService } from './replay.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route requires (enforced by the perimeter once scopes land). */
    scope?: string;
  }
}

// 100 characters: Fastify's router refuses longer path parameters anyway (maxParamLength).
const QueueName = z.string().max(100).regex(/^[A-Za-z0-9_.:-]{1,100}$/).describe('A consumer queue of this service');
const MessageId = z.string().max(100).regex(/^[A-Za-z0-9_.:-]{1,100}$/).describe('The parked message’s id (= eventId)');

const ParkedQuery = z.object({
  queue: QueueName.optional().describe('Only this queue; default every queue this service consumes'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Messages listed per queue (1–500)'),
});
const ParkedMessageView = z.object({
  eventId: z.string().nullable(),
  eventType: z.string().nullable(),
  attempts: z.number().int().nullable().describe('Delivery attempts before it was parked'),
  reason: z.string().nullable().describe('Why it was parked'),
  requeues: z.number().int().describe('Times an operator requeued it before'),
  event: EventEnvelope.nullable().describe('The envelope; null when the body is unreadable'),
});
const ParkedList = z
  .object({
    queues: z.array(z.object({ queue: z.string(), count: z.number().int().describe('Parked messages in all'), messages: z.array(ParkedMessageView) })),
  })
  .meta({ id: 'ParkedMessageList' });
const RequeueResult = z
  .object({
    queue: z.string(),
    requeued: z.number().int(),
    eventIds: z.array(z.string().nullable()),
    remaining: z.number().int().describe('Still parked; call again to move more'),
  })
  .meta({ id: 'RequeueResult' });

const RepublishBody = z
  .union([
    z.strictObject({ eventIds: z.array(z.uuid().max(36)).min(1).max(1000).describe('Outbox event ids (1–1000)') }),
    z
      .strictObject({
        from: Instant.describe('Inclusive lower bound of occurredAt'),
        to: Instant.describe(`Exclusive upper bound of occurredAt; the range may hold at most ${REPUBLISH_MAX} events`),
      })
      .refine((b) => Date.parse(b.from) < Date.parse(b.to), { message: 'must be after from', path: ['to'] }),
  ])
  .meta({ id: 'RepublishRequest' });
const RepublishResult = z
  .object({
    republished: z.number().int().describe('Rows handed back to the relay'),
    alreadyPending: z.number().int().describe('Selected rows that were not yet published (left as they were)'),
    eventIds: z.array(z.string()),
  })
  .meta({ id: 'RepublishResult' });

/** Registers the replay routes with the service's replay operations. */
/** Registers the replay routes; the perimeter admits them only with the `admin` scope and BSS_ALLOW_ADMIN_RESET. */
export function registerReplayRoutes(app: App, replay: ReplayService): void {
  const admin = { scope: 'admin' };
  const errors = { 400: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 503: ErrorEnvelope };

  app.get(
    '/admin-api/v1/events/parked',
    { config: admin, schema: { tags: ['Admin'], querystring: ParkedQuery, response: { 200: ParkedList, ...errors } } },
    async (req) => {
      return replay.listParked(req.query.queue, req.query.limit);
    },
  );
  app.post(
    '/admin-api/v1/events/parked/:queue/requeue',
    { config: admin, schema: { tags: ['Admin'], params: z.object({ queue: QueueName }), response: { 200: RequeueResult, ...errors } } },
    async (req) => {
      return replay.requeue(req.params.queue);
    },
  );
  app.post(
    '/admin-api/v1/events/parked/:queue/requeue/:eventId',
    {
      config: admin,
      schema: { tags: ['Admin'], params: z.object({ queue: QueueName, eventId: MessageId }), response: { 200: RequeueResult, ...errors } },
    },
    async (req) => {
      return replay.requeue(req.params.queue, req.params.eventId);
    },
  );
  app.post(
    '/admin-api/v1/events/republish',
    { config: admin, schema: { tags: ['Admin'], body: RepublishBody, response: { 200: RepublishResult, 422: ErrorEnvelope, ...errors } } },
    async (req) => {
      const b = req.body;
      return replay.republish('eventIds' in b ? { eventIds: b.eventIds } : { from: new Date(b.from), to: new Date(b.to) });
    },
  );
}
