// Idle-fleet memory breakdown for investigation (not part of `make bench`): starts every discovered service
// in this process as bench/fleet.ts does, waits, collects garbage and prints process.memoryUsage() plus V8's
// heap spaces; with BSS_HEAP_SNAPSHOT=<file> also writes a heap snapshot to open in Chrome DevTools.
// Run: node --expose-gc --max-semi-space-size=8 bench/heap.ts (env as for the fleet: BSS_DB_URL, BSS_MQ_URL, …).
import { enableCompileCache } from 'node:module';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

enableCompileCache();
const t0 = performance.now();
const { startFleet } = await import('@bss/fleet');
const { envStem, SERVICE_NAMES } = await import('@bss/config');
// Free ports (the default ones may be taken on a shared machine); idle, nothing calls a sibling.
const env: Record<string, string | undefined> = { ...process.env };
for (const [i, n] of SERVICE_NAMES.entries()) env[`BSS_${envStem(n)}_PORT`] ??= String(Number(process.env.BSS_HEAP_PORT_BASE ?? 47100) + i);
const fleet = await startFleet(env);
const startedMs = Math.round(performance.now() - t0);
await new Promise((r) => setTimeout(r, 2000));
(globalThis as { gc?: () => void }).gc?.();
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const m = process.memoryUsage();
console.log(`started in ${startedMs} ms; rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}`);
for (const s of getHeapSpaceStatistics()) console.log(`  ${s.space_name.padEnd(24)} size ${mb(s.space_size).padStart(9)} used ${mb(s.space_used_size).padStart(9)}`);
if (process.env.BSS_HEAP_SNAPSHOT) console.log(`snapshot ${writeHeapSnapshot(process.env.BSS_HEAP_SNAPSHOT)}`);
await fleet.stop();
