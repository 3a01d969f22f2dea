// API tests of the eSIM profile pool: the full reserve → bind → downloaded → activated → recycle cycle with
// its links, the activation code, every eSIM rule id, and that the Ki reference never leaves the service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, outboxEvents, startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
const E = '/inventory-api/v1/esim';
const M = '/inventory-api/v1/msisdn';
const FIRST = '8910101000000000000';

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('reading the pool', () => {
  it('lists the seeded profiles by iccid with X-Total-Count and filters by state', async () => {
    const res = await call(h.app, 'GET', `${E}?limit=2&offset=5`);
    expect(res.status).toBe(200);
    expect(res.headers['x-total-count']).toBe('1000');
    expect(res.body[0]).toEqual({
      iccid: '8910101000000000005', imsi: '525010000000005', profileState: 'available', smdpServer: 'smdp.bss-cli.local',
      assignedMsisdn: null, assignedToSubscriptionId: null, assignedToCustomerId: null, reservedAt: null, downloadedAt: null, activatedAt: null,
    });
    const reserved = await call(h.app, 'GET', `${E}?state=reserved`);
    expect(reserved.body).toEqual([]);
  });

  it('serves the LPA activation code, never the Ki or its HSM reference', async () => {
    const res = await call(h.app, 'GET', `${E}/8910101000000000007/activation`);
    expect(res.status).toBe(200);
    expect(res.body.activationCode).toMatch(/^LPA:1\$smdp\.bss-cli\.local\$[0-9a-f]{16}$/);
    expect(res.body.activationCode).toBe(`LPA:1$${res.body.smdpServer}$${res.body.matchingId}`);
    for (const url of [`${E}/8910101000000000007`, `${E}/8910101000000000007/activation`, `${E}?limit=5`]) {
      const text = JSON.stringify((await call(h.app, 'GET', url)).body);
      expect(text).not.toMatch(/hsm:|kiRef|ki_ref/);
    }
  });

  it('answers an unknown iccid with 404 esim.not_found on every route', async () => {
    const unknown = '8910101999999999999';
    for (const [method, url, body] of [
      ['GET', `${E}/${unknown}`, undefined],
      ['GET', `${E}/${unknown}/activation`, undefined],
      ['POST', `${E}/${unknown}/assign-msisdn`, { msisdn: '90000001' }],
      ['POST', `${E}/${unknown}/mark-downloaded`, undefined],
      ['POST', `${E}/${unknown}/mark-activated`, undefined],
      ['POST', `${E}/${unknown}/recycle`, undefined],
      ['POST', `${E}/${unknown}/release`, undefined],
    ] as const) {
      const res = await call(h.app, method, url, body);
      expect(res.status, url).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', reason: 'esim.not_found', context: { esimId: unknown } });
    }
  });
});

describe('the profile lifecycle', () => {
  it('reserves the lowest available profile (201)', async () => {
    const res = await call(h.app, 'POST', `${E}/reserve`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ iccid: FIRST, profileState: 'reserved', reservedAt: '2026-06-01T00:00:00.000Z' });
  });

  it('binds a reserved number, then assigning the number stamps subscription and customer on both', async () => {
    await call(h.app, 'POST', `${M}/90000010/reserve`);
    const bound = await call(h.app, 'POST', `${E}/${FIRST}/assign-msisdn`, { msisdn: '90000010' });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ profileState: 'reserved', assignedMsisdn: '90000010', assignedToSubscriptionId: null });
    await call(h.app, 'POST', `${M}/90000010/assign`, { subscriptionId: 'SUB-0010', customerId: 'CUST-00000010' });
    const esim = await call(h.app, 'GET', `${E}/${FIRST}`);
    expect(esim.body).toMatchObject({ assignedMsisdn: '90000010', assignedToSubscriptionId: 'SUB-0010', assignedToCustomerId: 'CUST-00000010' });
  });

  it('moves reserved → downloaded → activated with timestamps', async () => {
    const dl = await call(h.app, 'POST', `${E}/${FIRST}/mark-downloaded`);
    expect(dl.body).toMatchObject({ profileState: 'downloaded', downloadedAt: '2026-06-01T00:00:00.000Z' });
    h.platform.clock.freeze(new Date('2026-06-01T00:05:00Z'));
    const act = await call(h.app, 'POST', `${E}/${FIRST}/mark-activated`);
    expect(act.body).toMatchObject({ profileState: 'activated', activatedAt: '2026-06-01T00:05:00.000Z', assignedToSubscriptionId: 'SUB-0010' });
  });

  it('refuses an illegal move with esim.transition.invalid', async () => {
    const res = await call(h.app, 'POST', `${E}/${FIRST}/mark-downloaded`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'esim.transition.invalid', context: { iccid: FIRST, from: 'activated', trigger: 'download', allowed: ['recycle'] } });
    const release = await call(h.app, 'POST', `${E}/${FIRST}/release`);
    expect(release.body).toMatchObject({ reason: 'esim.transition.invalid', context: { from: 'activated', trigger: 'release' } });
  });

  it('recycles an activated profile back to available with every link cleared, and reuses it', async () => {
    const res = await call(h.app, 'POST', `${E}/${FIRST}/recycle`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      profileState: 'available', assignedMsisdn: null, assignedToSubscriptionId: null, assignedToCustomerId: null,
      reservedAt: null, downloadedAt: null, activatedAt: null,
    });
    const [event] = await outboxEvents(h.db, 'inventory.esim.recycled');
    expect(event!.payload).toMatchObject({ iccid: FIRST, previousState: 'activated', previousMsisdn: '90000010', previousSubscriptionId: 'SUB-0010' });
    expect((await call(h.app, 'POST', `${E}/reserve`)).body.iccid).toBe(FIRST);
  });

  it('recycles a downloaded-but-never-activated profile too', async () => {
    const r = await call(h.app, 'POST', `${E}/reserve`);
    await call(h.app, 'POST', `${E}/${r.body.iccid}/mark-downloaded`);
    expect((await call(h.app, 'POST', `${E}/${r.body.iccid}/recycle`)).body.profileState).toBe('available');
  });

  it('releases a reservation (reserved → available) clearing its binding', async () => {
    await call(h.app, 'POST', `${M}/90000011/reserve`);
    await call(h.app, 'POST', `${E}/${FIRST}/assign-msisdn`, { msisdn: '90000011', subscriptionId: 'SUB-0011', customerId: 'CUST-00000011' });
    const res = await call(h.app, 'POST', `${E}/${FIRST}/release`);
    expect(res.body).toMatchObject({ profileState: 'available', assignedMsisdn: null, assignedToSubscriptionId: null, reservedAt: null });
  });

  it('emits an inventory.esim.* event for every write', async () => {
    const types = new Set((await outboxEvents(h.db)).map((e) => e.eventType).filter((t) => t.startsWith('inventory.esim.')));
    expect(types).toEqual(new Set(['inventory.esim.reserved', 'inventory.esim.msisdn_assigned', 'inventory.esim.downloaded', 'inventory.esim.activated', 'inventory.esim.recycled', 'inventory.esim.released']));
    for (const e of await outboxEvents(h.db)) expect(JSON.stringify(e.payload)).not.toMatch(/hsm:|kiRef/);
  });
});

