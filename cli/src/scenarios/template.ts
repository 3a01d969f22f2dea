// `{{ name }}` templating (reference §F.3): substituted recursively in strings, lists and maps (keys included). A string that is
// exactly one placeholder takes the raw value (any type); otherwise the value is stringified inline. An undefined
// name throws, and the runner turns that into the step's failure (not a crash of the run).

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const lookup = (vars: Record<string, unknown>, name: string) => {
  if (!Object.hasOwn(vars, name)) throw new TemplateError(`undefined variable {{ ${name} }}`);
  return vars[name];
};

export function interpolate<T>(value: T, vars: Record<string, unknown>): T {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return lookup(vars, whole[1]!) as T;
    return value.replace(PLACEHOLDER, (_m, name: string) => {
      const v = lookup(vars, name);
      return typeof v === 'string' ? v : JSON.stringify(v);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars)) as T;
  // Keys too, so an expectation can address a captured id: `tickets.{{ ticket_id }}.status`.
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [String(interpolate(k, vars)), interpolate(v, vars)])) as T;
  return value;
}
