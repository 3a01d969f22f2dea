// Interactions (TMF683 PartyInteraction, here through the CLI shorthand on the old path alias): explicit create with
// reference checks, list by customer newest first with paging, get; and the auto-log contract other modules reuse
// (logInteraction in the caller's transaction). The TMF683 walk is tmf683-conformance.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext, systemContext } from '@bss/telemetry';
import { logInteraction } from '../src/services/interaction.service.ts';
import { newCustomer, startHarness, tmf683, type Harness } from './crm-harness.ts';
import { mintedIdPattern } from '@bss/contracts';

const BASE = '/tmf-api/customerInteractionManagement/v1/interaction';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('explicit interactions', () => {
  it('creates with the context channel by default and serves it with href and @type', async () => {
    const c = await newCustomer(h);
    const res = await h.call('POST', BASE, { customerId: c.id, summary: 'Called about roaming', body: 'wants EU pack', agentId: 'AGT-001' }, { 'x-bss-channel': 'portal-csr', 'x-bss-actor': 'alice' });
    expect(res.statusCode).toBe(201);
    const i = res.json();
    tmf683.assert('PartyInteraction', i);
    expect(i).toMatchObject({
      reason: 'Called about roaming',
      description: 'wants EU pack',
      direction: 'inbound',
      status: 'completed',
      creationDate: '2026-06-01T00:00:00.000Z',
      channel: [{ id: 'portal-csr', name: 'portal-csr', href: 'urn:bss:channel:portal-csr', '@referredType': 'Channel' }],
      relatedParty: [
        { id: c.id, role: 'customer', '@referredType': 'Customer', href: `http://localhost:8002/tmf-api/customerManagement/v4/customer/${c.id}` },
        { id: 'AGT-001', role: 'agent', '@referredType': 'Agent' },
        { id: 'alice', role: 'actor', '@referredType': 'Actor' },
      ],
      '@type': 'PartyInteraction',
    });
    expect(i.id).toMatch(mintedIdPattern('INT'));
    expect(i.href).toBe(`http://localhost:8002${BASE}/${i.id}`);
    expect(res.headers.location).toBe(i.href);
    expect(i).not.toHaveProperty('interactionItem');
    expect((await h.call('GET', `${BASE}/${i.id}`)).json()).toEqual(i);
    const explicit = await h.call('POST', BASE, { customerId: c.id, summary: 'Outbound follow-up', channel: [{ id: 'email', href: 'urn:bss:channel:email' }], direction: 'outbound' });
    expect(explicit.json()).toMatchObject({ channel: [{ id: 'email' }], direction: 'outbound' });
  });

  it('lists newest first with offset/limit and X-Total-Count (auto-logged ones included)', async () => {
    const c = await newCustomer(h);
    for (const s of ['first', 'second', 'third']) {
      h.platform.clock.advance(60_000);
      await h.call('POST', BASE, { customerId: c.id, summary: s });
    }
    const res = await h.call('GET', `${BASE}?customerId=${c.id}&limit=2`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe('4');
    expect(res.json().map((i: { reason: string }) => i.reason)).toEqual(['third', 'second']);
    const tail = await h.call('GET', `${BASE}?customerId=${c.id}&limit=2&offset=2`);
    expect(tail.json().map((i: { reason: string }) => i.reason)).toEqual(['first', 'Customer created: Ada Lim']);
  });

  it('answers a policy 422 (never a 500) for unknown references', async () => {
    const c = await newCustomer(h);
    const other = await newCustomer(h);
    const ticket = (await h.call('POST', '/crm-api/v1/ticket', { customerId: other.id, subject: 'x' })).json();
    for (const [body, reason] of [
      [{ customerId: 'CUST-00000000', summary: 's' }, 'interaction.create.customer_not_found'],
      [{ customerId: c.id, summary: 's', agentId: 'AGT-999' }, 'interaction.create.agent_not_found'],
      [{ customerId: c.id, summary: 's', relatedCaseId: 'CASE-00000000' }, 'interaction.create.case_not_found'],
      [{ customerId: c.id, summary: 's', relatedTicketId: 'TKT-00000000' }, 'interaction.create.ticket_not_found'],
      [{ customerId: c.id, summary: 's', relatedTicketId: ticket.id }, 'interaction.create.ticket_not_found'],
    ] as const) {
      const res = await h.call('POST', BASE, body);
      expect(res.statusCode, reason).toBe(422);
      expect(res.json().reason).toBe(reason);
    }
  });

  it('404s a list for an unknown customer or an unknown interaction id; lists tenant-wide without customerId', async () => {
    expect((await h.call('GET', `${BASE}?customerId=CUST-00000000`)).json()).toMatchObject({ code: 'NOT_FOUND', reason: 'customer.not_found' });
    expect((await h.call('GET', `${BASE}/INT-00000000`)).json()).toMatchObject({ reason: 'interaction.not_found' });
    const all = await h.call('GET', `${BASE}?limit=1`);
    expect(all.statusCode).toBe(200);
    expect(Number(all.headers['x-total-count'])).toBeGreaterThan(1);
  });
});

describe('logInteraction', () => {
  it('writes in the caller transaction with channel and actor from the context, and rolls back with it', async () => {
    const c = await newCustomer(h);
    const ctx = systemContext({ channel: 'scenario', actor: 'runner' });
    const row = await runWithContext(ctx, () => h.deps.database.db.transaction((tx) => logInteraction(tx, h.deps, { customerId: c.id, summary: 'Reused' })));
    expect(row).toMatchObject({ channel: 'scenario', actor: 'runner', direction: 'inbound', summary: 'Reused' });
    await expect(
      h.deps.database.db.transaction(async (tx) => {
        await logInteraction(tx, h.deps, { customerId: c.id, summary: 'Rolled back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const list = (await h.call('GET', `${BASE}?customerId=${c.id}`)).json();
    expect(list.map((i: { reason: string }) => i.reason)).toContain('Reused');
    expect(list.map((i: { reason: string }) => i.reason)).not.toContain('Rolled back');
  });
});
