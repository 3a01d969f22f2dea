// The audit trail: every service's outbox, read through GET /audit-api/v1/events and merged across the fleet.
import type { AuditEvent } from '@bss/contracts';
import { z } from 'zod';
import { table } from '../cards/table.ts';
import { shortTime } from '../cards/text.ts';
import { FLEET } from '../fleet.ts';
import { IsoInstant } from '../fields.ts';
import { defineOperation } from '../operation.ts';

type ServiceEvent = AuditEvent & { service: string };
const names = FLEET.map((m) => m.name) as [string, ...string[]];

export const auditOps = [
  defineOperation({
    name: 'events.list',
    summary: 'The audit trail: domain events of every service (or one), oldest first',
    description:
      'Reads the audit trail (each service\'s outbox) filtered by aggregate, event type prefix, identity or time, merged across the fleet in occurredAt order and cut to `limit`. Each event carries actor, channel, serviceIdentity and traceId: who did what, through which door.',
    kind: 'read',
    destructive: false,
    services: 'fleet',
    input: z.object({
      service: z.enum(names).optional().describe('Only this service (default: every fleet service)'),
      aggregateType: z.string().min(1).max(100).optional().describe('e.g. customer, case, port_request'),
      aggregateId: z.string().min(1).max(200).optional().describe('e.g. CUST-…'),
      eventTypePrefix: z.string().min(1).max(200).optional().describe('e.g. customer. or case.closed'),
      serviceIdentity: z.string().min(1).max(100).optional().describe('Perimeter identity that made the write, e.g. default'),
      since: IsoInstant.optional().describe('Inclusive lower bound of occurredAt'),
      limit: z.coerce.number().int().min(1).max(1000).default(50).describe('How many (default 50)'),
    }),
    async run(c, { service, since, limit, ...filters }): Promise<ServiceEvent[]> {
      const query = { ...filters, ...(since ? { occurredSince: since } : {}), limit };
      const pages = await Promise.all(
        c.admin.filter((a) => !service || a.service === service).map(async (a) => (await a.client.listAuditEvents(query)).events.map((e) => ({ service: a.service, ...e }))),
      );
      return pages
        .flat()
        .sort((x, y) => x.occurredAt.localeCompare(y.occurredAt))
        .slice(0, limit);
    },
    render: (rows, { width }) =>
      table(
        'Events',
        [
          { header: 'When', cell: (e: ServiceEvent) => shortTime(e.occurredAt), width: 16 },
          { header: 'Service', cell: (e) => e.service, width: 8 },
          { header: 'Event', cell: (e) => e.eventType, width: 28 },
          { header: 'By', cell: (e) => `${e.actor}/${e.channel}`, width: 22 },
          { header: 'Aggregate', cell: (e) => e.aggregateId },
        ],
        rows,
        width,
      ),
    cli: { command: ['events', 'list'], example: 'bss events list --aggregate-id CUST-01JZ8Q3V9KX2M7 --event-type-prefix customer.' },
  }),
];
