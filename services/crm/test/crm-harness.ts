// Test harness for the CRM-core API tests: a fresh database, the real app with test deps (frozen clock, in-memory
// bus, a fake subscription lookup), request helpers and small factories that go through the API.
import { createHash } from 'node:crypto';
import type { App } from '@bss/server-kit';
import type { LightMyRequestResponse } from 'fastify';
import { authHeaders, createTestDatabase, loadTmfValidator, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { createDeps, type CrmDeps } from '../src/deps.ts';
import { signKycAttestation } from '../src/domain/kyc.ts';
import { service } from '../src/service.ts';

export const KYC_SECRET = 'test-kyc-secret-0123456789abcdef0123456789';
export const KYC_PEPPER = 'test-kyc-pepper-0123456789abcdef0123456789';
export const NOW = '2026-06-01T00:00:00.000Z';
export const tmf629 = loadTmfValidator('TMF629-CustomerManagement-v4.swagger.json');
export const tmf683 = loadTmfValidator('TMF683-PartyInteraction-v4.swagger.json');

export interface Harness {
  db: TestDatabase;
  platform: TestPlatform;
  deps: CrmDeps;
  app: App;
  /** customerId → live subscription ids the fake subscription service reports (unused with `subscriptionUrl`). */
  liveSubscriptions: Map<string, string[]>;
  /** customerId → open order ids the fake order lookup reports (production: no order service yet, none). */
  openOrders: Map<string, string[]>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * `noKycSecret` builds the platform without the service's extra env (as other modules' tests do); `kycPepper` overrides
 * the document pepper; `subscriptionUrl` wires the production HTTP subscription lookup to that server instead of the fake.
 */
export async function startHarness(opts: { noKycSecret?: boolean; kycPepper?: string; subscriptionUrl?: string } = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const env: Record<string, string> = opts.noKycSecret ? {} : { BSS_KYC_SIGNING_SECRET: KYC_SECRET, BSS_KYC_DOCUMENT_PEPPER: opts.kycPepper ?? KYC_PEPPER };
  if (opts.subscriptionUrl) env.BSS_SUBSCRIPTION_URL = opts.subscriptionUrl;
  const platform = testPlatform('crm', db, { now: NOW, env, extraEnv: opts.noKycSecret ? {} : service.extraEnv });
  const liveSubscriptions = new Map<string, string[]>();
  const openOrders = new Map<string, string[]>();
  const deps = createDeps(platform, {
    ...(opts.subscriptionUrl ? {} : { subscriptions: { liveSubscriptionIds: async (id: string) => liveSubscriptions.get(id) ?? [] } }),
    orders: { openOrderIds: async (id) => openOrders.get(id) ?? [] },
  });
  const app = await buildApp(deps);
  await app.ready();
  return {
    db,
    platform,
    deps,
    app,
    liveSubscriptions,
    openOrders,
    call: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { ...authHeaders(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

let seq = 0;
/** A unique email for this test file. */
export const uniqueEmail = (stem = 'cust') => `${stem}.${process.pid}.${++seq}@example.com`;

/** Creates a customer through the API (CLI shorthand) and returns the TMF body. */
export async function newCustomer(h: Harness, overrides: Record<string, unknown> = {}) {
  const res = await h.call('POST', '/tmf-api/customerManagement/v4/customer', { givenName: 'Ada', familyName: 'Lim', email: uniqueEmail(), ...overrides });
  if (res.statusCode !== 201) throw new Error(`customer create failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string; characteristic: { name: string; value: unknown }[] };
}

/** Rows of the outbox with this event type. */
export async function outboxEvents(h: Harness, eventType: string) {
  const r = await h.db.db.execute<{ aggregate_id: string; payload: Record<string, unknown>; channel: string; actor: string }>(
    sql`SELECT aggregate_id, payload, channel, actor FROM crm.outbox WHERE event_type = ${eventType} ORDER BY id`,
  );
  return r.rows;
}

/** Interactions of a customer, newest first, straight from the table. */
export async function interactionRows(h: Harness, customerId: string) {
  const r = await h.db.db.execute<{ summary: string; channel: string; actor: string; related_case_id: string | null; related_ticket_id: string | null }>(
    sql`SELECT summary, channel, actor, related_case_id, related_ticket_id FROM crm.interaction WHERE customer_id = ${customerId} ORDER BY seq DESC`,
  );
  return r.rows;
}

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A valid signed prebaked attestation for `customerId` (override fields to tamper after signing). */
export function signedAttestation(customerId: string, fields: Record<string, string> = {}, secret = KYC_SECRET): Record<string, string> {
  const body: Record<string, string> = {
    provider: 'prebaked',
    providerReference: 'PB-REF-1',
    documentType: 'passport',
    documentNumber: 'E1234567X',
    documentCountry: 'SG',
    dateOfBirth: '1990-02-03',
    verifiedAt: '2026-05-31T10:00:00Z',
    ...fields,
  };
  const signature = signKycAttestation(
    {
      customerId,
      provider: body.provider!,
      providerReference: body.providerReference!,
      documentType: body.documentType!,
      documentNumber: body.documentNumber,
      documentCountry: body.documentCountry!,
      dateOfBirth: body.dateOfBirth!,
      nationality: body.nationality,
      verifiedAt: body.verifiedAt!,
    },
    secret,
  );
  return { ...body, signature };
}
