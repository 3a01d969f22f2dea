// The usage ingest against the fleet as the compose deployment runs it: each of the nine services in a process of
// its own, started as docker-compose.yml starts its container (`node services/<name>/src/main.ts`, no node flags:
// start:fleet's small young generation is a memory setting for the all-in-one process), so mediation, rating and
// subscription each have an event loop — and a core's worth of scheduling — of their own, as their containers do.
// `make up` runs all nine in one process for the memory figure; on that one event loop the whole pipeline shares a
// single core, a different question from the pipeline's throughput (bench/run.ts reports both). Each process's
// CPU time (user + system, /proc/<pid>/stat) over the ingest and its drain, divided by the accepted records, is
// the figure the shared machine's contention distorts least.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envStem, SERVICE_NAMES } from '@bss/config';
import { stop } from './children.ts';
import { orderFlow } from './pipeline.ts';
import { usageIngest, type UsageBenchResult } from './usage.ts';

export interface ComposeUsageResult extends UsageBenchResult {
  /** CPU per accepted record of each service process, ms. */
  cpuMsPerEvent: Record<string, number>;
}

/** User + system CPU time of a live process so far, ms (Linux clock ticks are 10 ms). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Starts the nine services (ports and URLs from `env`, as the single-process fleet had them; each with its own
 * default pool, as its container has), places eleven orders, runs the ingest over ten of the lines and stops the
 * services again.
 */
export async function composeUsageIngest(
  env: Record<string, string | undefined>,
  token: string,
  broker: { url: string; exchange: string },
  rate: number,
  seconds: number,
  profileDir?: string,
): Promise<ComposeUsageResult> {
  const procs: { name: string; proc: ChildProcess }[] = SERVICE_NAMES.map((name) => {
    const prof = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
    const script = fileURLToPath(new URL(`../services/${name}/src/main.ts`, import.meta.url));
    const proc = spawn(process.execPath, [...prof, script], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    return { name, proc };
  });
  try {
    const urls = new Map(SERVICE_NAMES.map((n) => [n, env[`BSS_${envStem(n)}_URL`]!] as const));
    await Promise.all(
      [...urls.values()].map(async (u) => {
        while ((await fetch(`${u}/ready`).catch(() => undefined))?.status !== 200) {
          const exited = procs.find(({ proc }) => proc.exitCode !== null);
          if (exited) throw new Error(`services/${exited.name} exited with code ${exited.proc.exitCode} before it was ready`);
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    const flow = await orderFlow(urls, token, 11, 1, broker);
    const before = procs.map(({ proc }) => cpuMsOf(proc.pid!));
    const result = await usageIngest(urls, token, flow.lines.slice(0, 10), rate, seconds);
    const after = procs.map(({ proc }) => cpuMsOf(proc.pid!));
    const cpuMsPerEvent = Object.fromEntries(procs.map(({ name }, i) => [name, (after[i]! - before[i]!) / Math.max(result.accepted, 1)]));
    return { ...result, cpuMsPerEvent };
  } finally {
    await Promise.all(procs.map(({ proc }) => stop(proc)));
  }
}
