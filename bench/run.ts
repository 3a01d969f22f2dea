// `make bench`: the whole lightweight story in one table (CLAUDE.md rule 6, issue #13).
//   1. A throwaway database (BSS_BENCH_DB_URL, default: BSS_DB_URL's server, database `bss_bench`) is
//      re-created and migrated; the whole fleet starts in a child process on free ports with its own exchange
//      and queue prefix: cold start = spawn → every service's /ready answers 200; idle RSS is read after it.
//   2. Every read of bench/reads.ts runs at concurrency 10 right after the floor (bare Fastify + pg, one query
//      by primary key, bench/floor.ts); targets: p99 ≤ 1.5× and req/s ≥ 0.67× that floor.
//   3. The event plane (bench/events.ts): relay events/s and commit → handled latency at 1,000 events/s, through a
//      consumer with natural batching (as the consumers that see that rate run; the target) and one without.
// Latency is in microseconds. Results go to bench/results/{reads,fleet,events}.json; exit 1 when a target
// is missed. BSS_BENCH_DURATION (s per endpoint, default 10), BSS_BENCH_EVENTS_SECONDS (default 5) and
// BSS_BENCH_EVENTS_RATE (events/s of the latency part, default 1000: the target's rate).
// Each read also reports the server's CPU per request (µs, user + system, read from the child over IPC),
// the figure that stays steady when the shared machine is busy; the floor's is beside it. The fleet's is net of
// its idle background CPU (measured for 2 s before the reads; reads.json has it as fleetIdleCpuUsPerSecond).
// Parts: BSS_BENCH_ONLY is a comma list of `start` (cold start, idle memory), `per-service` (idle RSS of each
// service in its own process, as compose runs them), `flow` (order flow), `reads`, `usage`, `events` (default:
// all; `fleet` and `orders` are accepted for `start` and `flow`). The fleet always starts once; reads without `flow` still place a
// few orders, unmeasured, to seed the subscription/order/usage reads. BSS_BENCH_READS (comma list of
// substrings of the read names, e.g. `customer?,usage`) keeps only the reads it matches.
// The usage ingest runs twice, BSS_BENCH_USAGE_SECONDS (default 60) each: on the one fleet process (reported) and
// then, with that process stopped, on the compose shape — each service in its own process — where the target is
// measured (bench/usage-compose.ts), with each service's CPU per usage event. Alone (BSS_BENCH_ONLY=usage) it
// places eleven orders for its lines; BSS_BENCH_CPU_PROF=<dir> runs the fleet (and the compose-shaped services)
// with --cpu-prof into <dir>. bench/usage-split.ts runs only the compose-shaped ingest.
// BSS_BENCH_ORDER_WAIT=poll makes the order flow poll each order every 2 ms instead of waiting for its outcome event.
// BSS_BENCH_FLEET_STARTS (default 1): measured fleet starts after the cache-filling first one; cold start, start
// CPU and idle RSS are their medians.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envStem, SERVICE_NAMES } from '@bss/config';
import { cleanupBroker, cpuOf, fleetEnv, recreateDatabase, stop, vacuumAnalyze } from './children.ts';
import { runEventsBench } from './events.ts';
import { load, type LoadResult } from './load.ts';
import { orderFlow, seedUsage, type OrderFlowResult } from './pipeline.ts';
import { composeUsageIngest, type ComposeUsageResult } from './usage-compose.ts';
import { usageIngest, type UsageBenchResult } from './usage.ts';
import { FLOWS, ORDER_FLOW_TARGETS, READ_TARGETS, READS } from './reads.ts';
import { seed } from './seed.ts';

