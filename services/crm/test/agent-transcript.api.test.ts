// Agents (seeded, read-only) and chat transcripts (content-addressed, append-only, idempotent re-store).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { interactionRows, newCustomer, sha256, startHarness, type Harness } from './crm-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('agents', () => {
  it('serves the seeded agents in id order with paging and a status filter', async () => {
    const res = await h.call('GET', '/crm-api/v1/agent');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe('5');
    expect(res.json().map((a: { id: string }) => a.id)).toEqual(['AGT-001', 'AGT-002', 'AGT-003', 'AGT-004', 'AGT-SYS']);
    expect((await h.call('GET', '/crm-api/v1/agent?limit=2&offset=1')).json().map((a: { id: string }) => a.id)).toEqual(['AGT-002', 'AGT-003']);
    expect((await h.call('GET', '/crm-api/v1/agent?status=terminated')).json()).toEqual([]);
    expect((await h.call('GET', '/crm-api/v1/agent/AGT-003')).json()).toEqual({ id: 'AGT-003', name: 'Carol Ng', email: 'carol.ng@bss-cli.local', role: 'supervisor', status: 'active' });
    expect((await h.call('GET', '/crm-api/v1/agent/AGT-404')).json()).toMatchObject({ code: 'NOT_FOUND', reason: 'agent.not_found' });
  });
});

describe('chat transcripts', () => {
  it('stores a transcript addressed by the SHA-256 of its body (201), re-stores idempotently (200) and logs once', async () => {
    const c = await newCustomer(h);
    const body = 'user: my data is slow\nassistant: let me check';
    const hash = sha256(body);
    const first = await h.call('POST', '/crm-api/v1/chat-transcript', { hash, customerId: c.id, body });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ hash, customerId: c.id, body, recordedAt: '2026-06-01T00:00:00.000Z' });
    const again = await h.call('POST', '/crm-api/v1/chat-transcript', { hash, customerId: c.id, body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await h.call('GET', `/crm-api/v1/chat-transcript/${hash}`)).json()).toEqual(first.json());
    expect((await interactionRows(h, c.id)).filter((r) => r.summary === 'Chat transcript stored')).toHaveLength(1);
  });

  it('refuses a body whose hash does not match (chat_transcript.hash_mismatch)', async () => {
    const res = await h.call('POST', '/crm-api/v1/chat-transcript', { hash: sha256('other'), body: 'this body' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'chat_transcript.hash_mismatch', context: { provided: sha256('other'), expected: sha256('this body') } });
  });

  it('refuses an unknown customer (chat_transcript.store.customer_not_found) and 404s an unknown hash', async () => {
    const body = 'orphan';
    const res = await h.call('POST', '/crm-api/v1/chat-transcript', { hash: sha256(body), customerId: 'CUST-00000000', body });
    expect(res.json().reason).toBe('chat_transcript.store.customer_not_found');
    expect((await h.call('GET', `/crm-api/v1/chat-transcript/${sha256('nothing')}`)).statusCode).toBe(404);
    expect((await h.call('GET', '/crm-api/v1/chat-transcript/not-a-hash')).statusCode).toBe(400);
  });

  it('is append-only in the database: rows cannot be updated or deleted', async () => {
    const body = 'immutable';
    await h.call('POST', '/crm-api/v1/chat-transcript', { hash: sha256(body), body });
    await expect(h.db.db.execute(sql`UPDATE crm.chat_transcript SET body = 'changed' WHERE hash = ${sha256(body)}`)).rejects.toThrow();
    await expect(h.db.db.execute(sql`DELETE FROM crm.chat_transcript WHERE hash = ${sha256(body)}`)).rejects.toThrow();
  });
});
