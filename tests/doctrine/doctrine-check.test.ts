// Each doctrine guard catches a planted violation: a tree is written to a temp directory with one offending file
// per guard (and a clean twin beside it), scanned, and every guard must name exactly its planted file; the real
// repository must scan clean. Strings that would trip the guards on this file itself are assembled at run time.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKS, findOffences } from '../../scripts/doctrine-check.ts';

const j = (...parts: string[]) => parts.join('');

/** Per guard: a file path, a violating line, and a line at the same path that keeps the doctrine. */
const PLANTED: Record<string, { path: string; bad: string; good: string }> = {
  clock: { path: 'services/crm/src/services/x.service.ts', bad: j('const t = Date', '.now();'), good: 'const t = deps.clock.now();' },
  'focused-test': { path: 'services/crm/test/x.test.ts', bad: j("it", ".only('x', () => {});"), good: "it('x', () => {});" },
  stub: { path: 'packages/policy/src/x.ts', bad: j("throw new Error('not ", "implemented');"), good: "throw new PolicyViolation('x.rule', 'refused', {});" },
  shared: { path: 'packages/testing/src/x.ts', bad: j("const spec = '..", '/sha', "red/tmf/x.json';"), good: "const spec = 'specs/tmf/x.json';" },
  'single-publisher': { path: 'services/com/src/services/x.service.ts', bad: j('channel', ".publish('bss.events', 'order.completed', body);"), good: "await deps.outbox.stage(tx, event);" },
  'identity-header': { path: 'packages/server-kit/src/x.ts', bad: j("const who = request.headers['x-bss-", "service-identity'];"), good: 'const who = request.identity;' },
  'token-runtime-read': { path: 'packages/clients/src/x.ts', bad: j('const token = process.env', '.BSS_PORTAL_API_TOKEN;'), good: 'const token = opts.token;' },
  'service-env-read': { path: 'services/payment/src/routes/x.routes.ts', bad: j('const flag = process', '.env.BSS_FLAG;'), good: 'const flag = deps.config.flag;' },
  'rating-purity': { path: 'services/rating/src/domain/tariff.ts', bad: j("import { Pool } from '", "pg';"), good: "import { normalizeAmount } from '@bss/contracts';" },
  'tracing-in-use-case': { path: 'services/som/src/policies/x.policies.ts', bad: j("import { trace } from '@open", "telemetry/api';"), good: "import { PolicyViolation } from '@bss/policy';" },
  'ported-out-reset': { path: 'services/crm/src/inventory/domain/msisdn.state.ts', bad: j("{ from: 'ported", "_out', trigger: 'recycle', to: 'available' },"), good: "{ from: 'assigned', trigger: 'port_out', to: 'ported_out' }," },
  'renewal-snapshot': { path: 'services/subscription/src/services/renewal.service.ts', bad: j('const price = await deps.catalog.getActive', 'Price(sub.offeringId);'), good: 'const price = sub.priceSnapshot;' },
  'live-processor-key': { path: 'services/payment/test/fixtures.ts', bad: j("const key = 'sk_", "live_4eC39HqLyjWDarjtT1zdp7dc';"), good: "const key = 'mock_test_key';" },
};

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'doctrine-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${text}\n`);
  }
  return root;
}

describe('doctrine-check', () => {
  it('plants a violation for every guard it has', () => {
    expect(Object.keys(PLANTED).sort()).toEqual(CHECKS.map((c) => c.id).sort());
  });

  it.each(Object.entries(PLANTED))('%s: catches the planted line and passes its clean twin', (id, p) => {
    const check = CHECKS.find((c) => c.id === id)!;
    const bad = findOffences(tree({ [p.path]: `// a file\n${p.bad}` }), [check]);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toContain(`${p.path}:2: [${id}]`);
    expect(findOffences(tree({ [p.path]: p.good }), [check])).toEqual([]);
  });

  it('lets the relay publish, tests read tokens and main.ts read the environment', () => {
    const root = tree({
      'packages/events/src/relay.ts': j('await publisher', '.publish(item.event);'),
      'services/crm/test/x.test.ts': j('const t = process.env', '.BSS_API_TOKEN;'),
      'services/crm/src/main.ts': j('await runService(service, process', '.env);'),
    });
    expect(findOffences(root)).toEqual([]);
  });

  it('finds nothing in this repository', () => {
    expect(findOffences(fileURLToPath(new URL('../../', import.meta.url)))).toEqual([]);
  });
});
