// GET /audit-api/v1/events: read-only view of this service's outbox, which is also its audit trail (scope
// `audit:read`, derived from the path). An identity sees only its tenant's events: payloads carry its data.
import { AuditEvent } from '@bss/contracts';
import type { Database } from '@bss/db';
import { outboxRowToEnvelope, type OutboxRow } from '@bss/events';
import { ErrorEnvelope } from '@bss/policy';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from './app.ts';

const AuditQuery = z.object({
  aggregateType: z.string().optional(),
  aggregateId: z.string().optional(),
  eventType: z.string().optional(),
  eventTypePrefix: z.string().optional(),
  traceId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  serviceIdentity: z.string().optional(),
  occurredSince: z.iso.datetime({ offset: true }).optional(),
  occurredUntil: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const AuditList = z.object({ events: z.array(AuditEvent), count: z.number().int() }).meta({ id: 'AuditEventList' });

type Row = OutboxRow & { published_at: Date | null; publish_attempts: number };

/** Registers the audit API over `<schema>.outbox`. */
export function registerAuditRoutes(app: App, database: Database, schema: string): void {
  const table = sql.raw(`${schema}.outbox`);
  app.get('/audit-api/v1/events', { schema: { tags: ['Audit'], querystring: AuditQuery, response: { 200: AuditList, 400: ErrorEnvelope } } }, async (req) => {
    const q = req.query;
    const where: SQL[] = [sql`tenant_id = ${req.ctx.tenant}`];
    if (q.aggregateType) where.push(sql`aggregate_type = ${q.aggregateType}`);
    if (q.aggregateId) where.push(sql`aggregate_id = ${q.aggregateId}`);
    if (q.eventType) where.push(sql`event_type = ${q.eventType}`);
    if (q.eventTypePrefix) where.push(sql`starts_with(event_type, ${q.eventTypePrefix})`);
    if (q.traceId) where.push(sql`trace_id = ${q.traceId}`);
    if (q.serviceIdentity) where.push(sql`service_identity = ${q.serviceIdentity}`);
    if (q.occurredSince) where.push(sql`occurred_at >= ${q.occurredSince}`);
    if (q.occurredUntil) where.push(sql`occurred_at < ${q.occurredUntil}`);
    const result = await database.db.execute<Row>(
      sql`SELECT * FROM ${table} WHERE ${sql.join(where, sql` AND `)} ORDER BY occurred_at, id LIMIT ${q.limit}`,
    );
    const events = result.rows.map((r) => ({
      ...outboxRowToEnvelope(r),
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      publishAttempts: r.publish_attempts,
    }));
    return { events, count: events.length };
  });
}
