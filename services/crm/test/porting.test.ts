// API tests of number porting: create/list/get, the approve → complete and reject paths with their effect on
// the MSISDN pool, every port rule id, and the events the subscription service reacts to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMsisdnAssignment } from '../src/inventory/repositories/msisdn.repository.ts';
import { call, outboxEvents, startHarness, type Harness } from './inventory/harness.ts';
import { mintedIdPattern } from '@bss/contracts';

let h: Harness;
const P = '/crm-api/v1/port-requests';
const M = '/inventory-api/v1/msisdn';
const portIn = (donorMsisdn: string, extra: Record<string, unknown> = {}) => ({
  direction: 'port_in', donorCarrier: 'OtherTel', donorMsisdn, requestedPortDate: '2026-06-15', ...extra,
});

/** Reserves and assigns a seeded number, as an activation would. */
async function activate(msisdn: string, subscriptionId: string, customerId: string) {
  await call(h.app, 'POST', `${M}/${msisdn}/reserve`);
  await call(h.app, 'POST', `${M}/${msisdn}/assign`, { subscriptionId, customerId });
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('port-in', () => {
  let id: string;

  it('opens a request (201, PORT- + 8 upper hex) and stages port_request.created', async () => {
    const res = await call(h.app, 'POST', P, portIn('81234567'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      direction: 'port_in', donorCarrier: 'OtherTel', donorMsisdn: '81234567', requestedPortDate: '2026-06-15', state: 'requested',
      targetSubscriptionId: null, rejectionReason: null, createdAt: '2026-06-01T00:00:00.000Z',
    });
    expect(res.body.id).toMatch(mintedIdPattern('PORT'));
    id = res.body.id;
    const [event] = await outboxEvents(h.db, 'port_request.created');
    expect(event).toMatchObject({ aggregateType: 'port_request', aggregateId: id, payload: { portRequestId: id, direction: 'port_in', donorMsisdn: '81234567', requestedPortDate: '2026-06-15' } });
    expect((await call(h.app, 'GET', `${P}/${id}`)).body.id).toBe(id);
  });

  it('refuses a second open request for the same number (port_request.create.donor_msisdn_unique_among_pending)', async () => {
    const res = await call(h.app, 'POST', P, portIn('81234567'));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'port_request.create.donor_msisdn_unique_among_pending', context: { donorMsisdn: '81234567', existingId: id, existingState: 'requested' } });
  });

  it('refuses to port in a number we already hold (port_request.create.port_in_msisdn_already_ours)', async () => {
    const res = await call(h.app, 'POST', P, portIn('90000001'));
    expect(res.body).toMatchObject({ reason: 'port_request.create.port_in_msisdn_already_ours', context: { donorMsisdn: '90000001', status: 'available' } });
  });

  it('on approval adds the number to the pool as available and stages seeded_from_port_in + approved', async () => {
    const res = await call(h.app, 'POST', `${P}/${id}/approve`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'approved', approvedAt: '2026-06-01T00:00:00.000Z' });
    const number = await call(h.app, 'GET', `${M}/81234567`);
    expect(number.body).toMatchObject({ status: 'available', origin: 'port_in', portRequestId: id, assignedToSubscriptionId: null });
    const [seeded] = await outboxEvents(h.db, 'inventory.msisdn.seeded_from_port_in');
    expect(seeded).toMatchObject({ aggregateType: 'msisdn_pool', aggregateId: '81234567', payload: { msisdn: '81234567', donorCarrier: 'OtherTel', portRequestId: id, status: 'available' } });
    const [approved] = await outboxEvents(h.db, 'port_request.approved');
    expect(approved!.payload).toMatchObject({ portRequestId: id, direction: 'port_in', msisdn: '81234567' });
  });

  it('completes an approved request and stages port_request.completed; completed is terminal', async () => {
    const res = await call(h.app, 'POST', `${P}/${id}/complete`);
    expect(res.body).toMatchObject({ state: 'completed', completedAt: '2026-06-01T00:00:00.000Z' });
    const [done] = await outboxEvents(h.db, 'port_request.completed');
    expect(done!.payload).toMatchObject({ portRequestId: id, direction: 'port_in', previousState: 'approved' });
    const again = await call(h.app, 'POST', `${P}/${id}/reject`, { reason: 'late' });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ reason: 'port_request.transition.valid', context: { from: 'completed', trigger: 'reject' } });
  });

  it('assigns a port-in that names a subscription, writing both links', async () => {
    const created = await call(h.app, 'POST', P, portIn('81234568', { targetSubscriptionId: 'SUB-0042', targetCustomerId: 'CUST-00000042' }));
    await call(h.app, 'POST', `${P}/${created.body.id}/validate`);
    const approved = await call(h.app, 'POST', `${P}/${created.body.id}/approve`);
    expect(approved.body.state).toBe('approved');
    expect(await findMsisdnAssignment(h.db.db, '81234568')).toEqual({ msisdn: '81234568', status: 'assigned', customerId: 'CUST-00000042', subscriptionId: 'SUB-0042' });
  });
});

