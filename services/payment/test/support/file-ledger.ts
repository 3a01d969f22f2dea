// A mock-gateway ledger kept in a JSON file, so the processor's memory outlives a charging process that a
// test kills, the way a real processor's records outlive our crash.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { MockLedger } from '../../src/adapters/mock.provider.ts';
import type { GatewayResult } from '../../src/adapters/provider.ts';

export function fileLedger(path: string): MockLedger & { entries(): Record<string, GatewayResult> } {
  const entries = (): Record<string, GatewayResult> => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, GatewayResult>) : {});
  return {
    entries,
    get: (key) => entries()[key],
    set: (key, result) => writeFileSync(path, JSON.stringify({ ...entries(), [key]: result })),
  };
}
