// Inventory settings read from the CRM service's extra env. The core engineer spreads `inventoryEnv` into the
// CRM config's extra shape; until then (or in tests that omit it) the documented default applies.
import type { ServiceConfig } from '@bss/config';
import { z } from 'zod';

/** Default low watermark: a reservation leaving this many or fewer available numbers stages pool_low. */
export const DEFAULT_MSISDN_POOL_LOW_THRESHOLD = 50;

/** Env keys of the inventory module (zod raw shape for loadServiceConfig's `extra`). */
export const inventoryEnv = {
  BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD: z.coerce.number().int().min(0).default(DEFAULT_MSISDN_POOL_LOW_THRESHOLD),
};

/** The configured low watermark, or the default when the key is absent from the config. */
export function msisdnPoolLowThreshold(config: ServiceConfig<unknown>): number {
  const value = (config.extra as Record<string, unknown> | undefined)?.BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_MSISDN_POOL_LOW_THRESHOLD;
}
