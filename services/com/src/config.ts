// COM's own env keys, parsed together with the common ones: when an in-progress order counts as stuck, and
// how often the sweeper looks.
import { z } from 'zod';

export const extraEnv = {
  BSS_COM_STUCK_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_080)
    .default(15)
    .describe('Minutes (on the service clock) an order may stay in progress before the sweeper flags order.stuck'),
  BSS_COM_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000).describe('Wall-clock pause between sweeper passes'),
};

export interface ComExtra {
  BSS_COM_STUCK_AFTER_MINUTES?: number;
  BSS_COM_SWEEP_INTERVAL_MS?: number;
}
