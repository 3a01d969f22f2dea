// No N+1: a list costs the same number of queries whatever its length (page + count, then prices, allowances
// and specifications batch-loaded with IN (…)). Counted by wrapping the pool the app queries through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TMF, startCatalog, type Harness } from './harness.ts';

let h: Harness;
let queries = 0;
beforeAll(async () => {
  h = await startCatalog();
  const pool = h.db.pool;
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    queries++;
    return original(...args);
  };
});
afterAll(async () => {
  await h?.close();
});

async function countQueries(url: string): Promise<{ n: number; items: number }> {
  queries = 0;
  const res = await h.get(url);
  expect(res.statusCode).toBe(200);
  return { n: queries, items: res.json().length };
}

describe('offering list query budget', () => {
  it('is the same for 1, 3 and 13 offerings, with and without activeAt', async () => {
    const one = await countQueries(`${TMF}/productOffering?limit=1`);
    const three = await countQueries(`${TMF}/productOffering`);
    for (let i = 0; i < 10; i++) {
      const res = await h.send('POST', '/admin/catalog/offering', { offeringId: `PLAN_Q${i}`, name: `Q${i}`, amount: `${10 + i}.00`, dataMb: 100, smsCount: 1 });
      expect(res.statusCode).toBe(201);
    }
    const thirteen = await countQueries(`${TMF}/productOffering`);
    const active = await countQueries(`${TMF}/productOffering?activeAt=2026-06-01T00:00:00Z`);
    expect([one.items, three.items, thirteen.items, active.items]).toEqual([1, 3, 13, 13]);
    // page + count + prices + allowances + specifications
    expect(one.n).toBe(5);
    expect(three.n).toBe(one.n);
    expect(thirteen.n).toBe(one.n);
    expect(active.n).toBe(one.n);
  });

  it('is constant for specification and VAS lists too', async () => {
    const specs = await countQueries(`${TMF}/productSpecification`);
    const vasOne = await countQueries('/vas/offering?limit=1');
    const vasAll = await countQueries('/vas/offering');
    expect(specs.n).toBe(2);
    expect(vasOne.n).toBe(2);
    expect(vasAll.n).toBe(2);
  });
});
