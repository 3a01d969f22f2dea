// The card number and CVV never reach the database, the outbox, a log line or a response: add and use a
// card with a distinctive PAN/CVV (plus failing requests carrying them) while capturing every log line,
// then scan every row of every payment table and the captured logs.
import { createLogger } from '@bss/telemetry';
import { createTestDatabase, testPlatform, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { extraEnv } from '../src/config.ts';
import { createDeps } from '../src/deps.ts';
import type { App } from '@bss/server-kit';
import { chargeBody, fakeCustomers, fakeSubscriptions, http, METHODS, NOW, PAYMENTS } from './helpers.ts';

const PAN = '4929 1357 9246 8013';
const PAN_DIGITS = PAN.replaceAll(' ', '');
const CVV = '9731';
// A CVV leak would show as a standalone number; inside a longer digit/hex run (uuids, epoch ms) it is noise.
const CVV_PATTERN = new RegExp(`(?<![0-9a-fA-F])${CVV}(?![0-9a-fA-F])`);
const PAN_PATTERNS = [PAN_DIGITS, PAN, PAN_DIGITS.slice(0, 12), PAN.slice(0, 14)];

let db: TestDatabase;
let app: App;
const logLines: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const platform = testPlatform('payment', db, { now: NOW, extraEnv });
  platform.logger = createLogger('payment', 'trace', { write: (line: string) => void logLines.push(line) });
  const deps = createDeps(platform, { customers: fakeCustomers({ 'CUST-closed': 'closed' }), subscriptions: fakeSubscriptions({ 'CUST-pan': ['SUB-1'] }) });
  app = await buildApp(deps);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const responses: string[] = [];

function expectClean(text: string, where: string): void {
  for (const p of PAN_PATTERNS) expect(text.includes(p), `${where} contains the card number (${p})`).toBe(false);
  expect(CVV_PATTERN.test(text), `${where} contains the CVV`).toBe(false);
}

describe('card data hygiene', () => {
  it('keeps the PAN and CVV out of storage, events, logs and responses across success and failure paths', async () => {
    const api = http(app);
    const card = { customerId: 'CUST-pan', cardNumber: PAN, cvv: CVV, expMonth: 11, expYear: 2031 };
    const added = await api.post(METHODS, card);
    expect(added.statusCode).toBe(201);
    expect(added.json().lastFourDigits).toBe('8013');
    const pm = added.json().id;
    const attempts = [
      added,
      await api.post(METHODS, { ...card, expYear: '2031' }), // 400 validation
      await api.post(METHODS, { ...card, expYear: 2020 }), // 422 expired
      await api.post(METHODS, { ...card, customerId: 'CUST-closed' }), // 422 customer status
      await api.post(METHODS, { ...card, cardNumber: `${PAN_DIGITS.slice(0, 15)}4` }), // 422 provider refusal (Luhn)
      await app.inject({
        method: 'POST',
        url: METHODS,
        payload: `[${PAN_DIGITS},${CVV},tru]`,
        headers: { 'content-type': 'application/json', 'x-bss-api-token': 'test-token-0123456789abcdef0123456789' },
      }), // 400 malformed
      await api.post(PAYMENTS, chargeBody('CUST-pan', pm)),
      await api.del(`${METHODS}/${pm}`), // 422 last method with a live subscription
      await api.get(`${METHODS}?customerId=CUST-pan`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([201, 400, 422, 422, 422, 400, 201, 422, 200]);
    for (const r of attempts) responses.push(r.body);

    const tables = await db.pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'payment' ORDER BY table_name`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['inbox', 'outbox', 'payment_attempt', 'payment_method']));
    let scannedRows = 0;
    for (const { table_name } of tables.rows) {
      const rows = await db.pool.query(`SELECT t::text AS row FROM payment.${table_name} t`);
      for (const r of rows.rows) expectClean(r.row, `payment.${table_name}`);
      scannedRows += rows.rowCount ?? 0;
    }
    expect(scannedRows).toBeGreaterThanOrEqual(4); // method, attempt, added + charged events

    const logs = logLines.join('');
    expect(logs).toContain('payment method added');
    expect(logs).toContain('"status":400');
    expectClean(logs, 'the service log');
    for (const body of responses) expectClean(body, 'a response');
  });
});
