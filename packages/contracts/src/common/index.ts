export { AuditEvent, EventEnvelope } from './event.ts';
export { IdempotencyKey, IdempotentWriteRequest } from './idempotency.ts';
export { FieldsQuery, InstantQueryParam, PageQuery, projectFields } from './paging.ts';
