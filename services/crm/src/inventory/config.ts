// Inventory settings read from the CRM service's extra env. The core engineer spreads `inventoryEnv` into the
// CRM config's extra shape; until then (or in tests that omit it) the documented defaults apply.
import { parseDuration } from '@bss/clock';
import type { ServiceConfig } from '@bss/config';
import { z } from 'zod';

/** Default low watermark: a reservation leaving this many or fewer available numbers stages pool_low. */
export const DEFAULT_MSISDN_POOL_LOW_THRESHOLD = 50;
/** Default reservation lifetime: an MSISDN or eSIM reserved but not assigned this long returns to the pool. */
export const DEFAULT_RESERVATION_TTL_MS = 15 * 60_000;
/** Default quarantine of a number released from service before it is sold again. */
export const DEFAULT_MSISDN_QUARANTINE_DAYS = 90;
/** Default wall-clock pause between two expiry passes. */
export const DEFAULT_EXPIRY_INTERVAL_MS = 30_000;

/** A duration such as `45s`, `15m`, `2h` (see @bss/clock parseDuration), as milliseconds. */
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((text) => (parseDuration(text) ?? 0) > 0, 'a positive duration such as 45s, 15m or 2h')
    .transform((text) => parseDuration(text)!);

/** Env keys of the inventory module (zod raw shape for loadServiceConfig's `extra`). */
export const inventoryEnv = {
  BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD: z.coerce.number().int().min(0).default(DEFAULT_MSISDN_POOL_LOW_THRESHOLD),
  BSS_INVENTORY_RESERVATION_TTL: duration('15m').describe('How long a reservation may wait for its assignment before it expires'),
  BSS_INVENTORY_EXPIRY_INTERVAL: duration('30s').describe('Wall-clock pause between reservation-expiry passes'),
  BSS_INVENTORY_MSISDN_QUARANTINE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .default(DEFAULT_MSISDN_QUARANTINE_DAYS)
    .describe('Days a number released from service rests before it can be reserved again (0 = none)'),
};

/** The configured quarantine of a released number, in days, or the default. */
export function msisdnQuarantineDays(config: ServiceConfig<unknown>): number {
  const value = extraOf(config).BSS_INVENTORY_MSISDN_QUARANTINE_DAYS;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_MSISDN_QUARANTINE_DAYS;
}

const extraOf = (config: ServiceConfig<unknown>) => (config.extra as Record<string, unknown> | undefined) ?? {};
const positiveInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** The configured low watermark, or the default when the key is absent from the config. */
export function msisdnPoolLowThreshold(config: ServiceConfig<unknown>): number {
  const value = extraOf(config).BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_MSISDN_POOL_LOW_THRESHOLD;
}

/** The configured reservation TTL in ms, or the default. */
export function reservationTtlMs(config: ServiceConfig<unknown>): number {
  const value = extraOf(config).BSS_INVENTORY_RESERVATION_TTL;
  return positiveInt(value) ? value : DEFAULT_RESERVATION_TTL_MS;
}

/** The configured pause between expiry passes in ms, or the default. */
export function expiryIntervalMs(config: ServiceConfig<unknown>): number {
  const value = extraOf(config).BSS_INVENTORY_EXPIRY_INTERVAL;
  return positiveInt(value) ? value : DEFAULT_EXPIRY_INTERVAL_MS;
}
