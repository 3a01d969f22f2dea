// POST /admin-api/v1/renewal/tick-now: one renewal worker pass, run synchronously, for scenarios (advance the
// clock, tick, look). Admin scope and BSS_ALLOW_ADMIN_RESET, like the other admin routes.
import { subscription as c } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import type { App } from '@bss/server-kit';
import type { SweepReport } from '../services/renewal-sweep.service.ts';

export function registerRenewalAdminRoutes(app: App, runOnce: () => Promise<SweepReport>): void {
  app.post(
    '/admin-api/v1/renewal/tick-now',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['Admin'],
        summary: 'Run one renewal worker pass now (due renewals, skipped blocked lines, reminders, top-up expiry)',
        response: { 200: c.RenewalSweepReport, 401: ErrorEnvelope, 403: ErrorEnvelope },
      },
    },
    async () => runOnce(),
  );
}