describe('binding rules', () => {
  let iccid: string;
  beforeAll(async () => {
    iccid = (await call(h.app, 'POST', `${E}/reserve`)).body.iccid;
  });

  it('refuses a number that is not in the pool (esim.assign_msisdn.msisdn_not_found)', async () => {
    const res = await call(h.app, 'POST', `${E}/${iccid}/assign-msisdn`, { msisdn: '99999999' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'esim.assign_msisdn.msisdn_not_found', context: { msisdn: '99999999' } });
  });

  it('refuses an available number (esim.assign_msisdn.msisdn_must_be_reserved)', async () => {
    const res = await call(h.app, 'POST', `${E}/${iccid}/assign-msisdn`, { msisdn: '90000300' });
    expect(res.body).toMatchObject({ reason: 'esim.assign_msisdn.msisdn_must_be_reserved', context: { msisdn: '90000300', status: 'available' } });
  });

  it('refuses a number already bound to another profile (esim.assign_msisdn.msisdn_bound_elsewhere)', async () => {
    const other = (await call(h.app, 'POST', `${E}/reserve`)).body.iccid;
    await call(h.app, 'POST', `${M}/90000301/reserve`);
    await call(h.app, 'POST', `${E}/${other}/assign-msisdn`, { msisdn: '90000301' });
    const res = await call(h.app, 'POST', `${E}/${iccid}/assign-msisdn`, { msisdn: '90000301' });
    expect(res.body).toMatchObject({ reason: 'esim.assign_msisdn.msisdn_bound_elsewhere', context: { msisdn: '90000301', iccid: other } });
  });

  it('refuses owner links that contradict the number (esim.assign_msisdn.owner_mismatch)', async () => {
    await call(h.app, 'POST', `${M}/90000302/reserve`);
    await call(h.app, 'POST', `${M}/90000302/assign`, { subscriptionId: 'SUB-0302', customerId: 'CUST-00000302' });
    const res = await call(h.app, 'POST', `${E}/${iccid}/assign-msisdn`, { msisdn: '90000302', subscriptionId: 'SUB-OTHER' });
    expect(res.body).toMatchObject({ reason: 'esim.assign_msisdn.owner_mismatch', context: { assignedToSubscriptionId: 'SUB-0302' } });
    const ok = await call(h.app, 'POST', `${E}/${iccid}/assign-msisdn`, { msisdn: '90000302' });
    expect(ok.body).toMatchObject({ assignedMsisdn: '90000302', assignedToSubscriptionId: 'SUB-0302', assignedToCustomerId: 'CUST-00000302' });
  });

  it('refuses to bind on a profile that is not reserved (esim.assign_msisdn.esim_must_be_reserved)', async () => {
    await call(h.app, 'POST', `${E}/${iccid}/mark-downloaded`);
    const res = await call(h.app, 'POST', `${E}/${iccid}/assign-msisdn`, { msisdn: '90000302' });
    expect(res.body).toMatchObject({ reason: 'esim.assign_msisdn.esim_must_be_reserved', context: { iccid, state: 'downloaded' } });
  });

  it('unbinds the profile when its number is released', async () => {
    await call(h.app, 'POST', `${M}/90000302/release`);
    expect((await call(h.app, 'GET', `${E}/${iccid}`)).body.assignedMsisdn).toBeNull();
  });

  it('refuses to reserve from an empty pool (esim.reserve.status_must_be_available)', async () => {
    await h.db.pool.query(`UPDATE inventory.esim_profile SET profile_state = 'reserved' WHERE profile_state = 'available'`);
    const res = await call(h.app, 'POST', `${E}/reserve`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'esim.reserve.status_must_be_available', context: {} });
  });
});