describe('port-out', () => {
  let id: string;

  beforeAll(async () => {
    await activate('90000020', 'SUB-0020', 'CUST-00000020');
  });

  it('needs a target subscription (port_request.create.target_sub_required_for_port_out)', async () => {
    const res = await call(h.app, 'POST', P, { ...portIn('90000020'), direction: 'port_out' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'port_request.create.target_sub_required_for_port_out', context: { direction: 'port_out' } });
  });

  it('refuses an unknown or unassigned number (port_request.create.port_out_requires_assigned_msisdn)', async () => {
    for (const [msisdn, status] of [['70000000', null], ['90000021', 'available']] as const) {
      const res = await call(h.app, 'POST', P, { ...portIn(msisdn), direction: 'port_out', targetSubscriptionId: 'SUB-0020' });
      expect(res.body).toMatchObject({ reason: 'port_request.create.port_out_requires_assigned_msisdn', context: { donorMsisdn: msisdn, status } });
    }
  });

  it('refuses a subscription that does not hold the number (port_request.create.target_sub_must_hold_msisdn)', async () => {
    const res = await call(h.app, 'POST', P, { ...portIn('90000020'), direction: 'port_out', targetSubscriptionId: 'SUB-9999' });
    expect(res.body).toMatchObject({ reason: 'port_request.create.target_sub_must_hold_msisdn', context: { holderSubscriptionId: 'SUB-0020' } });
  });

  it('on approval marks the number ported_out and tells the subscription service', async () => {
    const created = await call(h.app, 'POST', P, { ...portIn('90000020'), direction: 'port_out', donorCarrier: 'Rival', targetSubscriptionId: 'SUB-0020' });
    expect(created.body).toMatchObject({ state: 'requested', targetCustomerId: 'CUST-00000020' });
    id = created.body.id;
    const res = await call(h.app, 'POST', `${P}/${id}/approve`);
    expect(res.body.state).toBe('approved');
    const number = (await call(h.app, 'GET', `${M}/90000020`)).body;
    expect(number).toMatchObject({ status: 'ported_out', portedOutAt: '2026-06-01T00:00:00.000Z', portRequestId: id, assignedToSubscriptionId: 'SUB-0020' });
    const [ported] = await outboxEvents(h.db, 'inventory.msisdn.ported_out');
    expect(ported).toMatchObject({ aggregateId: '90000020', payload: { msisdn: '90000020', portRequestId: id, targetSubscriptionId: 'SUB-0020', portedOutAt: '2026-06-01T00:00:00.000Z' } });
    const approved = (await outboxEvents(h.db, 'port_request.approved')).find((e) => e.aggregateId === id);
    expect(approved!.payload).toMatchObject({
      direction: 'port_out', msisdn: '90000020', subscriptionId: 'SUB-0020', customerId: 'CUST-00000020', terminationReason: 'ported_out', releaseInventory: false,
    });
  });

  it('never releases the ported-out number back to the pool', async () => {
    const res = await call(h.app, 'POST', `${M}/90000020/release`);
    expect(res.body).toMatchObject({ reason: 'msisdn.release.terminal_status' });
  });

  it('lets a ported-out number come back by port-in, revived in place', async () => {
    await call(h.app, 'POST', `${P}/${id}/complete`);
    const back = await call(h.app, 'POST', P, portIn('90000020'));
    await call(h.app, 'POST', `${P}/${back.body.id}/approve`);
    expect((await call(h.app, 'GET', `${M}/90000020`)).body).toMatchObject({ status: 'available', origin: 'seed', portedOutAt: null, assignedToSubscriptionId: null });
  });

  it('re-checks the number at approval: released since the request was opened → refused', async () => {
    await activate('90000022', 'SUB-0022', 'CUST-00000022');
    const created = await call(h.app, 'POST', P, { ...portIn('90000022'), direction: 'port_out', targetSubscriptionId: 'SUB-0022' });
    await call(h.app, 'POST', `${M}/90000022/release`);
    const res = await call(h.app, 'POST', `${P}/${created.body.id}/approve`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'port_request.create.port_out_requires_assigned_msisdn', context: { status: 'available' } });
    expect((await call(h.app, 'GET', `${P}/${created.body.id}`)).body.state).toBe('requested');
  });

  it('re-checks the target subscription at approval (port_request.create.target_sub_required_for_port_out)', async () => {
    await h.db.pool.query(
      `INSERT INTO crm.port_request (id, direction, donor_carrier, donor_msisdn, requested_port_date, state, created_at, updated_at)
       VALUES ('PORT-0000BEEF', 'port_out', 'Rival', '90000023', '2026-06-15', 'requested', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')`,
    );
    const res = await call(h.app, 'POST', `${P}/PORT-0000BEEF/approve`);
    expect(res.body).toMatchObject({ reason: 'port_request.create.target_sub_required_for_port_out', context: { portRequestId: 'PORT-0000BEEF' } });
  });
});

