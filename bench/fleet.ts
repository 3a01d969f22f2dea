// The system under test, in a child process of bench/run.ts so the load generator does not share its event
// loop: every discovered service in one process, as `make up` runs them. Prints READY once startFleet has
// returned; answers a `memory` message (IPC) with its process.memoryUsage(), so run.ts can read idle RSS, and a
// `cpu` message with its CPU time so far (µs), for the CPU per request of each read.
import { enableCompileCache } from 'node:module';

// As packages/fleet/src/cli/up.ts starts it (compile cache on; run.ts passes the same node flags as start:fleet).
enableCompileCache();
const { startFleet } = await import('@bss/fleet');
const { settleHeapSoon } = await import('@bss/server-kit');
// BSS_BENCH_FLEET_POOLS=per-service starts the services with their own pools, for an A/B of the shared ones.
// BSS_BENCH_FLEET_SERVICES=a,b starts only those services (bench/usage-split.ts runs the fleet over processes).
const only = process.env.BSS_BENCH_FLEET_SERVICES?.split(',').filter(Boolean) as Parameters<typeof startFleet>[1];
const fleet = await startFleet(process.env, only, { sharedPools: process.env.BSS_BENCH_FLEET_POOLS !== 'per-service' });
// CPU time spent starting (user + system): steadier than wall time on a shared machine.
function cpuMs(): number {
  const c = process.cpuUsage();
  return Math.round((c.user + c.system) / 1000);
}
// As up.ts: one compacting collection after the start (bench/run.ts passes --expose-gc).
settleHeapSoon();
process.stdout.write(`READY ${JSON.stringify({ services: fleet.services.map((s) => ({ name: s.name, url: s.url })), startedMs: Math.round(performance.now()), cpuMs: cpuMs() })}\n`);

process.on('message', (msg) => {
  if (msg === 'memory') {
    // A full GC first: idle RSS is what stays resident, not garbage the collector has not come for yet.
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ memory: process.memoryUsage() });
  }
  // CPU time so far, µs: run.ts reads it around each measured read, usage-split.ts around the ingest.
  if (msg === 'cpu') {
    const c = process.cpuUsage();
    process.send?.({ cpu: c.user + c.system });
  }
});
process.once('SIGTERM', async () => {
  await fleet.stop();
  process.exit(0);
});
