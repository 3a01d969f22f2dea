// Recycling inventory safely: a number released from service rests in quarantine (BSS_INVENTORY_MSISDN_QUARANTINE_DAYS,
// on the injected clock) before it can be reserved again — by number or as the next free one — while an unused
// reservation goes straight back; a profile returned to the pool gets a new matching id and activation code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
const E = '/inventory-api/v1/esim';
const M = '/inventory-api/v1/msisdn';
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness({ env: { BSS_INVENTORY_MSISDN_QUARANTINE_DAYS: '30' } });
});
afterAll(async () => h?.close());

async function assignedNumber(msisdn: string) {
  expect((await call(h.app, 'POST', `${M}/${msisdn}/reserve`)).status).toBe(200);
  const assigned = await call(h.app, 'POST', `${M}/${msisdn}/assign`, { subscriptionId: `SUB-${msisdn}`, customerId: 'CUST-q' });
  expect(assigned.body).toMatchObject({ status: 'assigned' });
}

describe('MSISDN quarantine', () => {
  it('a number released from service cannot be reserved before its quarantine ends, then can', async () => {
    const n = '90000123';
    await assignedNumber(n);
    const start = h.platform.clock.now();
    expect((await call(h.app, 'POST', `${M}/${n}/release`)).body).toMatchObject({ status: 'available', assignedToSubscriptionId: null });
    const refused = await call(h.app, 'POST', `${M}/${n}/reserve`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ reason: 'msisdn.reserve.quarantined', context: { msisdn: n, quarantinedUntil: new Date(start.getTime() + 30 * DAY).toISOString() } });
    // reserve-next by exact number skips it too
    const next = await call(h.app, 'POST', `${M}/reserve-next`, { preference: n });
    expect(next.status).toBe(422);
    expect(next.body.reason).toBe('msisdn.reserve.no_available');

    h.platform.clock.freeze(new Date(start.getTime() + 30 * DAY + 1000));
    expect((await call(h.app, 'POST', `${M}/${n}/reserve`)).body).toMatchObject({ status: 'reserved' });
  });

  it('an unused reservation goes straight back to the pool', async () => {
    const n = '90000124';
    expect((await call(h.app, 'POST', `${M}/${n}/reserve`)).status).toBe(200);
    expect((await call(h.app, 'POST', `${M}/${n}/release`)).status).toBe(200);
    expect((await call(h.app, 'POST', `${M}/${n}/reserve`)).body).toMatchObject({ status: 'reserved' });
  });
});

describe('eSIM recycling', () => {
  it('a recycled profile is offered again only with a new matching id and activation code', async () => {
    const reserved = await call(h.app, 'POST', `${E}/reserve`);
    const iccid = reserved.body.iccid as string;
    const before = (await call(h.app, 'GET', `${E}/${iccid}/activation`)).body;
    await call(h.app, 'POST', `${E}/${iccid}/mark-downloaded`);
    await call(h.app, 'POST', `${E}/${iccid}/mark-activated`);
    expect((await call(h.app, 'POST', `${E}/${iccid}/recycle`)).body).toMatchObject({ profileState: 'available' });
    const after = (await call(h.app, 'GET', `${E}/${iccid}/activation`)).body;
    expect(after.matchingId).toMatch(/^[0-9a-f]{16}$/);
    expect(after.matchingId).not.toBe(before.matchingId);
    expect(after.activationCode).toBe(`LPA:1$${after.smdpServer}$${after.matchingId}`);
  });

  it('a released reservation gets a new code too', async () => {
    const iccid = (await call(h.app, 'POST', `${E}/reserve`)).body.iccid as string;
    const before = (await call(h.app, 'GET', `${E}/${iccid}/activation`)).body.matchingId;
    await call(h.app, 'POST', `${E}/${iccid}/release`);
    expect((await call(h.app, 'GET', `${E}/${iccid}/activation`)).body.matchingId).not.toBe(before);
  });
});
