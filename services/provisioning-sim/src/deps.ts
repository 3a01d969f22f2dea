// What the provisioning simulator's use-cases depend on: built from the Platform in service.ts. Tests swap the
// random source (fault rolls) and the sleep (simulated network time) to make runs deterministic and instant.
import type { Clock } from '@bss/clock';
import type { Database } from '@bss/db';
import type { Outbox } from '@bss/events';
import { hrefBuilder, type Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';
import type { ProvisioningEnv } from './config.ts';

export interface ProvisioningDeps {
  platform: Platform;
  database: Database;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  href: (collectionPath: string, id: string) => string;
  /** Wall-clock time of one simulated attempt (BSS_PROVISIONING_TASK_DURATION_MS). */
  durationMs: number;
  /** Automatic attempts per budget (BSS_PROVISIONING_MAX_ATTEMPTS). */
  maxAttempts: number;
  pollIntervalMs: number;
  concurrency: number;
  /** Uniform in [0, 1): fault probability rolls and the slow factor. */
  random: () => number;
  /** Waits the simulated network time of an attempt. */
  sleep: (ms: number) => Promise<void>;
}

export type DepsOverrides = Partial<Pick<ProvisioningDeps, 'random' | 'sleep'>>;

const wallSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDeps(platform: Platform, overrides: DepsOverrides = {}): ProvisioningDeps {
  const extra = platform.config.extra as Partial<ProvisioningEnv>;
  return {
    platform,
    database: platform.database,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
    href: hrefBuilder(platform.config.publicBaseUrl),
    durationMs: extra.BSS_PROVISIONING_TASK_DURATION_MS ?? 200,
    maxAttempts: extra.BSS_PROVISIONING_MAX_ATTEMPTS ?? 3,
    pollIntervalMs: extra.BSS_PROVISIONING_POLL_INTERVAL_MS ?? 250,
    concurrency: extra.BSS_PROVISIONING_RUNNER_CONCURRENCY ?? 4,
    random: overrides.random ?? Math.random,
    sleep: overrides.sleep ?? wallSleep,
  };
}
