// Rows that come back inside json_agg/to_jsonb are snake_case with timestamps as text: turn them into the
// drizzle row shapes the mappers take (camelCase keys, Date instants).
const INSTANT = /(_at|_date)$/;

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function fromJsonRow<T>(raw: Record<string, unknown>): T {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [camel(k), INSTANT.test(k) && typeof v === 'string' ? new Date(v) : v]),
  ) as T;
}
