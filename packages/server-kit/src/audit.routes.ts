// GET /audit-api/v1/events: read-only view of this service's outbox, which is also its audit trail (scope
// `audit:read`, derived from the path), paged with an opaque cursor (see audit-query.ts). An identity sees only
// its tenant's events: payloads carry its data.
import { AuditEvent, Instant } from '@bss/contracts';
import type { Database } from '@bss/db';
import { ErrorEnvelope } from '@bss/policy';
import { z } from 'zod';
import type { App } from './app.ts';
import { listAuditEvents } from './audit-query.ts';

const Name = (max: number) => z.string().min(1).max(max);

const AuditQuery = z.object({
  aggregateType: Name(100).optional(),
  aggregateId: Name(200).optional(),
  eventType: Name(200).optional(),
  eventTypePrefix: Name(200).optional(),
  traceId: z.string().max(32).regex(/^[0-9a-f]{32}$/).optional(),
  serviceIdentity: Name(100).optional(),
  occurredSince: Instant.optional().describe('Inclusive lower bound of occurredAt'),
  occurredUntil: Instant.optional().describe('Exclusive upper bound of occurredAt'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Page size (1–1000)'),
  cursor: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('Opaque position from a previous page’s nextCursor; filters must stay the same'),
});
const AuditList = z
  .object({
    events: z.array(AuditEvent).describe('Ordered by occurredAt, then storage order'),
    count: z.number().int().describe('Events on this page'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .meta({ id: 'AuditEventList' });

/** Registers the audit API over `<schema>.outbox`. */
export function registerAuditRoutes(app: App, database: Database, schema: string): void {
  app.get(
    '/audit-api/v1/events',
    { schema: { tags: ['Audit'], querystring: AuditQuery, response: { 200: AuditList, 400: ErrorEnvelope } } },
    async (req) => {
      const page = await listAuditEvents(database, schema, req.query, req.ctx.tenant);
      return { events: page.events, count: page.events.length, nextCursor: page.nextCursor };
    },
  );
}
