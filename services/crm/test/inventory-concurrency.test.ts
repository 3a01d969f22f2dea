// Parallel reservations through a really listening app: each request runs in its own pooled transaction, so
// FOR UPDATE SKIP LOCKED is what keeps two callers from getting the same number or profile.
import { authHeaders } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
let base: string;
const N = 40;

beforeAll(async () => {
  h = await startHarness({ dbMax: 20 });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = h.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => h?.close());

const post = (path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: body === undefined ? authHeaders() : { ...authHeaders(), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const getJson = async (path: string) => (await fetch(`${base}${path}`, { headers: authHeaders() })).json();

describe('parallel reservations', () => {
  it(`gives ${N} parallel reserve-next calls ${N} different numbers`, async () => {
    const responses = await Promise.all(Array.from({ length: N }, () => post('/inventory-api/v1/msisdn/reserve-next')));
    expect(responses.map((r) => r.status)).toEqual(Array(N).fill(201));
    const numbers = await Promise.all(responses.map(async (r) => ((await r.json()) as { msisdn: string }).msisdn));
    expect(new Set(numbers).size).toBe(N);
    const count = await getJson('/inventory-api/v1/msisdn/count');
    expect(count).toMatchObject({ available: 1000 - N, reserved: N, total: 1000 });
  });

  it('lets exactly one of many parallel calls reserve the same specific number', async () => {
    const responses = await Promise.all(Array.from({ length: 15 }, () => post('/inventory-api/v1/msisdn/90000777/reserve')));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(14);
  });

  it(`gives ${N} parallel eSIM reservations ${N} different profiles`, async () => {
    const responses = await Promise.all(Array.from({ length: N }, () => post('/inventory-api/v1/esim/reserve')));
    expect(responses.map((r) => r.status)).toEqual(Array(N).fill(201));
    const iccids = await Promise.all(responses.map(async (r) => ((await r.json()) as { iccid: string }).iccid));
    expect(new Set(iccids).size).toBe(N);
    const res = await fetch(`${base}/inventory-api/v1/esim?state=available&limit=1`, { headers: authHeaders() });
    expect(res.headers.get('x-total-count')).toBe(String(1000 - N));
  });
});
