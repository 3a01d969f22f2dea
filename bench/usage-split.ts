// CPU per usage event per service: the usage ingest of bench/run.ts with mediation, rating and subscription each in
// a process of its own (the rest of the fleet in a fourth), so each one's CPU time (process.cpuUsage, user +
// system) over the ingest and its drain can be divided by the records. A figure the shared machine's contention
// does not distort the way events/s is distorted. `node bench/usage-split.ts`; BSS_BENCH_USAGE_SECONDS (default
// 20) and BSS_BENCH_USAGE_RATE (default 1000); BSS_BENCH_CPU_PROF=<dir> writes a CPU profile per process; the database is BSS_BENCH_DB_URL (re-created), as in run.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { envStem, SERVICE_NAMES } from '@bss/config';
import { cleanupBroker, cpuOf, freePort, recreateDatabase, stop } from './children.ts';
import { orderFlow } from './pipeline.ts';
import { usageIngest } from './usage.ts';

const SECONDS = Number(process.env.BSS_BENCH_USAGE_SECONDS ?? 20);
const RATE = Number(process.env.BSS_BENCH_USAGE_RATE ?? 1000);
const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const benchUrl = process.env.BSS_BENCH_DB_URL ?? 'postgres://postgres@127.0.0.1:5432/bss_bench';
const token = randomBytes(24).toString('hex');
const exchange = `bss.bench.${randomBytes(4).toString('hex')}`;
const GROUPS = [['mediation'], ['rating'], ['subscription'], SERVICE_NAMES.filter((n) => !['mediation', 'rating', 'subscription'].includes(n))];

await recreateDatabase(benchUrl);

const env: Record<string, string | undefined> = {
  ...process.env,
  BSS_DB_URL: benchUrl,
  BSS_MQ_URL: mqUrl,
  BSS_MQ_EXCHANGE: exchange,
  BSS_MQ_QUEUE_PREFIX: `${exchange}.`,
  BSS_API_TOKEN: token,
  BSS_KYC_SIGNING_SECRET: randomBytes(24).toString('hex'),
  BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
  BSS_LOG_LEVEL: 'warn',
  BSS_PROVISIONING_TASK_DURATION_MS: '0',
  // Four processes, each with its own pools: keep them small.
  BSS_DB_POOL_MAX: '5',
};
for (const n of SERVICE_NAMES) {
  const port = await freePort();
  env[`BSS_${envStem(n)}_PORT`] = String(port);
  env[`BSS_${envStem(n)}_URL`] = `http://127.0.0.1:${port}`;
}
const procs: { group: string; proc: ChildProcess }[] = [];
try {
  for (const group of GROUPS) {
    const prof = process.env.BSS_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BSS_BENCH_CPU_PROF}`, `--cpu-prof-name=${group.length > 1 ? 'rest' : group[0]}.cpuprofile`] : [];
    const proc = spawn(process.execPath, [...prof, fileURLToPath(new URL('./fleet.ts', import.meta.url))], { env: { ...env, BSS_BENCH_FLEET_SERVICES: group.join(',') }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('READY') && resolve());
      proc.once('exit', (code) => reject(new Error(`fleet ${group.join(',')} exited with ${code}`)));
    });
    procs.push({ group: group.length > 1 ? 'rest of the fleet' : group[0]!, proc });
  }
  const urls = new Map(SERVICE_NAMES.map((n) => [n, env[`BSS_${envStem(n)}_URL`]!] as const));
  for (const u of urls.values()) while ((await fetch(`${u}/ready`).catch(() => undefined))?.status !== 200) await new Promise((r) => setTimeout(r, 50));
  const flow = await orderFlow(urls, token, 10, 1);
  const before = await Promise.all(procs.map((p) => cpuOf(p.proc)()));
  const u = await usageIngest(urls, token, flow.lines, RATE, SECONDS);
  const after = await Promise.all(procs.map((p) => cpuOf(p.proc)()));
  console.log(`usage ingest ${u.seconds}s at ${u.targetRate}/s: achieved ${u.achievedRate}/s, ${u.accepted}/${u.sent} accepted, decremented ${u.consumed} (${u.exact ? 'exact' : 'NOT exact'}), drained ${u.drainMs} ms after the load; lag p50 ${u.lagP50Ms} ms p99 ${u.lagP99Ms} ms`);
  procs.forEach((p, i) => console.log(`${p.group.padEnd(18)} ${((after[i]! - before[i]!) / 1000 / Math.max(u.accepted, 1)).toFixed(3)} ms CPU per usage event`));
} finally {
  await Promise.all(procs.map(({ proc }) => stop(proc)));
  await cleanupBroker(mqUrl, exchange);
}
