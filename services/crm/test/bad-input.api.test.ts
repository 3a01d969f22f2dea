// Every route family answers malformed JSON, wrong types, unknown ids and missing/invalid tokens with the error
// envelope (400/404/401), never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '@bss/testing';
import { startHarness, type Harness } from './crm-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Family {
  name: string;
  post: string;
  wrongTypes: unknown;
  unknown: string;
}
const families: Family[] = [
  { name: 'customer', post: '/tmf-api/customerManagement/v4/customer', wrongTypes: { givenName: 1, email: ['x'] }, unknown: '/tmf-api/customerManagement/v4/customer/CUST-ffffffff' },
  { name: 'contact medium', post: '/crm-api/v1/customer/CUST-ffffffff/contact-medium', wrongTypes: { mediumType: 5, value: true }, unknown: '/crm-api/v1/customer/CUST-ffffffff/contact-medium' },
  { name: 'kyc', post: '/crm-api/v1/customer/CUST-ffffffff/kyc-attestation', wrongTypes: { provider: 1, documentType: 'x' }, unknown: '/crm-api/v1/customer/CUST-ffffffff/kyc-status' },
  { name: 'interaction', post: '/tmf-api/customerInteractionManagement/v1/interaction', wrongTypes: { customerId: 7, summary: null }, unknown: '/tmf-api/customerInteractionManagement/v1/interaction/INT-ffffffff' },
  { name: 'ticket', post: '/crm-api/v1/ticket', wrongTypes: { customerId: [], subject: {}, priority: 'meh' }, unknown: '/crm-api/v1/ticket/TKT-ffffffff' },
  { name: 'case', post: '/crm-api/v1/case', wrongTypes: { customerId: 1, subject: false }, unknown: '/crm-api/v1/case/CASE-ffffffff' },
  { name: 'chat transcript', post: '/crm-api/v1/chat-transcript', wrongTypes: { hash: 12, body: [] }, unknown: `/crm-api/v1/chat-transcript/${'f'.repeat(64)}` },
  // Agents are read-only: there is no POST route, so bad input is a bad query string.
  { name: 'agent', post: '/crm-api/v1/agent', wrongTypes: undefined, unknown: '/crm-api/v1/agent/AGT-fff' },
];

describe.each(families)('$name routes', (f) => {
  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const res = await h.app.inject({ method: 'POST', url: f.post, payload: '{"a":', headers: { 'x-bss-api-token': TEST_TOKEN, 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'request.malformed_json' });
  });

  it('answers wrong types with 400 VALIDATION_FAILED listing the fields', async () => {
    const res = f.wrongTypes === undefined ? await h.call('GET', `${f.post}?limit=lots&status=1`) : await h.call('POST', f.post, f.wrongTypes);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().context.issues.length).toBeGreaterThan(0);
  });

  it('answers an unknown id with a 404 envelope', async () => {
    const res = await h.call('GET', f.unknown);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', status: '404' });
  });

  it('answers a missing or invalid token with 401', async () => {
    const missing = await h.app.inject({ method: 'GET', url: f.unknown });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().reason).toBe('auth.missing_token');
    const invalid = await h.app.inject({ method: 'POST', url: f.post, headers: { 'x-bss-api-token': 'nope'.repeat(10), 'content-type': 'application/json' }, payload: '{}' });
    expect(invalid.statusCode).toBe(401);
    expect(invalid.json().reason).toBe('auth.invalid_token');
  });
});
