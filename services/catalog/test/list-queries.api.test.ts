// Query budget of reads served from the in-memory snapshot: a warm read is exactly one query (the version
// stamp) whatever the catalog size; an admin write bumps the version, so the next read reloads once and sees it.
// Counted on every client the app's pool hands out (pool.query goes through pool.connect too).
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TMF, startCatalog, type Harness } from './harness.ts';

let h: Harness;
let queries = 0;
const counted = new WeakSet<object>();

function countClient(client: pg.PoolClient): void {
  if (counted.has(client)) return;
  counted.add(client);
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    queries++;
    return original(...args);
  };
}

beforeAll(async () => {
  h = await startCatalog();
  const pool = h.db.pool as unknown as { connect: (cb?: (...args: unknown[]) => void) => unknown };
  const connect = pool.connect.bind(pool);
  pool.connect = (cb?: (...args: unknown[]) => void) => {
    if (cb) return connect((err, client, done) => (client && countClient(client as pg.PoolClient), cb(err, client, done)));
    return (connect() as Promise<pg.PoolClient>).then((client) => (countClient(client), client));
  };
});
afterAll(async () => {
  await h?.close();
});

async function countQueries(url: string): Promise<{ n: number; items: number }> {
  queries = 0;
  const res = await h.get(url);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  return { n: queries, items: Array.isArray(body) ? body.length : 1 };
}

describe('read query budget', () => {
  it('is one query for a warm list or get, for 3 and 13 offerings, with and without activeAt', async () => {
    const cold = await countQueries(`${TMF}/productOffering`);
    // version check + BEGIN, version, 5 tables, COMMIT
    expect(cold.n).toBeLessThanOrEqual(9);
    const one = await countQueries(`${TMF}/productOffering?limit=1`);
    const three = await countQueries(`${TMF}/productOffering`);
    const get = await countQueries(`${TMF}/productOffering/PLAN_M`);
    expect([one, three, get]).toEqual([
      { n: 1, items: 1 },
      { n: 1, items: 3 },
      { n: 1, items: 1 },
    ]);
    for (let i = 0; i < 10; i++) {
      const res = await h.send('POST', '/admin/catalog/offering', { offeringId: `PLAN_Q${i}`, name: `Q${i}`, amount: `${10 + i}.00`, dataMb: 100, smsCount: 1 });
      expect(res.statusCode).toBe(201);
    }
    const reload = await countQueries(`${TMF}/productOffering`);
    expect(reload.items).toBe(13);
    expect(reload.n).toBeGreaterThan(1);
    expect(reload.n).toBeLessThanOrEqual(9);
    const thirteen = await countQueries(`${TMF}/productOffering`);
    const active = await countQueries(`${TMF}/productOffering?activeAt=2026-06-01T00:00:00Z`);
    const getNew = await countQueries(`${TMF}/productOffering/PLAN_Q9`);
    expect([thirteen, active, getNew]).toEqual([
      { n: 1, items: 13 },
      { n: 1, items: 13 },
      { n: 1, items: 1 },
    ]);
  });

  it('reloads after a write and serves the change on the very next read', async () => {
    await countQueries(`${TMF}/productOffering/PLAN_S`);
    const retired = await h.send('POST', '/admin/catalog/offering/PLAN_S/retire');
    expect(retired.statusCode).toBe(200);
    queries = 0;
    const res = await h.get(`${TMF}/productOffering/PLAN_S`);
    expect(res.json()).toMatchObject({ id: 'PLAN_S', lifecycleStatus: 'retired', isSellable: false });
    expect(queries).toBeGreaterThan(1);
    expect(queries).toBeLessThanOrEqual(9);
    expect((await countQueries(`${TMF}/productOffering/PLAN_S`)).n).toBe(1);
  });

  it('is one query for warm specification, price and VAS reads too', async () => {
    await countQueries(`${TMF}/productSpecification`);
    for (const url of [`${TMF}/productSpecification`, `${TMF}/productSpecification/SPEC_MOBILE_PREPAID`, `${TMF}/productOfferingPrice/PRICE_PLAN_M`, `${TMF}/productOfferingPrice/active/PLAN_M`, '/vas/offering?limit=1', '/vas/offering', '/vas/offering/VAS_DATA_1GB']) {
      expect((await countQueries(url)).n, url).toBe(1);
    }
  });

  it('shares one in-flight reload among concurrent readers', async () => {
    const res = await h.send('POST', '/admin/catalog/offering/PLAN_M/price', { priceId: 'PRICE_PLAN_M_HERD', amount: '24.00' });
    expect(res.statusCode).toBe(201);
    queries = 0;
    const all = await Promise.all(Array.from({ length: 8 }, () => h.get(`${TMF}/productOfferingPrice/PRICE_PLAN_M_HERD`)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    // 8 version checks + one reload (BEGIN, version, 5 tables, COMMIT), not 8 reloads
    expect(queries).toBeLessThanOrEqual(8 + 8);
  });
});
