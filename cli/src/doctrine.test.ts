// The CLI's own guards (the reference's doctrine guards, §H, for this layer): operations are declared only in the
// registry, commands never speak HTTP themselves, only the settings loader and the entry point read the
// environment, and no card carries terminal markup.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) yield relative(ROOT, p);
  }
}
const source = [...files(join(ROOT, 'cli')), ...files(join(ROOT, 'packages/operations/src'))].filter((f) => !f.includes('node_modules'));
const offenders = (pattern: RegExp, allowed: (f: string) => boolean) => source.filter((f) => !allowed(f) && pattern.test(readFileSync(join(ROOT, f), 'utf8')));

describe('CLI doctrine', () => {
  it('declares operations only in packages/operations/src/ops', () => {
    expect(offenders(/defineOperation\(\{/, (f) => f.startsWith('packages/operations/src/ops/'))).toEqual([]);
  });

  it('never speaks HTTP from a command (only the scenario http: step does)', () => {
    expect(offenders(/\bfetch\(/, (f) => f === 'cli/src/scenarios/runner.ts')).toEqual([]);
  });

  it('reads the environment only in the settings loader and the entry point', () => {
    expect(offenders(/process\.env/, (f) => f === 'cli/bin/bss.ts' || f === 'cli/src/config.ts')).toEqual([]);
  });

  it('keeps terminal markup out of the cards', () => {
    expect(offenders(/\\x1b|\\u001b/, (f) => f === 'cli/src/terminal.ts')).toEqual([]);
  });
});