const rootPackage = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> };
const DURATION_S = Number(process.env.BSS_BENCH_DURATION ?? 10);
const EVENTS_S = Number(process.env.BSS_BENCH_EVENTS_SECONDS ?? 5);
// The target is set at 1,000 events/s; another rate (BSS_BENCH_EVENTS_RATE) helps tell CPU starvation from waiting.
const EVENTS_RATE = Number(process.env.BSS_BENCH_EVENTS_RATE ?? 1000);
const CONNECTIONS = 10;
/** Fleet-level targets (issue #13 §4): resident memory of the idle fleet process and spawn → all ready. */
const FLEET_TARGETS = { idleRssMb: 128, coldStartMs: 2000 };
/**
 * The env assignments and node flags of the `start:fleet` script (package.json), so the bench measures the
 * process `make up` runs. NODE_COMPILE_CACHE set before node starts also caches the entry file: without it the
 * TypeScript stripper (amaro, ~30 MB resident) loads just to strip the entry and stays for good.
 */
const startFleet = /^((?:[A-Z_]+=\S+ )*)node ((?:--\S+ )*)/.exec(rootPackage.scripts['start:fleet'] ?? '');
const FLEET_NODE_FLAGS = (startFleet?.[2] ?? '').split(' ').filter(Boolean);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// Relative paths in the assignments are relative to the repository root, where pnpm runs the script.
const FLEET_NODE_ENV = Object.fromEntries(
  (startFleet?.[1] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((a) => a.split('=') as [string, string])
    .map(([k, v]) => [k, v.startsWith('/') ? v : `${repoRoot}${v}`]),
);
const EVENT_TARGETS = { relayEventsPerSecond: 10_000, commitToHandledP99Us: 20_000 };
/** Sustained usage ingest through mediation → rating → subscription (issue #11 §6). */
const USAGE_TARGETS = { eventsPerSecond: 1000 };
const USAGE_S = Number(process.env.BSS_BENCH_USAGE_SECONDS ?? 60);
const PARTS = ['start', 'per-service', 'flow', 'reads', 'usage', 'events'] as const;
const ALIASES: Record<string, string> = { fleet: 'start', orders: 'flow' };
const only = (process.env.BSS_BENCH_ONLY ?? '').split(',').map((p) => p.trim()).filter(Boolean).map((p) => ALIASES[p] ?? p);
for (const p of only) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`BSS_BENCH_ONLY: unknown part ${p} (${PARTS.join(', ')})`);
const runs = (part: (typeof PARTS)[number]) => only.length === 0 || only.includes(part);
const readFilter = (process.env.BSS_BENCH_READS ?? '').split(',').map((p) => p.trim()).filter(Boolean);
const CPU_PROF_DIR = process.env.BSS_BENCH_CPU_PROF;
const FLEET_STARTS = Math.max(1, Number(process.env.BSS_BENCH_FLEET_STARTS ?? 1));

