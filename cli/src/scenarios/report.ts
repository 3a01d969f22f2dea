// Scenario reports (reference §F.7), plain text: `PASS|FAIL — name (N ms)`, one row per step
// (# | kind | step | ms | ✓/✗ | detail), setup/teardown errors; and the run-all summary table.
import { textWidth } from '@bss/operations';
import type { ScenarioResult } from './runner.ts';

const KIND = { action: '▶', assert: '=', ask: '?', http: '⇄' } as const;
const cut = (s: string, w: number) => (textWidth(s) <= w ? s : `${[...s].slice(0, Math.max(0, w - 1)).join('')}…`);

export function renderScenarioReport(r: ScenarioResult, width: number): string {
  const lines = [`${r.ok ? 'PASS' : 'FAIL'} — ${r.name} (${r.ms} ms)`];
  if (r.setupError) lines.push(`  setup failed: ${r.setupError}`);
  r.steps.forEach((s, i) => {
    lines.push(cut(`  ${String(i + 1).padStart(2)} ${KIND[s.kind]} ${s.name.padEnd(38).slice(0, 38)} ${String(s.ms).padStart(5)}ms ${s.ok ? '✓' : '✗'} ${s.detail}`, width));
  });
  const failed = r.steps.find((s) => !s.ok);
  if (failed) lines.push(`  ✗ step "${failed.name}": ${failed.detail}`);
  if (r.teardownError) lines.push(`  teardown failed: ${r.teardownError}`);
  return lines.join('\n');
}

export function renderSummary(rows: readonly (ScenarioResult | { name: string; skipped: string })[], width: number): string {
  const lines = ['── Summary ──'];
  for (const r of rows) {
    if ('skipped' in r) lines.push(cut(`  ${r.name.padEnd(44)} SKIP  ${r.skipped}`, width));
    else lines.push(cut(`  ${r.name.padEnd(44)} ${r.ok ? 'PASS' : 'FAIL'}  ${r.steps.filter((s) => s.ok).length}/${r.steps.length} steps  ${r.ms} ms`, width));
  }
  return lines.join('\n');
}
