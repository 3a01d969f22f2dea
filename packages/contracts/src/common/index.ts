export { AuditEvent, EventEnvelope } from './event.ts';
export { BoundedJsonValue, Id, Instant, IsoDate, LIMITS, ScalarValue, Text, YEAR_MAX, YEAR_MIN } from './limits.ts';
export { FieldsQuery, InstantQueryParam, PageQuery, projectFields } from './paging.ts';
