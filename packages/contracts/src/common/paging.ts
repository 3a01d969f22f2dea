// Paging and id conventions shared by list endpoints.
import { z } from 'zod';
import { Instant } from './limits.ts';

/** `offset`/`limit` query parameters (limit 1–1000, default 20). */
export const PageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
  limit: z.coerce.number().int().min(1).max(1000).default(20).describe('Rows to return (1–1000)'),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A TMF `fields` projection: comma-separated attribute names to keep (id, href and @type always stay). */
export const FieldsQuery = z.object({
  fields: z
    .string()
    .max(500)
    .regex(/^[A-Za-z@][A-Za-z0-9@_.]*(,[A-Za-z@][A-Za-z0-9@_.]*)*$/, 'comma-separated attribute names')
    .optional()
    .describe('Comma-separated attributes to return, e.g. id,name,lifecycleStatus'),
});

/** Applies a TMF `fields` projection to one resource. */
export function projectFields<T extends Record<string, unknown>>(resource: T, fields: string | undefined): Partial<T> {
  if (!fields) return resource;
  const keep = new Set(['id', 'href', '@type', ...fields.split(',').map((f) => f.split('.')[0]!)]);
  return Object.fromEntries(Object.entries(resource).filter(([k]) => keep.has(k))) as Partial<T>;
}

/** An ISO-8601 instant in a query string. */
export const InstantQueryParam = Instant.describe('ISO-8601 instant, e.g. 2026-05-01T00:00:00Z');
