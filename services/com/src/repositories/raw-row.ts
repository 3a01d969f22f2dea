// Raw-SQL rows (the one-round-trip reads use db.execute): drizzle hands timestamptz back as Postgres text there,
// so the mappers turn them into Dates here, as its typed selects would.
export function rawDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}