const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const serverUrl = process.env.BSS_DB_URL ?? 'postgres://postgres@127.0.0.1:5432/bss';
const benchUrl = (() => {
  if (process.env.BSS_BENCH_DB_URL) return process.env.BSS_BENCH_DB_URL;
  const u = new URL(serverUrl);
  u.pathname = '/bss_bench';
  return u.toString();
})();
const token = randomBytes(24).toString('hex');
const suffix = randomBytes(4).toString('hex');
const exchange = `bss.bench.${suffix}`;
const written: string[] = [];
const results = (name: string) => {
  const file = fileURLToPath(new URL(`./results/${name}.json`, import.meta.url));
  written.push(file);
  return file;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Spawns a bench child and resolves with what follows READY on its stdout. */
// Its output (the services' warn-level logs) goes to bench/results/<name>.log.
function child(script: string, env: Record<string, string | undefined>, args: string[] = []): { proc: ChildProcess; ready: Promise<string> } {
  const proc = spawn(process.execPath, [...args, fileURLToPath(new URL(script, import.meta.url))], { env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  proc.stdout!.pipe(createWriteStream(fileURLToPath(new URL(`./results/${script.replace(/^\.\/|\.ts$/g, '')}.log`, import.meta.url)), { flags: 'a' }));
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = /READY (.+)\n/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { proc, ready };
}

async function memoryOf(proc: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    proc.once('message', (m) => resolve((m as { memory: NodeJS.MemoryUsage }).memory));
    proc.send('memory');
  });
}

interface Row {
  metric: string;
  p50?: number;
  p99?: number;
  rps?: number;
  /** Server CPU per request, µs. */
  cpu?: number;
  p99Ratio?: number;
  rpsRatio?: number;
  value?: string;
  target: string;
  verdict: 'PASS' | 'FAIL' | '-';
  note?: string;
}

const rows: Row[] = [];
let fleet: ChildProcess | undefined;
let floor: ChildProcess | undefined;
try {
  for (const log of ['fleet', 'floor']) rmSync(fileURLToPath(new URL(`./results/${log}.log`, import.meta.url)), { force: true });
  await recreateDatabase(benchUrl);
  const env = await fleetEnv({ dbUrl: benchUrl, mqUrl, exchange, token });

  const mb = (b: number) => Math.round(b / 1024 / 1024);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // 0. Each service in its own process (`node services/<name>/src/main.ts`, as the compose containers run it,
  // with the node flags of start:fleet): idle RSS per service, read from /proc once all nine are ready.
  if (runs('per-service')) {
    const procs = SERVICE_NAMES.map((n) => ({ name: n, proc: spawn(process.execPath, [...FLEET_NODE_FLAGS, fileURLToPath(new URL(`../services/${n}/src/main.ts`, import.meta.url))], { env: { ...env, ...FLEET_NODE_ENV }, stdio: ['ignore', 'ignore', 'inherit'] }) }));
    try {
      await Promise.all(
        SERVICE_NAMES.map(async (n) => {
          while ((await fetch(`${env[`BSS_${envStem(n)}_URL`]}/ready`).catch(() => undefined))?.status !== 200) await sleep(20);
        }),
      );
      await sleep(3000);
      const exited = procs.find(({ proc }) => proc.exitCode !== null);
      if (exited) throw new Error(`services/${exited.name} exited with code ${exited.proc.exitCode} while idle`);
      const rss = procs.map(({ name, proc }) => ({ name, rssMb: Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024) }));
      const total = rss.reduce((a, r) => a + r.rssMb, 0);
      writeFileSync(results('per-service'), `${JSON.stringify({ nodeFlags: FLEET_NODE_FLAGS, services: rss, totalRssMb: total }, null, 2)}\n`);
      rows.push({ metric: 'idle RSS, one process per service (sum)', value: `${total} MB`, target: 'reported', verdict: '-', note: rss.map((r) => `${r.name} ${r.rssMb}`).join(', ') });
    } finally {
      await Promise.all(procs.map(({ proc }) => stop(proc)));
    }
  }

  // 1. Cold start and idle memory. The first start fills the compile cache if the code changed since the last
  // run (reported as a note); the next BSS_BENCH_FLEET_STARTS are the start `make up` normally makes.
  const startFleetChild = async () => {
    const t0 = performance.now();
    const prof = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
    const f = child('./fleet.ts', { ...env, ...FLEET_NODE_ENV }, ['--expose-gc', ...prof, ...FLEET_NODE_FLAGS]);
    const started = JSON.parse(await f.ready) as { services: { name: string; url: string }[]; startedMs: number; cpuMs: number };
    const pending = new Set(started.services.map((s) => s.url));
    while (pending.size) {
      for (const u of [...pending]) if ((await fetch(`${u}/ready`).catch(() => undefined))?.status === 200) pending.delete(u);
      if (pending.size) await sleep(10);
    }
    return { proc: f.proc, started, ms: Math.round(performance.now() - t0) };
  };
  const first = runs('start') ? await startFleetChild() : undefined;
  if (first) await stop(first.proc);
  const starts: { ms: number; cpuMs: number; rss: number; idle: NodeJS.MemoryUsage }[] = [];
  let second = await startFleetChild();
  for (let i = 0; first && i < FLEET_STARTS; i++) {
    if (i > 0) second = await startFleetChild();
    await sleep(3000);
    const m = await memoryOf(second.proc);
    starts.push({ ms: second.ms, cpuMs: second.started.cpuMs, rss: m.rss, idle: m });
    if (i < FLEET_STARTS - 1) await stop(second.proc);
  }
  fleet = second.proc;
  const { started } = second;
  const urls = new Map(started.services.map((s) => [s.name, s.url]));
  const coldStartMs = starts.length ? median(starts.map((s) => s.ms)) : second.ms;
  const startCpuMs = starts.length ? median(starts.map((s) => s.cpuMs)) : started.cpuMs;
  const idle = starts.length ? starts.find((s) => s.rss === median(starts.map((x) => x.rss)))!.idle : await memoryOf(fleet);

  // 2. Reads beside the floor, each measured right after its own floor run (the shared machine drifts).
  const fl = child('./floor.ts', { ...process.env, BSS_DB_URL: benchUrl });
  floor = fl.proc;
  const floorUrl = await fl.ready;
  const seeded = await seed(urls.get('crm')!, token);
  // The order flow first: it is measured on its own, and its last order seeds the com/subscription/usage reads.
  let flow: OrderFlowResult | undefined;
  let cpuNote = '';
  const fleetCpu = cpuOf(second.proc);
  if (['com', 'som', 'subscription', 'provisioning-sim'].every((s) => urls.has(s)) && (runs('flow') || runs('reads') || runs('usage'))) {
    const cpuBefore = await fleetCpu();
    flow = await orderFlow(urls, token, runs('flow') ? 100 : runs('usage') ? 11 : 3, 1, process.env.BSS_BENCH_ORDER_WAIT === 'poll' ? undefined : { url: mqUrl, exchange });
    cpuNote = `; fleet CPU ${(((await fleetCpu()) - cpuBefore) / 1000 / flow.orders).toFixed(1)} ms per order (incl. customer setup)`;
    Object.assign(seeded, flow.last);
    if (urls.has('mediation')) await seedUsage(urls, token, flow.last.msisdn);
  }
  if (flow && runs('flow')) {
    rows.push({
      metric: 'order submit → active (100 orders)',
      p50: Math.round(flow.p50Ms * 1000),
      p99: Math.round(flow.p99Ms * 1000),
      target: `p50 ≤ ${ORDER_FLOW_TARGETS.p50Ms * 1000} µs`,
      verdict: flow.p50Ms <= ORDER_FLOW_TARGETS.p50Ms ? 'PASS' : 'FAIL',
      note: `max ${Math.round(flow.maxMs * 1000)} µs, one order at a time, zero-delay provisioning${cpuNote}`,
    });
  }
  const floorPath = `${floorUrl}/customer/${seeded.customerId}`;
  const opts = { connections: CONNECTIONS, seconds: DURATION_S, headers: { 'x-bss-api-token': token } };
  const readResults: { name: string; url?: string; floor?: LoadResult; read?: LoadResult; note?: string }[] = [];
  const reads = runs('reads') ? READS.filter((r) => readFilter.length === 0 || readFilter.some((f) => r.name.includes(f))) : [];
  // The fleet's own background CPU (relays, the provisioning backstop poll, sweepers), µs per second, measured
  // idle before the reads: the CPU per request of a read is reported net of it.
  const idle0 = await fleetCpu();
  const idleT0 = performance.now();
  await sleep(2000);
  const idleCpuPerS = ((await fleetCpu()) - idle0) / ((performance.now() - idleT0) / 1000);
  if (reads.length) rows.push({ metric: 'fleet background CPU, idle', value: `${Math.round(idleCpuPerS)} µs/s`, target: 'subtracted from cpu µs', verdict: '-' });
  const netCpu = (r: LoadResult) => (r.cpuUsPerRequest === undefined ? undefined : Math.max(0, Math.round(r.cpuUsPerRequest - idleCpuPerS / Math.max(r.rps, 1))));
  for (const r of reads) {
    const base = urls.get(r.service);
    if (!base || !r.path) {
      const note = base ? 'not measured: no path declared yet' : 'not measured: service not built';
      rows.push({ metric: r.name, target: `p99 ≤ ${READ_TARGETS.p99Ratio}× floor, req/s ≥ ${READ_TARGETS.rpsRatio}×`, verdict: '-', note });
      readResults.push({ name: r.name, note });
      continue;
    }
    const url = `${base}${r.path(seeded)}`;
    const fr = await load(floorPath, { ...opts, cpuOf: cpuOf(fl.proc) });
    const rr = await load(url, { ...opts, cpuOf: fleetCpu });
    const p99Ratio = +(rr.p99 / Math.max(fr.p99, 1)).toFixed(2);
    const rpsRatio = +(rr.rps / Math.max(fr.rps, 1)).toFixed(2);
    const ok = p99Ratio <= READ_TARGETS.p99Ratio && rpsRatio >= READ_TARGETS.rpsRatio && rr.errors + rr.non2xx === 0;
    rows.push({ metric: '  floor (fastify + pg, by pk)', p50: fr.p50, p99: fr.p99, rps: fr.rps, cpu: fr.cpuUsPerRequest, target: '', verdict: '-' });
    rows.push({
      metric: r.name,
      p50: rr.p50,
      p99: rr.p99,
      rps: rr.rps,
      p99Ratio,
      rpsRatio,
      cpu: netCpu(rr),
      target: `p99 ≤ ${READ_TARGETS.p99Ratio}× floor, req/s ≥ ${READ_TARGETS.rpsRatio}×`,
      verdict: ok ? 'PASS' : 'FAIL',
      ...(rr.errors + rr.non2xx ? { note: `${rr.errors} errors, non-2xx ${JSON.stringify(rr.statuses)}` } : {}),
    });
    readResults.push({ name: r.name, url, floor: fr, read: { ...rr, cpuUsPerRequest: netCpu(rr) } });
  }
  // 3. Sustained usage ingest over ten of the lines the order flow activated, with exact accounting at the end —
  // here on the one process `make up` runs (reported: one event loop, one core, for the whole pipeline); the
  // target is measured below on the compose shape, one process per service.
  let usageResult: UsageBenchResult | undefined;
  if (flow && runs('usage') && ['mediation', 'rating'].every((s) => urls.has(s))) {
    await vacuumAnalyze(benchUrl);
    const cpuBefore = await fleetCpu();
    usageResult = await usageIngest(urls, token, flow.lines.slice(0, 10), USAGE_TARGETS.eventsPerSecond, USAGE_S);
    const u = usageResult;
    // CPU of the whole fleet process per accepted record, ingest and drain included (the balance sampling's
    // reads are in it too, a small part).
    const cpuPerEventMs = ((await fleetCpu()) - cpuBefore) / 1000 / Math.max(u.accepted, 1);
    rows.push({
      metric: `usage ingest, ${u.seconds}s, all in one process`,
      p50: u.ingestP50Us,
      p99: u.ingestP99Us,
      value: `${u.achievedRate} events/s`,
      target: 'reported',
      verdict: '-',
      note: `${u.accepted}/${u.sent} accepted; ${u.exact ? 'exact' : 'NOT exact'}; lag p50 ${u.lagP50Ms} ms p99 ${u.lagP99Ms} ms; fleet CPU ${cpuPerEventMs.toFixed(3)} ms per event`,
    });
  }
  for (const flow of runs('usage') ? FLOWS : []) {
    if (usageResult && flow.name.startsWith('usage ingest')) continue;
    const missing = flow.services.filter((s) => !urls.has(s));
    rows.push({ metric: flow.name, target: '', verdict: '-', note: missing.length ? `not measured: service not built (${missing.join(', ')})` : 'not measured: not written yet' });
  }
  writeFileSync(results('reads'), `${JSON.stringify({ node: process.version, connections: CONNECTIONS, fleetIdleCpuUsPerSecond: Math.round(idleCpuPerS), durationSeconds: DURATION_S, targets: READ_TARGETS, reads: readResults, orderFlow: flow ? { ...flow, lines: flow.lines.length } : null, usage: usageResult ?? null }, null, 2)}\n`);

  const loaded = await memoryOf(fleet);
  if (first) {
    const fleetResult = { services: [...urls.keys()], nodeFlags: FLEET_NODE_FLAGS, nodeEnv: FLEET_NODE_ENV, coldStartMs, startCpuMs, starts: starts.map(({ ms, cpuMs, rss }) => ({ ms, cpuMs, rssMb: mb(rss) })), firstStartMs: first.ms, startFleetReturnedMs: started.startedMs, idle, afterLoad: loaded, targets: FLEET_TARGETS };
    writeFileSync(results('fleet'), `${JSON.stringify(fleetResult, null, 2)}\n`);
    const of = starts.length > 1 ? `median of ${starts.length} starts; ` : '';
    const afterLoad = runs('reads') || runs('usage') ? `after load RSS ${mb(loaded.rss)} MB` : 'no load run';
    rows.push({ metric: `fleet idle RSS (${urls.size} services, one process)`, value: `${mb(idle.rss)} MB`, target: `≤ ${FLEET_TARGETS.idleRssMb} MB`, verdict: mb(idle.rss) <= FLEET_TARGETS.idleRssMb ? 'PASS' : 'FAIL', note: `${of}heap ${mb(idle.heapUsed)} MB; ${afterLoad}` });
    rows.push({ metric: 'cold start (spawn → all /ready 200)', value: `${coldStartMs} ms`, target: `≤ ${FLEET_TARGETS.coldStartMs} ms`, verdict: coldStartMs <= FLEET_TARGETS.coldStartMs ? 'PASS' : 'FAIL', note: `${of}start CPU ${startCpuMs} ms; first start ${first.ms} ms; startFleet returned at ${started.startedMs} ms; ${Object.keys(FLEET_NODE_ENV).join(' ')} node ${FLEET_NODE_FLAGS.join(' ')}` });
  }
  await stop(floor);
  await stop(fleet);

  // 4. The usage ingest target, on the compose shape: each service in its own process (bench/usage-compose.ts).
  if (flow && runs('usage') && ['mediation', 'rating'].every((s) => urls.has(s))) {
    await vacuumAnalyze(benchUrl);
    const u: ComposeUsageResult = await composeUsageIngest(env, token, { url: mqUrl, exchange }, USAGE_TARGETS.eventsPerSecond, USAGE_S, CPU_PROF_DIR);
    const ok = u.achievedRate >= USAGE_TARGETS.eventsPerSecond * 0.98 && u.accepted === u.sent && u.exact;
    rows.push({
      metric: `usage ingest, ${u.seconds}s open loop (compose shape)`,
      p50: u.ingestP50Us,
      p99: u.ingestP99Us,
      value: `${u.achievedRate} events/s`,
      target: `≥ ${USAGE_TARGETS.eventsPerSecond} events/s, exact accounting`,
      verdict: ok ? 'PASS' : 'FAIL',
      note: `${u.accepted}/${u.sent} accepted${Object.keys(u.refused).length ? ` refused ${JSON.stringify(u.refused)}` : ''}; decremented ${u.consumed} (${u.exact ? 'exact' : 'NOT exact'}); drained ${u.drainMs} ms after the load`,
    });
    rows.push({ metric: 'usage → balance lag (compose shape)', p50: u.lagP50Ms * 1000, p99: u.lagP99Ms * 1000, target: 'reported', verdict: '-', note: 'sampled balances vs send times during the load' });
    const cpu = ['mediation', 'rating', 'subscription'].map((n) => `${n} ${(u.cpuMsPerEvent[n] ?? 0).toFixed(3)}`).join(', ');
    rows.push({ metric: 'usage CPU per event (compose shape)', value: `${Object.values(u.cpuMsPerEvent).reduce((a, b) => a + b, 0).toFixed(3)} ms`, target: 'reported', verdict: '-', note: `all nine processes; ${cpu} ms` });
    writeFileSync(results('usage'), `${JSON.stringify({ node: process.version, target: USAGE_TARGETS, oneProcess: usageResult ?? null, composeShape: u }, null, 2)}\n`);
  }

  // 5. The event plane.
  if (runs('events')) {
    const ev = await runEventsBench(serverUrl, mqUrl, EVENTS_S, EVENTS_RATE);
    writeFileSync(results('events'), `${JSON.stringify({ node: process.version, ...ev, targets: EVENT_TARGETS }, null, 2)}\n`);
    rows.push({ metric: 'relay throughput', value: `${ev.relay.eventsPerSecond} events/s`, target: `≥ ${EVENT_TARGETS.relayEventsPerSecond} events/s`, verdict: ev.relay.eventsPerSecond >= EVENT_TARGETS.relayEventsPerSecond ? 'PASS' : 'FAIL', note: `${ev.relay.events} events in ${ev.relay.ms} ms` });
    const evP50 = Math.round(ev.latency.p50 * 1000);
    const evP99 = Math.round(ev.latency.p99 * 1000);
    rows.push({ metric: `commit → handled at ${ev.latency.ratePerSecond} events/s (batching consumer)`, p50: evP50, p99: evP99, target: `p99 ≤ ${EVENT_TARGETS.commitToHandledP99Us} µs`, verdict: evP99 <= EVENT_TARGETS.commitToHandledP99Us && ev.latency.failedWrites === 0 ? 'PASS' : 'FAIL', note: `max ${Math.round(ev.latency.max * 1000)} µs; ${ev.latency.cpuUsPerEvent} µs CPU per event${ev.latency.failedWrites ? `; ${ev.latency.failedWrites} writes failed` : ""}` });
    const hopNames = { commitToDrainStart: 'commit → relay drain start', drainStartToInboxTx: 'drain start → consumer inbox tx', inboxTxToHandled: 'inbox tx → handled' } as const;
    for (const [k, name] of Object.entries(hopNames)) {
      const h = ev.hops[k as keyof typeof hopNames];
      rows.push({ metric: `  ${name}`, p50: Math.round(h.p50 * 1000), p99: Math.round(h.p99 * 1000), target: 'reported', verdict: '-', note: 'from the outbox/inbox timestamps' });
    }
    // The same rate through a consumer without batching (one transaction per message), reported beside it.
    const single = await runEventsBench(serverUrl, mqUrl, EVENTS_S, EVENTS_RATE, false);
    writeFileSync(results('events-single'), `${JSON.stringify({ node: process.version, ...single, targets: EVENT_TARGETS }, null, 2)}\n`);
    rows.push({ metric: `  same, consumer without batching`, p50: Math.round(single.latency.p50 * 1000), p99: Math.round(single.latency.p99 * 1000), target: 'reported', verdict: '-', note: `max ${Math.round(single.latency.max * 1000)} µs; ${single.latency.cpuUsPerEvent} µs CPU per event` });
  }

  print();
  process.exitCode = rows.every((r) => r.verdict !== 'FAIL') ? 0 : 1;
} finally {
  await stop(floor);
  await stop(fleet);
  await cleanupBroker(mqUrl, exchange).catch((err: Error) => console.error(`bench: broker cleanup failed: ${err.message}`));
}

function print(): void {
  const cell = (v: number | string | undefined, w: number) => String(v ?? '').padStart(w);
  console.log(`\nmake bench — concurrency ${CONNECTIONS}, ${DURATION_S}s per endpoint, latency in µs\n`);
  const head = ['metric'.padEnd(46), cell('p50 µs', 8), cell('p99 µs', 8), cell('req/s', 7), cell('p99 ×', 6), cell('rps ×', 6), cell('cpu µs', 7), cell('value', 17), '  ', 'target'.padEnd(38), 'result'];
  console.log(head.join(' '));
  for (const r of rows) {
    console.log(
      [r.metric.padEnd(46), cell(r.p50, 8), cell(r.p99, 8), cell(r.rps, 7), cell(r.p99Ratio, 6), cell(r.rpsRatio, 6), cell(r.cpu, 7), cell(r.value, 17), '  ', r.target.padEnd(38), r.verdict === '-' ? '' : r.verdict, r.note ? ` ${r.note}` : ''].join(' '),
    );
  }
  console.log(`\nwritten ${written.join(', ')}`);
}
