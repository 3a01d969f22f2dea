export { AuditEvent, EventEnvelope } from './event.ts';
export { FieldsQuery, InstantQueryParam, PageQuery, projectFields } from './paging.ts';
