// `make bench`: load-tests the catalog (GET productOffering list and one offering) at concurrency 10 for a
// fixed duration, and in the same run a bare Fastify + one pg query endpoint as the baseline. Prints
// p50/p99/throughput and each ratio to the baseline, writes bench/results/catalog.json, and exits 1 when a
// target is missed (list p99 ≤ 10 ms; each p99 ratio ≤ 2). Then the event plane (bench/events.ts): relay
// events/s and commit → handled p50/p99 at a steady 1,000 events/s, written to bench/results/events.json
// (targets: relay ≥ 10,000 events/s; p99 ≤ 20 ms).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { runEventsBench } from './events.ts';

const DURATION_S = Number(process.env.BSS_BENCH_DURATION ?? 10);
const EVENTS_S = Number(process.env.BSS_BENCH_EVENTS_SECONDS ?? 5);
const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const CONNECTIONS = 10;
const dbUrl = process.env.BSS_DB_URL ?? 'postgres://postgres@127.0.0.1:5432/bss';
const token = randomBytes(24).toString('hex');

interface Result {
  name: string;
  url: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // Warm-up: JIT, pool connections, prepared plans.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { name, url, p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average), errors: r.errors, non2xx: r.non2xx };
}

// Servers run in a child process; this process only generates load.
const child = spawn(process.execPath, [fileURLToPath(new URL('./targets.ts', import.meta.url))], {
  env: { ...process.env, BSS_DB_URL: dbUrl, BSS_API_TOKEN: token },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [catalogUrl, baselineUrl] = await new Promise<string[]>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /READY (\S+) (\S+)/.exec(out);
    if (m) resolve([m[1]!, m[2]!]);
  });
  child.once('exit', (code) => reject(new Error(`bench targets exited with ${code}`)));
});
const stopped = new Promise((r) => child.once('exit', r));

const tmf = `${catalogUrl}/tmf-api/productCatalogManagement/v4`;
const auth = { 'x-bss-api-token': token };
try {
  const base = await load('baseline: fastify + pg', `${baselineUrl}/offerings`);
  const list = await load('catalog: GET productOffering (list)', `${tmf}/productOffering`, auth);
  const one = await load('catalog: GET productOffering/PLAN_M', `${tmf}/productOffering/PLAN_M`, auth);

  const rows = [base, list, one].map((r) => ({ ...r, p99Ratio: +(r.p99 / Math.max(base.p99, 1)).toFixed(2), p50Ratio: +(r.p50 / Math.max(base.p50, 1)).toFixed(2) }));
  console.log(`\nconcurrency ${CONNECTIONS}, ${DURATION_S}s per endpoint\n`);
  console.log('endpoint'.padEnd(40), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'req/s'.padStart(8), 'p99/base'.padStart(9), 'non2xx'.padStart(7));
  for (const r of rows) console.log(r.name.padEnd(40), String(r.p50).padStart(7), String(r.p99).padStart(7), String(r.rps).padStart(8), String(r.p99Ratio).padStart(9), String(r.non2xx + r.errors).padStart(7));

  const targets = [
    { target: 'list p99 <= 10 ms', ok: list.p99 <= 10 },
    { target: 'list p99 ratio <= 2', ok: rows[1]!.p99Ratio <= 2 },
    { target: 'one p99 ratio <= 2', ok: rows[2]!.p99Ratio <= 2 },
    { target: 'no errors', ok: rows.every((r) => r.errors === 0 && r.non2xx === 0) },
  ];
  const out = fileURLToPath(new URL('./results/catalog.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify({ node: process.version, connections: CONNECTIONS, durationSeconds: DURATION_S, results: rows, targets }, null, 2)}\n`);

  const ev = await runEventsBench(dbUrl, mqUrl, EVENTS_S);
  console.log(`\nevent plane (${ev.relay.events} events drained; ${EVENTS_S}s at ${ev.latency.ratePerSecond}/s)\n`);
  console.log('relay throughput'.padEnd(40), `${ev.relay.eventsPerSecond} events/s`.padStart(16), `(${ev.relay.ms} ms)`);
  console.log('commit → handled at 1,000 events/s'.padEnd(40), `p50 ${ev.latency.p50} ms`.padStart(16), `p99 ${ev.latency.p99} ms`, `max ${ev.latency.max} ms`);
  const eventTargets = [
    { target: 'relay >= 10,000 events/s', ok: ev.relay.eventsPerSecond >= 10_000 },
    { target: 'commit → handled p99 <= 20 ms at 1,000 events/s', ok: ev.latency.p99 <= 20 },
  ];
  const evOut = fileURLToPath(new URL('./results/events.json', import.meta.url));
  writeFileSync(evOut, `${JSON.stringify({ node: process.version, ...ev, targets: eventTargets }, null, 2)}\n`);

  console.log('');
  for (const t of [...targets, ...eventTargets]) console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.target}`);
  console.log(`\nwritten ${out}\nwritten ${evOut}`);
  process.exitCode = [...targets, ...eventTargets].every((t) => t.ok) ? 0 : 1;
} finally {
  child.kill('SIGTERM');
  await stopped;
}
