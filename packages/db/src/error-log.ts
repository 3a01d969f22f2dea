// What of a database error may reach a log line. drizzle's DrizzleQueryError carries the query's `params`
// (emails, names, document hashes) as a property and again in its message ("Failed query: … params: …"), and
// pg's own error puts row values in `detail` ("Key (email)=(ada@example.com) already exists") and quotes the
// offending input in `message` (`invalid input syntax for type uuid: "…"`). The log keeps the SQL text (it
// has only $n placeholders), the pg code and the schema names, and drops or masks every value.

/** A log-safe description of any thrown value. */
export interface LoggedError {
  type: string;
  message: string;
  query?: string;
  pgCode?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
}

/** Masks every double-quoted segment (pg quotes values there) and cuts drizzle's `params:` tail. */
export function maskValues(message: string): string {
  return message.replace(/\nparams:[\s\S]*$/, '').replace(/"[^"]*"/g, '"…"');
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Flattens `err` (looking through `cause`) into fields that carry no SQL parameter or row value. */
export function loggableError(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '[non-error thrown]' };
  const out: LoggedError = { type: err.name, message: maskValues(err.message) };
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as Record<string, unknown>;
    out.query ??= text(x.query);
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code)) {
      out.pgCode = x.code;
      out.constraint = text(x.constraint);
      out.table = text(x.table);
      out.column = text(x.column);
      out.message = maskValues(String(x.message));
    }
  }
  // The message of a drizzle error restates the query; keep it once, in `query`.
  if (out.query && out.message.startsWith('Failed query:')) out.message = 'query failed';
  if (err.stack) out.stack = err.stack.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8).join('\n');
  return out;
}
