// A closed-loop load generator with microsecond latencies: `connections` keep-alive sockets, each sending its
// next request as soon as the previous response has been read, for a fixed duration. (autocannon's histogram
// rounds to whole milliseconds, too coarse for reads that take a few hundred microseconds.)
import http from 'node:http';

export interface LoadResult {
  requests: number;
  /** Microseconds. */
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  non2xx: number;
  /** Non-2xx responses by status code. */
  statuses: Record<string, number>;
  /** Server CPU (user + system) per measured request, µs: steady on a shared machine, where latency is not. */
  cpuUsPerRequest?: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds?: number;
  headers?: Record<string, string>;
  /** The server process's CPU time so far (µs, user + system); when given, the result has `cpuUsPerRequest`. */
  cpuOf?: () => Promise<number>;
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

function once(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(url: URL, opts: LoadOptions, seconds: number, record: boolean): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const statuses: Record<string, number> = {};
  const cpu0 = record && opts.cpuOf ? await opts.cpuOf() : undefined;
  const start = performance.now();
  const end = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const status = await once(agent, url, opts.headers ?? {});
        if (status < 200 || status > 299) {
          non2xx++;
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      } catch {
        errors++;
        continue;
      }
      if (record) latencies.push((performance.now() - t0) * 1000);
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const elapsed = (performance.now() - start) / 1000;
  const cpu = cpu0 === undefined ? undefined : (await opts.cpuOf!()) - cpu0;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  const result: LoadResult = { requests: sorted.length, p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), rps: Math.round(sorted.length / elapsed), errors, non2xx, statuses };
  if (cpu !== undefined && sorted.length > 0) result.cpuUsPerRequest = Math.round(cpu / sorted.length);
  return result;
}

/** Warms up (JIT, pool connections, prepared plans), then measures. */
export async function load(url: string, opts: LoadOptions): Promise<LoadResult> {
  const u = new URL(url);
  await run(u, opts, opts.warmupSeconds ?? 1, false);
  return run(u, opts, opts.seconds, true);
}