describe('reject and other rules', () => {
  it('refuses an unknown direction (port_request.create.direction_valid)', async () => {
    const res = await call(h.app, 'POST', P, portIn('81230000', { direction: 'sideways' }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'port_request.create.direction_valid', context: { direction: 'sideways' } });
  });

  it('needs a non-blank reason to reject (port_request.reject.requires_reason), then rejects', async () => {
    const { body } = await call(h.app, 'POST', P, portIn('81230001'));
    for (const payload of [{ reason: '   ' }, {}, undefined]) {
      const res = await call(h.app, 'POST', `${P}/${body.id}/reject`, payload);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ reason: 'port_request.reject.requires_reason', context: { portRequestId: body.id } });
    }
    const res = await call(h.app, 'POST', `${P}/${body.id}/reject`, { reason: 'donor refused: account mismatch' });
    expect(res.body).toMatchObject({ state: 'rejected', rejectionReason: 'donor refused: account mismatch', rejectedAt: '2026-06-01T00:00:00.000Z' });
    const rejected = (await outboxEvents(h.db, 'port_request.rejected')).at(-1);
    expect(rejected!.payload).toMatchObject({ portRequestId: body.id, reason: 'donor refused: account mismatch' });
    // a rejected request no longer holds the number
    expect((await call(h.app, 'POST', P, portIn('81230001'))).status).toBe(201);
  });

  it('refuses to reject an approved port or approve a rejected one (port_request.transition.valid)', async () => {
    const a = (await call(h.app, 'POST', P, portIn('81230002'))).body.id;
    await call(h.app, 'POST', `${P}/${a}/approve`);
    expect((await call(h.app, 'POST', `${P}/${a}/reject`, { reason: 'x' })).body).toMatchObject({ reason: 'port_request.transition.valid', context: { from: 'approved', trigger: 'reject', allowed: ['complete'] } });
    const r = (await call(h.app, 'POST', P, portIn('81230003'))).body.id;
    await call(h.app, 'POST', `${P}/${r}/reject`, { reason: 'x' });
    expect((await call(h.app, 'POST', `${P}/${r}/approve`)).body).toMatchObject({ reason: 'port_request.transition.valid', context: { from: 'rejected', trigger: 'approve' } });
    expect((await call(h.app, 'POST', `${P}/${r}/complete`)).body).toMatchObject({ reason: 'port_request.transition.valid' });
  });

  it('answers an unknown id with 404 port_request.not_found on every route', async () => {
    for (const [method, url, body] of [
      ['GET', `${P}/PORT-DEADBEEF`, undefined],
      ['POST', `${P}/PORT-DEADBEEF/validate`, undefined],
      ['POST', `${P}/PORT-DEADBEEF/approve`, undefined],
      ['POST', `${P}/PORT-DEADBEEF/reject`, { reason: 'x' }],
      ['POST', `${P}/PORT-DEADBEEF/complete`, undefined],
    ] as const) {
      const res = await call(h.app, method, url, body);
      expect(res.status, url).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', reason: 'port_request.not_found', context: { port_requestId: 'PORT-DEADBEEF' } });
    }
  });

  it('lists newest first with X-Total-Count, filtered by state and direction', async () => {
    h.platform.clock.freeze(new Date('2026-06-02T00:00:00Z'));
    const newest = (await call(h.app, 'POST', P, portIn('81230009'))).body.id;
    const all = await call(h.app, 'GET', `${P}?limit=2`);
    expect(all.body[0].id).toBe(newest);
    expect(all.body).toHaveLength(2);
    expect(Number(all.headers['x-total-count'])).toBeGreaterThan(5);
    const outs = await call(h.app, 'GET', `${P}?direction=port_out&limit=100`);
    expect(outs.body.every((p: { direction: string }) => p.direction === 'port_out')).toBe(true);
    const rejected = await call(h.app, 'GET', `${P}?state=rejected`);
    expect(rejected.body.map((p: { state: string }) => p.state)).toEqual(['rejected', 'rejected']);
    expect(rejected.headers['x-total-count']).toBe('2');
  });
});
