// Doctrine guard run by `make test`: no wall-clock reads (Date.now(), new Date()) in production code outside
// @bss/clock, no focused/skipped tests, no stubs, nothing read from ../shared. Prints each offence and exits 1 when there is any.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_ROOTS = ['packages', 'services', 'portals', 'cli', 'scenarios', 'tests', 'bench'];

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

const isTest = (p: string) => /(^|\/)(test|tests|__tests__)\//.test(p) || /\.(test|spec)\.tsx?$/.test(p);
const checks: { name: string; applies: (p: string) => boolean; pattern: RegExp }[] = [
  {
    name: 'wall-clock read outside @bss/clock (use the injected Clock)',
    applies: (p) => !isTest(p) && !p.startsWith('packages/clock/') && !p.startsWith('bench/') && !p.startsWith('scripts/'),
    pattern: /\bDate\.now\(\)|\bnew Date\(\)/,
  },
  { name: 'focused or skipped test', applies: isTest, pattern: /\b(it|test|describe)\.(only|skip|todo)\(|\bx(it|describe)\(/ },
  { name: 'stub left in code', applies: () => true, pattern: /not implemented|TODO: implement|throw new Error\(['"]TODO/i },
  // A clone from a public host has no ../shared: specifications and fixtures are vendored (specs/).
  { name: 'reads ../shared (vendor it under specs/ instead)', applies: () => true, pattern: /\.\.\/shared\b|['"`]shared\/tmf/ },
];

const offences: string[] = [];
for (const top of SOURCE_ROOTS) {
  for (const file of walk(join(root, top))) {
    const rel = relative(root, file);
    if (rel === 'scripts/doctrine-check.ts') continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const check of checks) {
      if (!check.applies(rel)) continue;
      lines.forEach((line, i) => {
        if (check.pattern.test(line)) offences.push(`${rel}:${i + 1}: ${check.name}\n    ${line.trim()}`);
      });
    }
  }
}
if (offences.length) {
  console.error(`doctrine-check: ${offences.length} offence(s)\n${offences.join('\n')}`);
  process.exit(1);
}
console.log('doctrine-check: ok');
