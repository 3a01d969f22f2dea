// The typed crm client against a really listening CRM app: every method round-trips and parses with the contract
// schemas; policy and not-found envelopes come back as typed errors carrying the rule id.
import type { AddressInfo } from 'node:net';
import { createCrmClient, NotFoundError, PolicyViolationError, type CrmClient } from '@bss/clients';
import type { crm } from '@bss/contracts';
import { TEST_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256, signedAttestation, startHarness, uniqueEmail, type Harness } from './crm-harness.ts';

let h: Harness;
let client: CrmClient;
beforeAll(async () => {
  h = await startHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = h.app.server.address() as AddressInfo;
  client = createCrmClient({ baseUrl: `http://127.0.0.1:${port}`, token: TEST_TOKEN, actor: 'client-test', channel: 'cli' });
});
afterAll(async () => {
  await h?.close();
});

describe('createCrmClient', () => {
  it('drives customers, mediums, individual and KYC', async () => {
    const email = uniqueEmail('client');
    const c = await client.createCustomer({ givenName: 'Client', familyName: 'User', email });
    expect((await client.getCustomer(c.id)).id).toBe(c.id);
    expect((await client.findCustomerByEmail(email)).id).toBe(c.id);
    const page = await client.listCustomers({ name: 'Client', limit: 5 });
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items[0]!['@type']).toBe('Customer');
    const phone = await client.addContactMedium(c.id, { mediumType: 'phone', value: '+6590001111' });
    expect((await client.updateContactMedium(c.id, phone.id, { value: '+6590002222' })).value).toBe('+6590002222');
    expect(await client.listContactMediums(c.id)).toHaveLength(2);
    await client.removeContactMedium(c.id, phone.id);
    expect(await client.listContactMediums(c.id, true)).toHaveLength(2);
    expect((await client.updateIndividual(c.id, { familyName: 'Renamed' })).name).toBe('Client Renamed');
    expect((await client.attestKyc(c.id, signedAttestation(c.id) as crm.KycAttestation)).kycStatus).toBe('verified');
    expect((await client.getKycStatus(c.id)).kycStatus).toBe('verified');
    expect((await client.patchCustomer(c.id, { status: 'suspended' })).status).toBe('suspended');
    await expect(client.findCustomerByMsisdn('90000123')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('drives interactions, tickets, cases, agents and transcripts', async () => {
    const c = await client.createCustomer({ givenName: 'Case', familyName: 'Owner', email: uniqueEmail('owner') });
    const i = await client.createInteraction({ customerId: c.id, summary: 'hello' });
    expect((await client.getInteraction(i.id)).channel[0]!.id).toBe('cli');
    const interactions = await client.listInteractions({ customerId: c.id, limit: 10 });
    expect(interactions.items[0]!.reason).toBe('hello');
    expect(interactions.items.at(-1)!.relatedParty.find((p) => p.role === 'actor')?.id).toBe('client-test');

    const k = await client.openCase({ customerId: c.id, subject: 'Roaming' });
    const t = await client.openTicket({ customerId: c.id, caseId: k.id, subject: 'No roaming data' });
    expect((await client.listTickets({ caseId: k.id })).items.map((x) => x.id)).toEqual([t.id]);
    expect((await client.patchTicket(t.id, { priority: 'high' })).priority).toBe('high');
    await client.ackTicket(t.id, { assignedToAgentId: 'AGT-004' });
    await client.startTicket(t.id);
    await client.waitTicket(t.id);
    await client.resumeTicket(t.id);
    await client.resolveTicket(t.id, 'Enabled roaming');
    await client.reopenTicket(t.id);
    await client.transitionTicket(t.id, 'resolve', { resolutionNotes: 'Again' });
    expect((await client.closeTicket(t.id)).status).toBe('closed');
    expect((await client.getTicket(t.id)).status).toBe('closed');
    const t2 = await client.openTicket({ customerId: c.id, subject: 'spare' });
    expect((await client.cancelTicket(t2.id)).status).toBe('cancelled');

    expect((await client.addCaseNote(k.id, { body: 'note' })).caseId).toBe(k.id);
    expect((await client.patchCase(k.id, { trigger: 'take', priority: 'high' })).state).toBe('in_progress');
    expect((await client.listCases({ customerId: c.id })).total).toBe(1);
    expect((await client.closeCase(k.id, 'FIXED')).state).toBe('closed');
    expect((await client.getCase(k.id)).notes).toHaveLength(1);

    expect((await client.listAgents({ status: 'active' })).total).toBe(5);
    expect((await client.getAgent('AGT-001')).name).toBe('Alice Tan');
    const body = 'chat body';
    expect((await client.storeChatTranscript({ hash: sha256(body), customerId: c.id, body })).hash).toBe(sha256(body));
    expect((await client.getChatTranscript(sha256(body))).body).toBe(body);
  });

  it('surfaces policy violations and missing entities as typed errors with the rule id', async () => {
    const c = await client.createCustomer({ givenName: 'Err', familyName: 'Case', email: uniqueEmail('err') });
    const t = await client.openTicket({ customerId: c.id, subject: 'x' });
    const err = await client.startTicket(t.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyViolationError);
    expect((err as PolicyViolationError).rule).toBe('ticket.transition.valid_from_state');
    const missing = await client.getCase('CASE-00000000').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).reason).toBe('case.not_found');
  });
});
