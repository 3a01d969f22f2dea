// The provisioning simulator's own env keys: how long a simulated network call takes, the automatic attempt
// budget of a task, and how often the runner looks for pending tasks when no NOTIFY woke it (the backstop).
import { z } from 'zod';

export const extraEnv = {
  BSS_PROVISIONING_TASK_DURATION_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(2_000)
    .default(200)
    .describe('Wall-clock time one simulated attempt takes (a slow fault multiplies it by 2–5); 0 in tests'),
  BSS_PROVISIONING_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3).describe('Automatic attempts before a task fails'),
  BSS_PROVISIONING_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250).describe('Wall-clock pause between backstop runner passes (a committed task wakes the runner at once by NOTIFY)'),
  BSS_PROVISIONING_RUNNER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4).describe('Tasks one replica runs at once'),
};

export interface ProvisioningEnv {
  BSS_PROVISIONING_TASK_DURATION_MS: number;
  BSS_PROVISIONING_MAX_ATTEMPTS: number;
  BSS_PROVISIONING_POLL_INTERVAL_MS: number;
  BSS_PROVISIONING_RUNNER_CONCURRENCY: number;
}
