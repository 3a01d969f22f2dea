// Termination against real crm inventory over HTTP: the number released and the eSIM returned with keyed
// writes, the terminal state; and a port-out end to end through the bus — CRM approves, publishes
// port_request.approved, the subscription service's consumer terminates the line `ported_out` without
// releasing the number (it stays `ported_out`, never sold again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyLine, serviceOrderCompleted, startHarness, type Harness } from './fleet-harness.ts';
import { outboxOf } from './lifecycle-fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

async function activeLine() {
  const ready = await readyLine(h);
  expect(await h.deliver(serviceOrderCompleted(ready))).toBe('handled');
  const { rows } = await h.db.pool.query('SELECT id FROM subscription.subscription WHERE commercial_order_id = $1', [ready.orderId]);
  return { ...ready, id: rows[0].id as string };
}

describe('terminate', () => {
  it('releases the number, returns the eSIM, ends the line; a second terminate is refused', async () => {
    const line = await activeLine();
    const { subscription: subs, inventory } = h.clients;
    const done = await subs.terminate(line.id, { reason: 'customer_requested' });
    expect(done).toMatchObject({ state: 'terminated', stateReason: 'customer_requested' });
    expect(done.terminatedAt).not.toBeNull();
    expect(done.nextRenewalAt).toBeNull();
    const number = await inventory.getMsisdn(line.msisdn);
    expect(number.assignedToSubscriptionId ?? null).toBeNull();
    expect(number.status).not.toBe('assigned');
    expect(await inventory.getEsim(line.iccid)).toMatchObject({ profileState: 'available' });
    expect(await outboxOf(h.db, 'subscription.terminated', line.id)).toEqual([
      { subscriptionId: line.id, customerId: line.customerId, msisdn: line.msisdn, iccid: line.iccid, reason: 'customer_requested', previousState: 'active', releaseInventory: true },
    ]);
    await expect(subs.terminate(line.id)).rejects.toMatchObject({ reason: 'subscription.terminate.invalid_state' });
    await expect(subs.getByMsisdn(line.msisdn)).rejects.toMatchObject({ reason: 'subscription.not_found' });
    await expect(subs.terminate('SUB-NOPE')).rejects.toMatchObject({ reason: 'subscription.not_found' });
  });

  it('terminates a blocked line too (reason defaults to customer_requested)', async () => {
    const line = await activeLine();
    await h.db.pool.query(`UPDATE subscription.subscription SET state = 'blocked', state_reason = 'primary_allowance_exhausted' WHERE id = $1`, [line.id]);
    expect(await h.clients.subscription.terminate(line.id)).toMatchObject({ state: 'terminated', stateReason: 'customer_requested' });
  });
});

describe('port-out', () => {
  it('CRM approval terminates the line ported_out through the bus; the number stays ported_out', async () => {
    const line = await activeLine();
    const { inventory } = h.clients;
    const port = await inventory.createPortRequest({ direction: 'port_out', donorCarrier: 'OtherTel', donorMsisdn: line.msisdn, requestedPortDate: '2026-06-10', targetSubscriptionId: line.id });
    await inventory.approvePortRequest(port.id);

    const sub = await h.waitFor('the line terminated', async () => {
      const s = await h.clients.subscription.get(line.id);
      return s.state === 'terminated' ? s : undefined;
    });
    expect(sub.stateReason).toBe('ported_out');
    expect(await outboxOf(h.db, 'subscription.terminated', line.id)).toMatchObject([{ reason: 'ported_out', releaseInventory: false }]);
    expect(await inventory.getMsisdn(line.msisdn)).toMatchObject({ status: 'ported_out' });
    expect(await inventory.getEsim(line.iccid)).toMatchObject({ profileState: 'available' });
  });
});
