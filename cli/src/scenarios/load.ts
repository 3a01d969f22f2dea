// Reads scenario files: YAML → the strict Scenario schema; a directory lists its *.yaml then *.yml files
// (not recursive), alphabetically.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatIssues, Scenario } from './format.ts';

export type Loaded = { file: string; ok: true; scenario: Scenario } | { file: string; ok: false; errors: string[] };

/** Parses one file; never throws (an unreadable or invalid file is `ok: false` with its errors). */
export function loadScenario(file: string): Loaded {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { file, ok: false, errors: [(err as Error).message.split('\n')[0]!] };
  }
  const parsed = Scenario.safeParse(raw);
  return parsed.success ? { file, ok: true, scenario: parsed.data } : { file, ok: false, errors: formatIssues(parsed.error) };
}

/** The scenario files of `dir`. */
export function scenarioFiles(dir: string): string[] {
  const names = readdirSync(dir);
  const pick = (ext: string) => names.filter((n) => n.endsWith(ext)).sort();
  return [...pick('.yaml'), ...pick('.yml')].map((n) => join(dir, n));
}
