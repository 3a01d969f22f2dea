// Scenario clock admin API, hosted by every service. Reading the time needs only `<service>:read` (anyone who
// may read the service may know its business time); moves change business time for the whole process, so they
// need the `admin` scope and BSS_ALLOW_ADMIN_RESET (both enforced by the perimeter).
import { scopeStem, type ServiceName } from '@bss/config';
import { ClockRangeError, parseDuration, type ClockState, type ControllableClock } from '@bss/clock';
import { ErrorEnvelope, ValidationFailed } from '@bss/policy';
import { z } from 'zod';
import type { App } from './app.ts';

const ClockStateBody = z
  .object({
    mode: z.enum(['wall', 'frozen']),
    now: z.string(),
    offsetSeconds: z.number(),
    frozenAt: z.string().nullable(),
  })
  .meta({ id: 'ClockState' });

const FreezeBody = z
  .object({
    at: z
      .union([z.iso.datetime({ offset: true }).max(40), z.iso.datetime({ local: true }).max(40)])
      .optional()
      .describe('Instant to freeze at (no offset means UTC); omitted = now'),
  })
  .optional();
const AdvanceBody = z.object({
  duration: z
    .string()
    .max(32)
    .refine((d) => parseDuration(d) !== undefined, 'must look like 45s, 15m, 2h or 30d, at most 36500d')
    .describe('<N><s|m|h|d>, at most 100 years'),
});

const wire = (s: ClockState) => ({
  mode: s.mode,
  now: s.now.toISOString(),
  offsetSeconds: s.offsetSeconds,
  frozenAt: s.frozenAt ? s.frozenAt.toISOString() : null,
});

/** Runs a clock move, turning a move out of the clock's range into a 400 naming the field (the clock is unchanged). */
function move(field: string, fn: () => ClockState): ClockState {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof ClockRangeError)) throw err;
    throw new ValidationFailed('admin.clock.out_of_range', `invalid request: ${field} ${err.message}`, { issues: [{ field, message: err.message }] });
  }
}

/** Registers `/admin-api/v1/clock/{now,freeze,unfreeze,advance}`. */
export function registerClockRoutes(app: App, clock: ControllableClock, service: ServiceName): void {
  const errors = { 400: ErrorEnvelope, 403: ErrorEnvelope };
  const admin = { scope: 'admin' };
  app.get('/admin-api/v1/clock/now', { config: { scope: `${scopeStem(service)}:read` }, schema: { tags: ['Admin'], response: { 200: ClockStateBody } } }, async () => wire(clock.state()));
  app.post('/admin-api/v1/clock/freeze', { config: admin, schema: { tags: ['Admin'], body: FreezeBody, response: { 200: ClockStateBody, ...errors } } }, async (req) => {
    const at = req.body?.at;
    return wire(move('body.at', () => clock.freeze(at ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : `${at}Z`) : undefined)));
  });
  app.post('/admin-api/v1/clock/unfreeze', { config: admin, schema: { tags: ['Admin'], response: { 200: ClockStateBody, ...errors } } }, async () => {
    return wire(clock.unfreeze());
  });
  app.post('/admin-api/v1/clock/advance', { config: admin, schema: { tags: ['Admin'], body: AdvanceBody, response: { 200: ClockStateBody, ...errors } } }, async (req) => {
    return wire(move('body.duration', () => clock.advance(parseDuration(req.body.duration)!)));
  });
}
