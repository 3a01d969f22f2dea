// The cancel gate COM calls synchronously before it cancels an in-progress order (DECISIONS.md 2026-12-01).
import { z } from 'zod';
import { LIMITS, Text } from '../common/limits.ts';
import { SomId } from './ids.ts';

export const OrderIdParams = z.object({ orderId: SomId.describe('The commercial order id (COM), e.g. ORD-…') });

/** Optional body: who the order belongs to (kept on a tombstone) and why it is cancelled. */
export const CancelForOrderRequest = z
  .object({
    customerId: SomId.optional().describe('The customer of the order, recorded on a tombstone'),
    reason: Text(LIMITS.line).optional(),
  })
  .nullish();
export type CancelForOrderRequest = NonNullable<z.infer<typeof CancelForOrderRequest>>;

/**
 * `not_started`: SOM had not decomposed the order; a cancelled tombstone now stops it from ever doing so.
 * `cancelled`: an acknowledged service order was cancelled and what it held released. Both are repeatable.
 */
export const CancelOutcome = z.enum(['not_started', 'cancelled']);
export const CancelForOrderResult = z
  .object({
    orderId: z.string(),
    serviceOrderId: z.string().nullable(),
    outcome: CancelOutcome,
  });
export type CancelForOrderResult = z.infer<typeof CancelForOrderResult>;
