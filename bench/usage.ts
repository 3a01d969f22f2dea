// Sustained usage ingest through the running fleet: open-loop POSTs to mediation at a fixed rate for a fixed
// time, spread over several live lines (sent over raw sockets, bench/raw-post.ts, so the sender takes little of
// the machine the pipeline runs on), then the exact accounting check (every distinct record decremented once,
// nothing parked) and the usage-to-balance lag: while the load runs, each line's balance is sampled (every
// 250 ms), and a sample showing C MB consumed is C MB behind the moment the C-th MB was sent.
import { rawPoster } from './raw-post.ts';

export interface UsageBenchResult {
  targetRate: number;
  seconds: number;
  sent: number;
  accepted: number;
  refused: Record<string, number>;
  achievedRate: number;
  ingestP50Us: number;
  ingestP99Us: number;
  lagP50Ms: number;
  lagP99Ms: number;
  drainMs: number;
  exact: boolean;
  consumed: number;
}

interface Line {
  subscriptionId: string;
  msisdn: string;
  /** When each MB (one record = 1 MB) was sent, in order. */
  sentAt: number[];
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

async function consumedData(subscriptionUrl: string, token: string, id: string): Promise<number> {
  const res = await fetch(`${subscriptionUrl}/subscription-api/v1/subscription/${id}/balance`, { headers: { 'x-bss-api-token': token } });
  const balances = (await res.json()) as { allowanceType: string; consumed: number }[];
  return balances.find((b) => b.allowanceType === 'data')?.consumed ?? 0;
}

export async function usageIngest(urls: Map<string, string>, token: string, lines: { subscriptionId: string; msisdn: string }[], rate = 1000, seconds = 60): Promise<UsageBenchResult> {
  const mediation = new URL(`${urls.get('mediation')}/tmf-api/usageManagement/v4/usage`);
  const subscriptionUrl = urls.get('subscription')!;
  const poster = rawPoster(mediation, { 'x-bss-api-token': token });
  const state: Line[] = lines.map((l) => ({ ...l, sentAt: [] }));
  const base = await Promise.all(state.map((l) => consumedData(subscriptionUrl, token, l.subscriptionId)));
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  let sent = 0;
  let accepted = 0;
  const inFlight = new Set<Promise<void>>();
  const post = (line: Line, seq: number) => {
    const body = JSON.stringify({ msisdn: line.msisdn, eventType: 'data', eventTime: '2026-12-01T12:00:00Z', quantity: 1, unit: 'mb', externalId: `bench-${line.subscriptionId}-${seq}` });
    const t0 = performance.now();
    line.sentAt.push(t0);
    sent++;
    const p = poster.post(body).then((status) => {
      latencies.push((performance.now() - t0) * 1000);
      const key = status === 0 ? 'transport' : String(status);
      if (status === 201) accepted++;
      else refused[key] = (refused[key] ?? 0) + 1;
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  // Balance sampler: (time, consumed) per line, turned into lags against the send times.
  const lags: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      for (const [i, line] of state.entries()) {
        const now = performance.now();
        const c = (await consumedData(subscriptionUrl, token, line.subscriptionId)) - base[i]!;
        if (c > 0 && c <= line.sentAt.length) lags.push(now - line.sentAt[c - 1]!);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  const start = performance.now();
  const total = rate * seconds;
  const seq = state.map(() => 0);
  for (let n = 0; n < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    for (; n < due; n++) {
      const i = n % state.length;
      post(state[i]!, seq[i]!++);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  while (inFlight.size) await Promise.all([...inFlight]);
  const elapsed = (performance.now() - start) / 1000;

  // Drain: wait until every line's balance shows every accepted record (or give up after 120 s).
  const t0 = performance.now();
  let consumed = 0;
  for (;;) {
    consumed = 0;
    for (const [i, line] of state.entries()) consumed += (await consumedData(subscriptionUrl, token, line.subscriptionId)) - base[i]!;
    if (consumed >= accepted || performance.now() - t0 > 120_000) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const drainMs = Math.round(performance.now() - t0);
  sampling = false;
  await sampler;
  poster.close();
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return {
    targetRate: rate,
    seconds,
    sent,
    accepted,
    refused,
    achievedRate: Math.round(sent / elapsed),
    ingestP50Us: Math.round(pct(latencies, 50)),
    ingestP99Us: Math.round(pct(latencies, 99)),
    lagP50Ms: Math.round(pct(lags, 50)),
    lagP99Ms: Math.round(pct(lags, 99)),
    drainMs,
    exact: consumed === accepted,
    consumed,
  };
}
