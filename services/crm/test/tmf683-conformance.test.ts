// TMF683 Party Interaction conformance: the OpenAPI document covers the official swagger for `partyInteraction`
// (at the specification's base path and at the old alias), and a client walks create → get → list (filters,
// fields) → merge-patch → delete with bodies built from the official PartyInteraction_Create definition (mandatory
// attributes only, and every attribute), every response validated strictly. The log is append-only: PATCH and
// DELETE answer 422 with their rule ids.
import { readFileSync } from 'node:fs';
import { diffAgainstSpec, TMF_DIR } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCustomer, startHarness, tmf683, type Harness } from './crm-harness.ts';

const BASE = '/tmf-api/partyInteraction/v4/partyInteraction';
const ALIAS = '/tmf-api/customerInteractionManagement/v1/interaction';
const SPEC = 'TMF683-PartyInteraction-v4.swagger.json';
const MERGE = { 'content-type': 'application/merge-patch+json' };
const createDef = (JSON.parse(readFileSync(`${TMF_DIR}${SPEC}`, 'utf8')) as { definitions: Record<string, { required: string[]; properties: Record<string, unknown> }> })
  .definitions.PartyInteraction_Create!;
const customerHref = (id: string) => `http://localhost:8002/tmf-api/customerManagement/v4/customer/${id}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

function assertProjected(body: Record<string, unknown>, asked: string[]) {
  expect(Object.keys(body).sort()).toEqual([...new Set(['id', 'href', '@type', ...asked])].sort());
  expect(tmf683.validate('PartyInteraction', body)).toEqual([]);
}

/** The mandatory attributes, plus the relatedParty naming the customer (CRM logs interactions of customers). */
const mandatoryBody = (customerId: string) => ({
  reason: 'Asked about roaming',
  status: 'completed',
  direction: 'inbound',
  channel: [{ id: 'portal-self-serve', href: 'urn:bss:channel:portal-self-serve' }],
  interactionDate: { startDateTime: '2026-05-31T09:00:00.000Z' },
  relatedParty: [{ id: customerId, href: customerHref(customerId), '@referredType': 'Customer' }],
});

describe('TMF683 operations against the official specification', () => {
  it('documents every operation, query parameter and response code of /partyInteraction, at the spec path and the alias', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json();
    expect(diffAgainstSpec(doc, SPEC, { resources: ['partyInteraction'] })).toEqual([]);
    // The alias serves /interaction under its own base; compare it as that resource name.
    const aliasDoc = { paths: Object.fromEntries(Object.entries(doc.paths).map(([p, v]) => [p.replace(`${ALIAS}`, '/alias/partyInteraction'), v])) };
    expect(diffAgainstSpec(aliasDoc, SPEC, { resources: ['partyInteraction'], basePath: '/alias' })).toEqual([]);
  });
});

describe('create → get → list → merge-patch → delete', () => {
  it('walks an interaction created from the mandatory attributes only', async () => {
    const c = await newCustomer(h);
    const body = mandatoryBody(c.id);
    expect(createDef.required.every((k) => k in body)).toBe(true);
    tmf683.assert('PartyInteraction_Create', body);

    const created = await h.call('POST', BASE, body);
    expect(created.statusCode, created.body).toBe(201);
    const i = created.json();
    tmf683.assert('PartyInteraction', i);
    expect(created.headers.location).toBe(i.href);
    expect(i.href).toBe(`http://localhost:8002${BASE}/${i.id}`);
    expect(i).toMatchObject({
      reason: body.reason,
      status: 'completed',
      direction: 'inbound',
      interactionDate: body.interactionDate,
      channel: [{ id: 'portal-self-serve', href: 'urn:bss:channel:portal-self-serve' }],
      // The request's actor (X-BSS-Actor, `system` when unset) is recorded as a related party too.
      relatedParty: [
        { id: c.id, href: customerHref(c.id), role: 'customer', '@referredType': 'Customer' },
        { id: 'system', href: 'urn:bss:actor:system', role: 'actor', '@referredType': 'Actor' },
      ],
    });

    const got = await h.call('GET', `${BASE}/${i.id}`);
    tmf683.assert('PartyInteraction', got.json());
    expect(got.json()).toEqual(i);
    assertProjected((await h.call('GET', `${BASE}/${i.id}?fields=reason,status`)).json(), ['reason', 'status']);
    // The alias is the same resource, with hrefs on the alias path.
    expect((await h.call('GET', `${ALIAS}/${i.id}`)).json()).toEqual({ ...i, href: `http://localhost:8002${ALIAS}/${i.id}` });

    const listed = await h.call('GET', `${BASE}?relatedParty.id=${c.id}&status=COMPLETED&direction=inbound&fields=reason`);
    expect(listed.statusCode).toBe(200);
    // The customer's creation was auto-logged too: two interactions, newest (the explicit one) first.
    expect([listed.headers['x-total-count'], listed.headers['x-result-count']]).toEqual(['2', '2']);
    for (const x of listed.json()) assertProjected(x, ['reason']);
    expect(listed.json().map((x: { reason: string }) => x.reason)).toEqual([body.reason, 'Customer created: Ada Lim']);
    expect((await h.call('GET', `${BASE}?relatedParty.id=${c.id}&direction=outbound`)).headers['x-total-count']).toBe('0');

    const patched = await h.call('PATCH', `${BASE}/${i.id}`, { status: 'inProgress' }, MERGE);
    expect([patched.statusCode, patched.json().reason]).toEqual([422, 'interaction.update.append_only']);
    const deleted = await h.call('DELETE', `${BASE}/${i.id}`);
    expect([deleted.statusCode, deleted.json().reason]).toEqual([422, 'interaction.delete.append_only']);
    expect((await h.call('GET', `${BASE}/${i.id}`)).json()).toEqual(i);
    expect((await h.call('PATCH', `${BASE}/INT-00000000`, { status: 'x' }, MERGE)).statusCode).toBe(404);
    expect((await h.call('DELETE', `${BASE}/INT-00000000`)).statusCode).toBe(404);
  });

  it('walks an interaction created from every PartyInteraction_Create attribute', async () => {
    const c = await newCustomer(h);
    const k = (await h.call('POST', '/crm-api/v1/case', { customerId: c.id, subject: 'Roaming' })).json();
    const body = {
      creationDate: '2026-05-31T09:30:00.000Z',
      description: 'Customer asked for an EU pack',
      direction: 'outbound',
      reason: 'Roaming follow-up',
      status: 'inProgress',
      statusChangeDate: '2026-05-31T09:31:00.000Z',
      attachment: [{ name: 'screenshot.png', mimeType: 'image/png', content: 'aGVsbG8=', size: { amount: 5, units: 'bytes' }, '@type': 'Attachment' }],
      channel: [
        { id: 'portal-csr', href: 'urn:bss:channel:portal-csr', name: 'portal-csr', role: 'origin', '@referredType': 'Channel' },
        { id: 'phone', href: 'urn:bss:channel:phone', name: 'phone' },
      ],
      interactionDate: { startDateTime: '2026-05-31T09:00:00.000Z', endDateTime: '2026-05-31T09:20:00.000Z' },
      interactionItem: [
        { item: { id: k.id, href: `http://localhost:8002/crm-api/v1/case/${k.id}`, role: 'relatedCase', '@referredType': 'Case' } },
        { id: 'ITEM-1', reason: 'quote', item: { id: 'OFFER-EU', role: 'offered', '@referredType': 'ProductOffering' }, note: [{ text: 'quoted EU 5GB' }] },
      ],
      interactionRelationship: [{ id: 'INT-previous', relationshipType: 'followUpOf' }],
      note: [{ author: 'csr-7', date: '2026-05-31T09:21:00.000Z', text: 'will call back' }],
      relatedParty: [
        { id: c.id, href: customerHref(c.id), role: 'customer', '@referredType': 'Customer' },
        { id: 'AGT-001', href: 'http://localhost:8002/crm-api/v1/agent/AGT-001', role: 'agent', '@referredType': 'Agent' },
        { id: 'ORG-partner', href: 'https://partner.example.com/org/1', role: 'reseller', '@referredType': 'Organization' },
      ],
      '@baseType': 'PartyInteraction',
      '@schemaLocation': 'https://example.com/schema/PartyInteraction.json',
      '@type': 'PartyInteraction',
    };
    expect(Object.keys(body).sort()).toEqual(Object.keys(createDef.properties).sort());
    tmf683.assert('PartyInteraction_Create', body);

    const created = await h.call('POST', BASE, body, { 'x-bss-actor': 'csr-7' });
    expect(created.statusCode, created.body).toBe(201);
    const i = created.json();
    tmf683.assert('PartyInteraction', i);
    expect(i).toMatchObject({
      description: body.description,
      direction: 'outbound',
      reason: body.reason,
      status: 'inProgress',
      statusChangeDate: body.statusChangeDate,
      attachment: body.attachment,
      channel: [{ id: 'portal-csr', name: 'portal-csr' }, body.channel[1]],
      interactionDate: body.interactionDate,
      interactionItem: [{ item: { id: k.id, '@referredType': 'Case' } }, body.interactionItem[1]],
      interactionRelationship: body.interactionRelationship,
      note: body.note,
      relatedParty: [
        { id: c.id, role: 'customer', '@referredType': 'Customer' },
        { id: 'AGT-001', role: 'agent', '@referredType': 'Agent' },
        { id: 'csr-7', role: 'actor', '@referredType': 'Actor' },
        body.relatedParty[2],
      ],
      '@type': 'PartyInteraction',
    });
    // creationDate is when CRM recorded it (the service clock), not what the client claimed.
    expect(i.creationDate).toBe('2026-06-01T00:00:00.000Z');

    tmf683.assert('PartyInteraction', (await h.call('GET', `${BASE}/${i.id}`)).json());
    const listed = await h.call('GET', `${BASE}?relatedParty.id=AGT-001&status=inProgress`);
    expect(listed.json().map((x: { id: string }) => x.id)).toEqual([i.id]);
    for (const x of listed.json()) tmf683.assert('PartyInteraction', x);

    expect((await h.call('PATCH', `${BASE}/${i.id}`, { status: 'completed' }, MERGE)).json().reason).toBe('interaction.update.append_only');
    expect((await h.call('DELETE', `${BASE}/${i.id}`)).json().reason).toBe('interaction.delete.append_only');
  });

  it('answers 400 when the customer or the reason is missing, 422 when the customer is unknown', async () => {
    const c = await newCustomer(h);
    const { relatedParty: _rp, ...noCustomer } = mandatoryBody(c.id);
    expect((await h.call('POST', BASE, noCustomer)).json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'interaction.create.customer_required' });
    const { reason: _r, ...noReason } = mandatoryBody(c.id);
    expect((await h.call('POST', BASE, noReason)).json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'interaction.create.reason_required' });
    expect((await h.call('POST', BASE, mandatoryBody('CUST-00000000'))).json()).toMatchObject({ reason: 'interaction.create.customer_not_found' });
    const badChannel = { ...mandatoryBody(c.id), channel: [{ id: 'web site', href: 'x' }] };
    expect((await h.call('POST', BASE, badChannel)).json()).toMatchObject({ reason: 'interaction.create.channel_invalid' });
  });
});
