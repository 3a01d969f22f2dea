// TMF678 prepaid receipts: activation, VAS top-up and renewal each yield one settled CustomerBill with its one
// AppliedCustomerBillingRate, readable per customer, strictly valid against the vendored TMF678 schema.
import { authHeaders, diffAgainstSpec, loadTmfValidator, TEST_TENANT_B_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenewalSweep } from '../src/services/renewal-sweep.service.ts';
import { readyLine, serviceOrderCompleted, startHarness, type Harness } from './fleet-harness.ts';

const tmf = loadTmfValidator('TMF678-CustomerBill-v4.swagger.json');
const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';
const RATES = '/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // inside the first period of lines activated on the 2026-06-01 clock, so a top-up is allowed
  await fetch(`${h.fleet.url('subscription')}/admin-api/v1/clock/freeze`, {
    method: 'POST',
    headers: { ...authHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify({ at: '2026-06-02T00:00:00Z' }),
  });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const get = async (path: string, headers: Record<string, string> = authHeaders()) => {
  const res = await fetch(`${h.fleet.url('subscription')}${path}`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & Record<string, unknown>[] };
};

describe('TMF678 customerBill', () => {
  it('every charge is one settled receipt with its payment, amount, period and item', async () => {
    const ready = await readyLine(h);
    expect(await h.deliver(serviceOrderCompleted(ready))).toBe('handled');
    const { rows } = await h.db.pool.query('SELECT id, next_renewal_at FROM subscription.subscription WHERE commercial_order_id = $1', [ready.orderId]);
    const subId = rows[0].id as string;
    const vas = await h.clients.subscription.purchaseVas(subId, { vasOfferingId: 'VAS_DATA_1GB' });
    await createRenewalSweep(h.depsAt(new Date((rows[0].next_renewal_at as Date).getTime() + 60_000)), { reminderLookaheadMs: 0 }).runOnce();

    const list = await get(`${BILLS}?customerId=${ready.customerId}`);
    expect(list.status).toBe(200);
    expect(list.headers.get('x-total-count')).toBe('3');
    const bills = list.body as unknown as Record<string, unknown>[];
    for (const bill of bills) tmf.assert('CustomerBill', bill);
    expect(bills.map((b) => [b.runType, (b.taxIncludedAmount as { value: number }).value])).toEqual([
      ['onCycle', 25],
      ['offCycle', 3],
      ['offCycle', 25],
    ]);
    const [renewal, topUp, activation] = bills as { id: string; href: string; [k: string]: unknown }[];
    expect(topUp).toMatchObject({
      state: 'settled',
      amountDue: { unit: 'SGD', value: 0 },
      remainingAmount: { unit: 'SGD', value: 0 },
      billingAccount: { id: ready.customerId },
      appliedPayment: [{ appliedAmount: { unit: 'SGD', value: 3 }, payment: { id: vas.paymentId } }],
      '@type': 'CustomerBill',
    });
    expect(activation!.billingPeriod).toEqual({ startDateTime: '2026-06-01T00:00:00.000Z', endDateTime: '2026-07-01T00:00:00.000Z' });
    expect(renewal!.billingPeriod).toEqual({ startDateTime: '2026-07-01T00:00:00.000Z', endDateTime: '2026-08-01T00:00:00.000Z' });
    expect(renewal!.href).toMatch(/^https?:\/\/.+\/tmf-api\/customerBillManagement\/v4\/customerBill\/BILL-/);
    expect(JSON.stringify(bills)).not.toContain('null');

    const one = await get(`${BILLS}/${renewal!.id}`);
    expect(one.body).toEqual(renewal);
    const items = await get(`${RATES}?billingAccount.id=${ready.customerId}`);
    for (const item of items.body as unknown as unknown[]) tmf.assert('AppliedCustomerBillingRate', item);
    const item = await get(`${RATES}/${renewal!.id}-1`);
    tmf.assert('AppliedCustomerBillingRate', item.body);
    expect(item.body).toMatchObject({ bill: { id: renewal!.id }, isBilled: true, taxIncludedAmount: { value: 25 } });
  });

  it('needs a customer, answers 404 for unknown ids and for another tenant', async () => {
    expect((await get(BILLS)).body).toMatchObject({ reason: 'customer_bill.list.customer_required', status: '400' });
    expect((await get(`${BILLS}/BILL-NOPE`)).status).toBe(404);
    expect((await get(`${RATES}/BILL-NOPE-1`)).status).toBe(404);
    const ready = await readyLine(h);
    await h.deliver(serviceOrderCompleted(ready));
    const [bill] = (await get(`${BILLS}?customerId=${ready.customerId}`)).body as unknown as { id: string }[];
    expect((await get(`${BILLS}/${bill!.id}`, { 'x-bss-api-token': TEST_TENANT_B_TOKEN })).status).toBe(404);
    expect((await get(`${BILLS}?customerId=${ready.customerId}`, { 'x-bss-api-token': TEST_TENANT_B_TOKEN })).body).toEqual([]);
  });

  it('projects fields and covers the specification (receipts are immutable: PATCH answers 405)', async () => {
    const ready = await readyLine(h);
    await h.deliver(serviceOrderCompleted(ready));
    const [bill] = (await get(`${BILLS}?customerId=${ready.customerId}&fields=state,taxIncludedAmount`)).body as unknown as Record<string, unknown>[];
    expect(Object.keys(bill!).sort()).toEqual(['@type', 'href', 'id', 'state', 'taxIncludedAmount']);
    tmf.assert('CustomerBill', bill);
    const patch = await fetch(`${h.fleet.url('subscription')}${BILLS}/${bill!.id as string}`, { method: 'PATCH', headers: { ...authHeaders(), 'content-type': 'application/json' }, body: '{}' });
    expect(patch.status).toBe(405);
    const doc = await (await fetch(`${h.fleet.url('subscription')}/openapi.json`, { headers: authHeaders() })).json();
    expect(diffAgainstSpec(doc, 'TMF678-CustomerBill-v4.swagger.json', { resources: ['customerBill', 'appliedCustomerBillingRate'] })).toEqual([
      'PATCH /tmf-api/customerBillManagement/v4/customerBill/{id}: operation missing',
    ]);
  });
});
