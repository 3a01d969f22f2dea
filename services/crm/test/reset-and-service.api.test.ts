// The operational reset clears CRM-core data (and calls the inventory/porting resets) while agents and SLA stay;
// the ServiceModule requires the KYC secret and serves an OpenAPI document with every CRM route.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadModuleConfig } from '@bss/server-kit';
import { testEnv } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRM_OPERATIONAL_TABLES } from '../src/reset.ts';
import { httpSubscriptionLookup } from '../src/downstream/subscription.lookup.ts';
import { service } from '../src/service.ts';
import { KYC_PEPPER, KYC_SECRET, newCustomer, sha256, startHarness, type Harness } from './crm-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const count = async (table: string) => Number((await h.db.db.execute<{ n: string }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))).rows[0]!.n);

describe('reset-operational-data', () => {
  it('clears customers, cases, tickets, notes, interactions, KYC and transcripts; keeps agents and SLA', async () => {
    const c = await newCustomer(h);
    const k = (await h.call('POST', '/crm-api/v1/case', { customerId: c.id, subject: 's' })).json();
    await h.call('POST', `/crm-api/v1/case/${k.id}/note`, { body: 'n' });
    await h.call('POST', '/crm-api/v1/ticket', { customerId: c.id, caseId: k.id, subject: 't' });
    await h.call('POST', '/crm-api/v1/chat-transcript', { hash: sha256('b'), customerId: c.id, body: 'b' });
    expect(await count('crm.interaction')).toBeGreaterThan(0);
    const res = await h.call('POST', '/admin-api/v1/reset-operational-data');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.schemas[0]).toMatchObject({ schema: 'crm' });
    expect(report.schemas[0].truncated).toEqual(expect.arrayContaining([...CRM_OPERATIONAL_TABLES, 'crm.port_request']));
    expect(report.schemas.map((s: { schema: string }) => s.schema)).toEqual(['crm', 'inventory']);
    for (const t of CRM_OPERATIONAL_TABLES) expect(await count(t), t).toBe(0);
    expect(await count('crm.agent')).toBe(5);
    expect(await count('crm.sla_policy')).toBe(12);
    const marker = await h.db.db.execute(sql`SELECT 1 FROM crm.outbox WHERE event_type = 'admin.operational_data_reset'`);
    expect(marker.rows).toHaveLength(1);
  });
});

describe('service module', () => {
  it('requires BSS_KYC_SIGNING_SECRET and BSS_KYC_DOCUMENT_PEPPER (no dev defaults) and accepts long enough ones', () => {
    expect(() => loadModuleConfig(service, testEnv())).toThrow(/BSS_KYC_SIGNING_SECRET[\s\S]*BSS_KYC_DOCUMENT_PEPPER/);
    expect(() => loadModuleConfig(service, testEnv({ BSS_KYC_SIGNING_SECRET: 'short', BSS_KYC_DOCUMENT_PEPPER: KYC_PEPPER }))).toThrow(/BSS_KYC_SIGNING_SECRET/);
    expect(() => loadModuleConfig(service, testEnv({ BSS_KYC_SIGNING_SECRET: KYC_SECRET, BSS_KYC_DOCUMENT_PEPPER: 'short' }))).toThrow(/BSS_KYC_DOCUMENT_PEPPER/);
    const config = loadModuleConfig(service, testEnv({ BSS_KYC_SIGNING_SECRET: KYC_SECRET, BSS_KYC_DOCUMENT_PEPPER: KYC_PEPPER }));
    expect(config.port).toBe(8002);
    expect((config.extra as Record<string, unknown>).BSS_KYC_SIGNING_SECRET).toBe(KYC_SECRET);
    expect((config.extra as Record<string, unknown>).BSS_KYC_DOCUMENT_PEPPER).toBe(KYC_PEPPER);
  });

  it('documents every CRM-core route in /openapi.json', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json() as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    for (const path of [
      '/tmf-api/customerManagement/v4/customer',
      '/tmf-api/customerManagement/v4/customer/{customerId}',
      '/crm-api/v1/customer/by-email/{email}',
      '/crm-api/v1/customer/by-msisdn/{msisdn}',
      '/crm-api/v1/customer/{customerId}/contact-medium/{cmId}',
      '/crm-api/v1/customer/{customerId}/kyc-attestation',
      '/tmf-api/customerInteractionManagement/v1/interaction',
      '/crm-api/v1/ticket/{ticketId}/resolve',
      '/crm-api/v1/case/{caseId}/close',
      '/crm-api/v1/agent/{agentId}',
      '/crm-api/v1/chat-transcript/{hash}',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.components.schemas).toHaveProperty('Customer');
    expect(doc.components.schemas).toHaveProperty('TroubleTicket');
  });
});

describe('subscription lookup over HTTP', () => {
  it('asks GET /subscription-api/v1/subscription?customerId= and keeps every non-terminated subscription', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.url} ${String(req.headers['x-bss-api-token']).length}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify([
        { id: 'SUB-0001', customerId: 'CUST-1', state: 'active' },
        { id: 'SUB-0002', customerId: 'CUST-1', state: 'blocked' },
        { id: 'SUB-0003', customerId: 'CUST-1', state: 'terminated' },
        { id: 'SUB-0004', customerId: 'CUST-1', state: 'pending' },
      ]));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const config = loadModuleConfig(service, testEnv({ BSS_KYC_SIGNING_SECRET: KYC_SECRET, BSS_KYC_DOCUMENT_PEPPER: KYC_PEPPER, BSS_SUBSCRIPTION_URL: `http://127.0.0.1:${port}` }));
      expect(await httpSubscriptionLookup(config).liveSubscriptionIds('CUST-1')).toEqual(['SUB-0001', 'SUB-0002', 'SUB-0004']);
      expect(seen[0]).toMatch(/^\/subscription-api\/v1\/subscription\?customerId=CUST-1 \d+$/);
    } finally {
      server.close();
    }
  });
});
