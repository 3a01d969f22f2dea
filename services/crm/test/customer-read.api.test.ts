// The customer reads are one prepared statement each (customer ⋈ individual + json_agg of contact mediums,
// window count for a page). These pin that the single statement returns exactly what the per-table queries
// return — same rows, same types, same medium order — and that paging, filters and tenancy are unchanged.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext, systemContext } from '@bss/telemetry';
import { findCustomer, findIndividual, listCustomerViews, listMediums, loadCustomerView } from '../src/repositories/customer.repository.ts';
import { customer } from '../src/schema.ts';
import { newCustomer, startHarness, uniqueEmail, type Harness } from './crm-harness.ts';

const BASE = '/tmf-api/customerManagement/v4/customer';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const asDefault = <T>(fn: () => Promise<T>) => runWithContext(systemContext({ tenant: 'DEFAULT' }), fn);

describe('one-statement customer reads', () => {
  it('load the same view as the per-table queries, mediums (live and ended) in the same order', async () => {
    const c = await newCustomer(h, { givenName: 'Same', familyName: 'View' });
    const cm = `/crm-api/v1/customer/${c.id}/contact-medium`;
    for (const body of [
      { mediumType: 'phone', value: '+6590000001' },
      { mediumType: 'email', value: uniqueEmail('second'), preferred: true },
      { mediumType: 'phone', value: '+6590000002' },
    ]) expect((await h.call('POST', cm, body)).statusCode).toBe(201);
    const ended = (await h.call('GET', cm)).json()[2] as { id: string };
    expect((await h.call('DELETE', `${cm}/${ended.id}`)).statusCode).toBe(204);

    const db = h.deps.database.db;
    const expected = await asDefault(async () => {
      const row = (await findCustomer(db, c.id))!;
      return { customer: row, individual: (await findIndividual(db, row.partyId))!, mediums: await listMediums(db, [row.partyId]) };
    });
    expect(expected.mediums).toHaveLength(4);
    expect(expected.mediums.some((m) => m.validTo instanceof Date)).toBe(true);
    // Twice: the first call prepares the statement, the second runs the prepared one.
    for (let i = 0; i < 2; i++) expect(await asDefault(() => loadCustomerView(db, c.id))).toEqual(expected);
    // Inside a transaction too (writes answer with the view they just wrote).
    expect(await asDefault(() => db.transaction((tx) => loadCustomerView(tx, c.id)))).toEqual(expected);
  });

  it('confine every read to the tenant', async () => {
    const c = await newCustomer(h);
    const other = <T>(fn: () => Promise<T>) => runWithContext(systemContext({ tenant: 'OTHER' }), fn);
    expect(await other(() => loadCustomerView(h.deps.database.db, c.id))).toBeUndefined();
    const page = await other(() => listCustomerViews(h.deps.database.db, { offset: 0, limit: 100 }));
    expect(page).toEqual({ views: [], total: 0 });
  });

  it('page with the filtered total, also past the end, and filter by engagedParty.id and literal wildcards', async () => {
    const tag = `Pg${process.pid}`;
    for (let i = 0; i < 3; i++) await newCustomer(h, { givenName: `${tag}_${i}`, familyName: 'Paged' });
    await newCustomer(h, { givenName: `${tag}x0`, familyName: 'Paged' });
    // `_` is a literal, not LIKE's any-character: the fourth customer does not match.
    const first = await h.call('GET', `${BASE}?name=${tag}_&limit=2`);
    expect([first.headers['x-total-count'], first.headers['x-result-count']]).toEqual(['3', '2']);
    const past = await h.call('GET', `${BASE}?name=${tag}_&limit=2&offset=10`);
    expect([past.statusCode, past.json(), past.headers['x-total-count']]).toEqual([200, [], '3']);

    const ordered = await h.deps.database.db.select({ id: customer.id }).from(customer).orderBy(asc(customer.customerSince), asc(customer.id));
    const all = await h.call('GET', `${BASE}?limit=1000`);
    expect(all.json().map((c: { id: string }) => c.id)).toEqual(ordered.map((r) => r.id));

    const c = await newCustomer(h);
    const [row] = await h.deps.database.db.select({ partyId: customer.partyId }).from(customer).where(eq(customer.id, c.id));
    const byParty = await h.call('GET', `${BASE}?engagedParty.id=${row!.partyId}`);
    expect(byParty.json().map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(await h.call('GET', `${BASE}/${c.id}`).then((r) => r.json())).toEqual(byParty.json()[0]);
  });
});
