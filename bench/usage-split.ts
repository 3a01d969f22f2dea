// CPU per usage event per service: the usage ingest of bench/run.ts against the compose-shaped fleet (each service
// in a process of its own, bench/usage-compose.ts), printing each process's CPU time per accepted record — a
// figure the shared machine's contention does not distort the way events/s is distorted.
// `node bench/usage-split.ts`; BSS_BENCH_USAGE_SECONDS (default 20) and BSS_BENCH_USAGE_RATE (default 1000);
// BSS_BENCH_CPU_PROF=<dir> writes a CPU profile per service; the database is BSS_BENCH_DB_URL (re-created).
import { randomBytes } from 'node:crypto';
import { cleanupBroker, fleetEnv, recreateDatabase } from './children.ts';
import { composeUsageIngest } from './usage-compose.ts';

const SECONDS = Number(process.env.BSS_BENCH_USAGE_SECONDS ?? 20);
const RATE = Number(process.env.BSS_BENCH_USAGE_RATE ?? 1000);
const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const benchUrl = process.env.BSS_BENCH_DB_URL ?? 'postgres://postgres@127.0.0.1:5432/bss_bench';
const token = randomBytes(24).toString('hex');
const exchange = `bss.bench.${randomBytes(4).toString('hex')}`;

await recreateDatabase(benchUrl);
const env = await fleetEnv({ dbUrl: benchUrl, mqUrl, exchange, token });
try {
  const u = await composeUsageIngest(env, token, { url: mqUrl, exchange }, RATE, SECONDS, process.env.BSS_BENCH_CPU_PROF);
  console.log(`usage ingest ${u.seconds}s at ${u.targetRate}/s: achieved ${u.achievedRate}/s, ${u.accepted}/${u.sent} accepted, decremented ${u.consumed} (${u.exact ? 'exact' : 'NOT exact'}), drained ${u.drainMs} ms after the load; ingest p99 ${(u.ingestP99Us / 1000).toFixed(1)} ms; lag p50 ${u.lagP50Ms} ms p99 ${u.lagP99Ms} ms`);
  for (const [name, ms] of Object.entries(u.cpuMsPerEvent).sort((a, b) => b[1] - a[1])) console.log(`${name.padEnd(18)} ${ms.toFixed(3)} ms CPU per usage event`);
} finally {
  await cleanupBroker(mqUrl, exchange);
}
