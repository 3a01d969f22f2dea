// Doctrine guard run by `make test` (the reference's §H guards that apply to this codebase): no wall-clock reads
// outside @bss/clock, no focused/skipped tests, no stubs, nothing read from ../shared, the outbox relay is the only
// publisher, identity never comes from a header, API tokens are never read from the environment at request time,
// services read process.env only in their entry point, the rating domain stays pure (no I/O imports), no tracing
// SDK inside use-cases and policies, a ported-out number is never made available again, renewal never re-reads the
// active price (it charges the snapshot), and no live payment-processor keys in fixtures. Prints each offence with
// file:line and exits 1 when there is any. tests/doctrine/ plants a violation of every guard and sees it caught.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOURCE_ROOTS = ['packages', 'services', 'portals', 'cli', 'scenarios', 'tests', 'bench', 'scripts'];

function* walk(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.tsx?$/.test(name)) yield p;
  }
}

export const isTest = (p: string) => /(^|\/)(test|tests|__tests__)\//.test(p) || /\.(test|spec)\.tsx?$/.test(p);
const prod = (p: string) => !isTest(p) && !p.startsWith('bench/') && !p.startsWith('scripts/');

/** One guard: which files it reads, and what a line of them must not match. */
export interface Check {
  id: string;
  name: string;
  applies: (path: string) => boolean;
  pattern: RegExp;
}

/** The only modules that may publish to the broker: the relay and the bus transports it drives. */
const PUBLISHERS = new Set(['packages/events/src/relay.ts', 'packages/events/src/amqp-bus.ts', 'packages/events/src/amqp-connection.ts', 'packages/events/src/in-process-bus.ts']);

export const CHECKS: readonly Check[] = [
  {
    id: 'clock',
    name: 'wall-clock read outside @bss/clock (use the injected Clock)',
    applies: (p) => prod(p) && !p.startsWith('packages/clock/'),
    pattern: /\bDate\.now\(\)|\bnew Date\(\)/,
  },
  { id: 'focused-test', name: 'focused or skipped test', applies: isTest, pattern: /\b(it|test|describe)\.(only|skip|todo)\(|\bx(it|describe)\(/ },
  { id: 'stub', name: 'stub left in code', applies: () => true, pattern: /not implemented|TODO: implement|throw new Error\(['"]TODO/i },
  // A clone from a public host has no ../shared: specifications and fixtures are vendored (specs/).
  { id: 'shared', name: 'reads ../shared (vendor it under specs/ instead)', applies: () => true, pattern: /\.\.\/shared\b|['"`]shared\/tmf/ },
  {
    id: 'single-publisher',
    name: 'publishes to the broker outside the outbox relay (stage with outbox.stage; the relay is the only publisher)',
    applies: (p) => prod(p) && !PUBLISHERS.has(p),
    pattern: /\.publish\(/,
  },
  {
    id: 'identity-header',
    name: 'identity taken from a header (identity comes only from the X-BSS-API-Token lookup)',
    applies: prod,
    pattern: /x-bss-(service-)?identity\b/i,
  },
  {
    id: 'token-runtime-read',
    name: 'API token read from the environment outside the token loader (packages/config parses them once at start)',
    applies: (p) => prod(p) && !p.startsWith('packages/config/src/') && p !== 'packages/fleet/src/cli/up.ts',
    pattern: /process\.env\b[^\n]*API_TOKEN/,
  },
  {
    id: 'service-env-read',
    name: 'process.env read inside a service outside its entry point (config is parsed once, in main.ts)',
    applies: (p) => prod(p) && /^services\/[^/]+\/src\//.test(p) && !/^services\/[^/]+\/src\/main\.ts$/.test(p),
    pattern: /process\.env\b/,
  },
  {
    id: 'rating-purity',
    name: 'I/O import in the pure rating domain (tariff and rating function take data, return data)',
    applies: (p) => prod(p) && p.startsWith('services/rating/src/domain/'),
    pattern: /from ['"](node:|pg['"]|amqplib|drizzle-orm|fastify|@bss\/(db|events|clients|server-kit|fleet|telemetry))|\bfetch\(|\bimport\(['"]node:/,
  },
  {
    id: 'tracing-in-use-case',
    name: 'tracing SDK imported in a use-case or policy (spans come from the server kit around them)',
    applies: (p) => prod(p) && /^services\/[^/]+\/src\/(services|policies|domain)\//.test(p),
    pattern: /from ['"]@opentelemetry\//,
  },
  {
    id: 'ported-out-reset',
    name: 'a ported_out number made available again (ported_out is terminal: reserve-next must never see it)',
    applies: (p) => prod(p) && p.startsWith('services/crm/src/inventory/'),
    pattern: /from:\s*['"]ported_out['"]|status\s*=\s*'available'[^;\n]*ported_out|ported_out[^;\n]*status\s*=\s*'available'|eq\([^)]*status,\s*'ported_out'\)[^;\n]*set\([^)]*'available'/,
  },
  {
    id: 'renewal-snapshot',
    name: 'renewal reads the active catalog price (a renewal charges the subscription\'s price snapshot)',
    applies: (p) => prod(p) && p.startsWith('services/subscription/src/') && /renew/i.test(p),
    pattern: /getActivePrice\(|\/price\/active|activePrice/,
  },
  {
    id: 'live-processor-key',
    name: 'live payment-processor key or real processor id in code or fixtures',
    applies: (p) => p.startsWith('services/payment/') || p.startsWith('packages/'),
    pattern: /\b(sk|rk)_live_[A-Za-z0-9]{8,}|\b(pi|pm|cus|evt)_[A-Za-z0-9]{24,}\b/,
  },
];

/** Every offence under `root` (`file:line: guard` plus the line), skipping this script itself. */
export function findOffences(root: string, checks: readonly Check[] = CHECKS): string[] {
  const offences: string[] = [];
  for (const top of SOURCE_ROOTS) {
    for (const file of walk(join(root, top))) {
      const rel = relative(root, file).split('\\').join('/');
      if (rel === 'scripts/doctrine-check.ts') continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      for (const check of checks) {
        if (!check.applies(rel)) continue;
        lines.forEach((line, i) => {
          if (check.pattern.test(line)) offences.push(`${rel}:${i + 1}: [${check.id}] ${check.name}\n    ${line.trim()}`);
        });
      }
    }
  }
  return offences;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const offences = findOffences(fileURLToPath(new URL('..', import.meta.url)));
  if (offences.length) {
    console.error(`doctrine-check: ${offences.length} offence(s)\n${offences.join('\n')}`);
    process.exit(1);
  }
  console.log(`doctrine-check: ok (${CHECKS.length} guards)`);
}
