// POST /admin-api/v1/reset-operational-data: clears a service's operational data for scenarios, in one
// transaction that also records an `admin.operational_data_reset` event. Needs the `admin` scope and BSS_ALLOW_ADMIN_RESET
// (both enforced by the perimeter).
import type { Clock } from '@bss/clock';
import type { Database, Tx } from '@bss/db';
import type { Outbox } from '@bss/events';
import { ErrorEnvelope } from '@bss/policy';
import { z } from 'zod';
import type { App } from './app.ts';

/** What a service's reset did to one schema. */
export interface ResetReport {
  schema: string;
  truncated: string[];
  updated: string[];
}

const ResetResult = z
  .object({
    service: z.string(),
    schemas: z.array(z.object({ schema: z.string(), truncated: z.array(z.string()), updated: z.array(z.string()) })),
    resetAt: z.string(),
  })
  .meta({ id: 'ResetResult' });

/** Registers the reset endpoint with the service's own `reset(tx)`. */
export function registerResetRoute(
  app: App,
  opts: { service: string; database: Database; outbox: Outbox; clock: Clock; reset: (tx: Tx) => Promise<ResetReport[]> },
): void {
  app.post(
    '/admin-api/v1/reset-operational-data',
    { config: { scope: 'admin' }, schema: { tags: ['Admin'], response: { 200: ResetResult, 403: ErrorEnvelope } } },
    async () => {
      return opts.database.db.transaction(async (tx) => {
        const schemas = await opts.reset(tx);
        await opts.outbox.stage(tx, {
          eventType: 'admin.operational_data_reset',
          aggregateType: 'service',
          aggregateId: opts.service,
          payload: { service: opts.service, schemas: schemas.map((s) => s.schema) },
        });
        return { service: opts.service, schemas, resetAt: opts.clock.now().toISOString() };
      });
    },
  );
}
