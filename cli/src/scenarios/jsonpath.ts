// The jsonpath subset captures use: `$`, `.key`, `[n]`, `['key']` — e.g. `$.customer.id`, `$[0].id`. First match
// wins; no match is `undefined` (the runner fails the step naming the path).

export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';
}

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\])/;

export function jsonPath(root: unknown, path: string): unknown {
  if (!path.startsWith('$')) throw new JsonPathError(`jsonpath must start with $: ${path}`);
  let rest = path.slice(1);
  let at: unknown = root;
  while (rest.length) {
    const m = SEGMENT.exec(rest);
    if (!m) throw new JsonPathError(`unsupported jsonpath syntax at "${rest}" in ${path}`);
    rest = rest.slice(m[0].length);
    if (at === null || typeof at !== 'object') return undefined;
    at = m[2] !== undefined ? (Array.isArray(at) ? at[Number(m[2])] : undefined) : (at as Record<string, unknown>)[m[1] ?? m[3]!];
  }
  return at;
}
