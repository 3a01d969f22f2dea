// The idempotency key a caller attaches to a write so that retrying it (a redelivered consumer, a timed-out
// request) returns the first result instead of writing again. Same alphabet and length as payment's key.
import { z } from 'zod';

/** Caller-chosen key, e.g. `<eventId>:reserve-msisdn`. */
export const IdempotencyKey = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, '8–128 characters of [A-Za-z0-9._:-]')
  .describe('Caller-chosen key; the same key again returns the first result and writes nothing new');
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;

/** A body that carries nothing but an optional idempotency key (writes whose target is in the path). */
export const IdempotentWriteRequest = z
  .object({ idempotencyKey: IdempotencyKey.optional() })
  .nullish()
  .describe('Optional: without a body the write is not deduplicated');
export type IdempotentWriteRequest = NonNullable<z.infer<typeof IdempotentWriteRequest>>;
