export { AuditEvent, EventEnvelope } from './event.ts';
export { BoundedJsonValue, Id, Instant, IsoDate, LIMITS, ScalarValue, Text, YEAR_MAX, YEAR_MIN } from './limits.ts';
export {
  addAmounts,
  AMOUNT_INTEGER_DIGITS,
  AMOUNT_SCALE,
  amountFromNumber,
  amountToCents,
  amountToNumber,
  centsToAmount,
  compareAmounts,
  isPositiveAmount,
  normalizeAmount,
  parseAmount,
} from './money.ts';
export { ID_ALPHABET, ID_RANDOM_CHARS, mintedIdPattern, mintId } from './ids.ts';
export { IdempotencyKey, IdempotentWriteRequest } from './idempotency.ts';
export { FieldsQuery, InstantQueryParam, PageQuery, projectFields } from './paging.ts';
