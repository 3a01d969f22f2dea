// Typed client of the platform API every service hosts (/admin-api/v1/clock/*, reset-operational-data, and the
// /audit-api/v1/events trail): what the CLI and the scenario runner use to freeze and advance business time, start
// from clean operational data and read who did what.
import { AuditEvent } from '@bss/contracts';
import { z } from 'zod';
import { createHttpClient, type ClientOptions } from './http-client.ts';

/** A service's clock as served by /admin-api/v1/clock/*. */
export const ClockState = z.object({
  mode: z.enum(['wall', 'frozen']),
  now: z.string(),
  offsetSeconds: z.number(),
  frozenAt: z.string().nullable(),
});
export type ClockState = z.infer<typeof ClockState>;

/** What one service's reset cleared. */
export const ResetResult = z.object({
  service: z.string(),
  schemas: z.array(z.object({ schema: z.string(), truncated: z.array(z.string()), updated: z.array(z.string()) })),
  resetAt: z.string(),
});
export type ResetResult = z.infer<typeof ResetResult>;

/** A page of a service's audit trail (its outbox), oldest first. */
export const AuditPage = z.object({ events: z.array(AuditEvent), count: z.number().int(), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** Filters of GET /audit-api/v1/events. */
export interface AuditQuery {
  aggregateType?: string;
  aggregateId?: string;
  eventType?: string;
  eventTypePrefix?: string;
  serviceIdentity?: string;
  occurredSince?: string;
  occurredUntil?: string;
  limit?: number;
  cursor?: string;
}

const CLOCK = '/admin-api/v1/clock';

/** Creates the admin client of one service (`service` names it in errors). Moves need the `admin` scope. */
export function createAdminClient(service: string, opts: ClientOptions) {
  const http = createHttpClient(service, opts);
  return {
    clockNow: () => http.request(ClockState, { method: 'GET', path: `${CLOCK}/now` }),
    /** Freezes at `at` (ISO-8601), or at the service's current instant when omitted. */
    freezeClock: (at?: string) => http.request(ClockState, { method: 'POST', path: `${CLOCK}/freeze`, body: at ? { at } : {} }),
    unfreezeClock: () => http.request(ClockState, { method: 'POST', path: `${CLOCK}/unfreeze` }),
    /** Moves business time forward by `duration` (`45s`, `15m`, `2h`, `30d`). */
    advanceClock: (duration: string) => http.request(ClockState, { method: 'POST', path: `${CLOCK}/advance`, body: { duration } }),
    /** One page of the service's audit trail (scope audit:read). */
    listAuditEvents: (query: AuditQuery = {}) => http.request(AuditPage, { method: 'GET', path: '/audit-api/v1/events', query: { ...query } }),
    resetOperationalData: () => http.request(ResetResult, { method: 'POST', path: '/admin-api/v1/reset-operational-data' }),
  };
}

/** The admin client's type. */
export type AdminClient = ReturnType<typeof createAdminClient>;
