// The subscription service's own env keys, parsed with the common ones: the renewal worker's timing.
import { z } from 'zod';

export const extraEnv = {
  BSS_RENEWAL_TICK_MS: z.coerce.number().int().min(100).default(60_000).describe('Wall-clock pause between renewal worker passes'),
  BSS_RENEWAL_REMINDER_LOOKAHEAD_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(86_400_000)
    .describe('How long before the renewal (on the service clock) the reminder event goes out; 0 = no reminders'),
};

export function renewalSettings(extra: Record<string, unknown>) {
  return {
    tickMs: (extra.BSS_RENEWAL_TICK_MS as number | undefined) ?? 60_000,
    reminderLookaheadMs: (extra.BSS_RENEWAL_REMINDER_LOOKAHEAD_MS as number | undefined) ?? 86_400_000,
  };
}
