// Expectations on a result (reference §F.4). Keys are dot paths; a list segment that is not a number picks the first
// element whose allowanceType, type, id, name or channel equals it (`balances.data.remaining`). A value is compared
// for equality; a map is a set of operators that must all hold. `any_match` requires one list element to satisfy all.

const PICK_KEYS = ['allowanceType', 'type', 'id', 'name', 'channel'];
const OPERATORS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'starts_with', 'contains', 'not_null']);
const MISSING = Symbol('missing');

/** Resolves a dot path; MISSING when it does not resolve. */
export function resolvePath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const seg of path === '' ? [] : path.split('.')) {
    if (Array.isArray(at)) {
      at = /^\d+$/.test(seg) ? at[Number(seg)] : at.find((el) => el && typeof el === 'object' && PICK_KEYS.some((k) => (el as Record<string, unknown>)[k] === seg));
    } else if (at && typeof at === 'object' && Object.hasOwn(at, seg)) {
      at = (at as Record<string, unknown>)[seg];
    } else return MISSING;
    if (at === undefined) return MISSING;
  }
  return at;
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v));

function checkOperators(actual: unknown, ops: Record<string, unknown>, path: string): string | undefined {
  for (const [op, want] of Object.entries(ops)) {
    if (!OPERATORS.has(op)) return `${path}: unknown operator ${op}`;
    const num = typeof actual === 'number' && typeof want === 'number';
    const ok = (() => {
      switch (op) {
        case 'eq':
          return equal(actual, want);
        case 'ne':
          return !equal(actual, want);
        case 'gt':
          return num && (actual as number) > (want as number);
        case 'gte':
          return num && (actual as number) >= (want as number);
        case 'lt':
          return num && (actual as number) < (want as number);
        case 'lte':
          return num && (actual as number) <= (want as number);
        case 'in':
          return Array.isArray(want) && want.some((w) => equal(w, actual));
        case 'not_in':
          return Array.isArray(want) && !want.some((w) => equal(w, actual));
        case 'starts_with':
          return typeof actual === 'string' && typeof want === 'string' && actual.startsWith(want);
        case 'contains':
          if (typeof actual === 'string') return typeof want === 'string' && actual.includes(want);
          if (Array.isArray(actual)) return actual.some((a) => equal(a, want));
          return !!actual && typeof actual === 'object' && typeof want === 'string' && Object.hasOwn(actual, want);
        default:
          return want ? actual !== null && actual !== undefined : actual === null || actual === undefined;
      }
    })();
    if (!ok) return `${path}: expected ${op} ${show(want)}, got ${show(actual)}`;
  }
  return undefined;
}

/** The first failed expectation as a message, or undefined when all hold. */
export function checkExpectations(actual: unknown, expect: Record<string, unknown>): string | undefined {
  for (const [path, want] of Object.entries(expect)) {
    if (path === 'any_match') {
      if (!Array.isArray(actual)) return `any_match: expected a list, got ${show(actual)}`;
      if (!want || typeof want !== 'object') return 'any_match: expects a map of expectations';
      if (!actual.some((el) => checkExpectations(el, want as Record<string, unknown>) === undefined))
        return `any_match: no element of ${actual.length} satisfies ${show(want)}`;
      continue;
    }
    const got = resolvePath(actual, path);
    const isOps = want !== null && typeof want === 'object' && !Array.isArray(want);
    if (got === MISSING) {
      if (isOps && (want as Record<string, unknown>).not_null === false) continue;
      return `${path}: path did not resolve`;
    }
    const failed = isOps ? checkOperators(got, want as Record<string, unknown>, path) : equal(got, want) ? undefined : `${path}: expected ${show(want)}, got ${show(got)}`;
    if (failed) return failed;
  }
  return undefined;
}
