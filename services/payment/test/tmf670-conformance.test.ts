// TMF670 PaymentMethod conformance: create (official bankCard bodies, mandatory-only and with every attribute) →
// get → list with filters and fields → merge-patch → delete, every response validated strictly against the
// official `TokenizedCard` (a stored card is tokenized), and our OpenAPI document diffed against the swagger.
import { authHeaders, createTestDatabase, diffAgainstSpec, loadTmfValidator, portalHeaders, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cardBody, http, MASTERCARD, METHODS, METHODS_ALIAS, outboxEvents, VISA, type TestApp } from './helpers.ts';

const tmf = loadTmfValidator('TMF670-PaymentMethod-v4.swagger.json');
let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const owner = (id: string) => ({ id, '@referredType': 'Customer' });
/** The BankCard mandatory attributes (plus PaymentMethod's @type and name) and the owner we need. */
const mandatory = (customerId: string) => ({
  '@type': 'bankCard',
  name: 'Main card',
  cardNumber: VISA,
  brand: 'Visa',
  expirationDate: '2031-04-30T00:00:00Z',
  nameOnCard: 'ADA LOVELACE',
  relatedParty: owner(customerId),
});
/** Every attribute PaymentMethod_Create and BankCard define. */
const everything = (customerId: string) => ({
  ...mandatory(customerId),
  cardNumber: MASTERCARD,
  brand: 'MasterCard',
  description: 'My gold mastercard.',
  isPreferred: true,
  authorizationCode: '1234567890',
  status: 'Active',
  statusDate: '2026-05-01T00:00:00Z',
  statusReason: 'new card',
  account: [{ id: customerId, name: 'Prepaid account', '@referredType': 'PartyAccount' }],
  relatedPlace: { id: 'PLACE-1', role: 'billing', '@referredType': 'GeographicAddress' },
  validFor: { startDateTime: '2026-06-01T00:00:00Z', endDateTime: '2031-04-30T23:59:59Z' },
  cardType: 'Credit',
  cvv: '123',
  lastFourDigits: '4444',
  bank: 'DBS',
  '@baseType': 'PaymentMethod',
  '@schemaLocation': 'https://example.com/schema/BankCard.json',
});

const patch = (url: string, body: unknown, headers = authHeaders()) =>
  t.app.inject({ method: 'PATCH', url, payload: body as object, headers: { ...headers, 'content-type': 'application/merge-patch+json' } });

/** Every full response is a valid TokenizedCard; a projected one still holds TMF670's mandatory attributes. */
const assertCard = (body: unknown) => tmf.assert('TokenizedCard', body);

describe('TMF670 create', () => {
  it('the bodies are built from the official definitions', () => {
    expect(tmf.validate('BankCard', mandatory('CUST-x'))).toEqual([]);
    expect(tmf.validate('BankCard', everything('CUST-x'))).toEqual([]);
  });

  it('creates from the mandatory attributes only: 201, Location, a strictly valid tokenizedCard', async () => {
    const res = await api.post(METHODS, mandatory('CUST-670a'));
    expect(res.statusCode, res.body).toBe(201);
    const pm = res.json();
    assertCard(pm);
    expect(res.headers.location).toBe(pm.href);
    expect(pm).toMatchObject({
      '@type': 'tokenizedCard',
      name: 'Main card',
      isPreferred: true,
      status: 'active',
      brand: 'visa',
      lastFourDigits: '4242',
      expirationDate: '2031-04-30T23:59:59.999Z',
      relatedParty: { id: 'CUST-670a' },
    });
    expect(res.body).not.toContain('4242 4242');
  });

  it('creates with every attribute, keeping name, description and validFor, and taking the default when preferred', async () => {
    const first = (await api.post(METHODS, mandatory('CUST-670b'))).json();
    const res = await api.post(METHODS, everything('CUST-670b'));
    expect(res.statusCode, res.body).toBe(201);
    const pm = res.json();
    assertCard(pm);
    expect(pm).toMatchObject({
      name: 'Main card',
      description: 'My gold mastercard.',
      isPreferred: true,
      status: 'active',
      statusDate: '2026-06-01T00:00:00.000Z',
      validFor: { startDateTime: '2026-06-01T00:00:00.000Z', endDateTime: '2031-04-30T23:59:59.000Z' },
      brand: 'mastercard',
      lastFourDigits: '4444',
    });
    expect(res.body).not.toContain('123"');
    assertCard((await api.get(`${METHODS}/${first.id}`)).json());
    expect((await api.get(`${METHODS}/${first.id}`)).json().isPreferred).toBe(false);
  });

  it('takes the owner from account[0].id when relatedParty is absent, and refuses a body naming neither', async () => {
    const { relatedParty: _rp, ...rest } = mandatory('CUST-670c');
    const viaAccount = await api.post(METHODS, { ...rest, account: [{ id: 'CUST-670c' }] });
    expect(viaAccount.statusCode, viaAccount.body).toBe(201);
    expect(viaAccount.json().relatedParty.id).toBe('CUST-670c');
    const none = await api.post(METHODS, rest);
    expect(none.statusCode).toBe(422);
    expect(none.json().reason).toBe('payment_method.add.owner_required');
  });

  it('refuses a payment method type other than a card, and an inverted validFor', async () => {
    const cash = await api.post(METHODS, { '@type': 'cash', name: 'Cash', relatedParty: owner('CUST-670c') });
    expect(cash.statusCode).toBe(400);
    const inverted = await api.post(METHODS, { ...mandatory('CUST-670c'), validFor: { startDateTime: '2027-01-01T00:00:00Z', endDateTime: '2026-01-01T00:00:00Z' } });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().reason).toBe('payment_method.add.valid_for_ordered');
  });

  it('still takes the shorthand body, answering the same TMF shape', async () => {
    const res = await api.post(METHODS, cardBody('CUST-670d'));
    expect(res.statusCode).toBe(201);
    assertCard(res.json());
  });
});

describe('TMF670 read', () => {
  it('gets by id with fields, keeping id, href, @type and the mandatory name', async () => {
    const pm = (await api.post(METHODS, mandatory('CUST-670r'))).json();
    const full = await api.get(`${METHODS}/${pm.id}`);
    expect(full.json()).toEqual(pm);
    const some = await api.get(`${METHODS}/${pm.id}?fields=isPreferred,lastFourDigits,expirationDate`);
    expect(some.statusCode).toBe(200);
    expect(Object.keys(some.json()).sort()).toEqual(['@type', 'expirationDate', 'href', 'id', 'isPreferred', 'lastFourDigits', 'name']);
    assertCard(some.json());
  });

  it('lists with attribute filters and fields; the count headers describe the filtered set', async () => {
    const a = (await api.post(METHODS, mandatory('CUST-670l'))).json();
    const b = (await api.post(METHODS, { ...mandatory('CUST-670l'), cardNumber: MASTERCARD, name: 'Second' })).json();
    const all = await api.get(`${METHODS}?customerId=CUST-670l`);
    expect(all.json().map((m: { id: string }) => m.id)).toEqual([b.id, a.id]);
    all.json().forEach(assertCard);
    expect(all.headers['x-total-count']).toBe('2');
    const preferred = await api.get(`${METHODS}?customerId=CUST-670l&isPreferred=true&fields=name`);
    expect(preferred.json()).toEqual([{ id: a.id, href: a.href, name: 'Main card', '@type': 'tokenizedCard' }]);
    expect(preferred.headers['x-total-count']).toBe('1');
    expect(preferred.headers['x-result-count']).toBe('1');
    const paged = await api.get(`${METHODS}?customerId=CUST-670l&offset=1&limit=1`);
    expect(paged.json().map((m: { id: string }) => m.id)).toEqual([a.id]);
    expect(paged.headers['x-total-count']).toBe('2');
    expect(paged.headers['x-result-count']).toBe('1');
  });

  it('lists across customers for the operator (payment:read_all); a customer-facing identity must name the customer', async () => {
    await api.post(METHODS, mandatory('CUST-670x'));
    const operator = await api.get(`${METHODS}?limit=1000`);
    expect(operator.statusCode).toBe(200);
    expect(new Set(operator.json().map((m: { relatedParty: { id: string } }) => m.relatedParty.id)).size).toBeGreaterThan(1);
    expect(Number(operator.headers['x-total-count'])).toBe(operator.json().length);
    const portal = await t.app.inject({ method: 'GET', url: METHODS, headers: portalHeaders() });
    expect(portal.statusCode).toBe(400);
    expect(portal.json()).toMatchObject({ reason: 'payment.list.customer_required', context: { scope: 'payment:read_all' } });
    const named = await t.app.inject({ method: 'GET', url: `${METHODS}?customerId=CUST-670x`, headers: portalHeaders() });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toHaveLength(1);
  });

  it('serves the pre-TMF670 path as an alias of the same resources', async () => {
    const pm = (await api.post(METHODS_ALIAS, mandatory('CUST-670al'))).json();
    expect((await api.get(`${METHODS}/${pm.id}`)).json()).toEqual(pm);
    expect((await api.get(`${METHODS_ALIAS}/${pm.id}`)).json()).toEqual(pm);
  });
});

describe('TMF670 merge-patch and delete', () => {
  it('patches name, description, validFor and isPreferred through the policies, 200 with a valid card', async () => {
    const a = (await api.post(METHODS, mandatory('CUST-670p'))).json();
    const b = (await api.post(METHODS, { ...mandatory('CUST-670p'), cardNumber: MASTERCARD })).json();
    const res = await patch(`${METHODS}/${b.id}`, {
      name: 'Travel card',
      description: 'for roaming',
      validFor: { endDateTime: '2030-01-01T00:00:00Z' },
      isPreferred: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    assertCard(res.json());
    expect(res.json()).toMatchObject({ name: 'Travel card', description: 'for roaming', validFor: { endDateTime: '2030-01-01T00:00:00.000Z' }, isPreferred: true });
    expect((await api.get(`${METHODS}/${a.id}`)).json().isPreferred).toBe(false);
    const [updated] = (await outboxEvents(db, 'payment_method.updated')).filter((e) => e.aggregate_id === b.id);
    expect(updated!.payload).toMatchObject({ changed: ['name', 'description', 'validFrom', 'validTo'] });
    const [moved] = (await outboxEvents(db, 'payment_method.default_changed')).filter((e) => e.aggregate_id === b.id);
    expect(moved!.payload).toMatchObject({ previousDefaultId: a.id, cause: 'set_default' });

    const cleared = await patch(`${METHODS}/${b.id}`, { description: null, validFor: null });
    expect(cleared.statusCode).toBe(200);
    assertCard(cleared.json());
    expect(cleared.json()).not.toHaveProperty('description');
    expect(cleared.json()).not.toHaveProperty('validFor');
  });

  it('refuses unsetting the default, immutable card attributes, inverted periods and removed methods', async () => {
    const a = (await api.post(METHODS, mandatory('CUST-670q'))).json();
    const unset = await patch(`${METHODS}/${a.id}`, { isPreferred: false });
    expect(unset.statusCode).toBe(422);
    expect(unset.json().reason).toBe('payment_method.update.preferred_not_unset');
    const card = await patch(`${METHODS}/${a.id}`, { cardNumber: MASTERCARD });
    expect(card.statusCode).toBe(400);
    const inverted = await patch(`${METHODS}/${a.id}`, { validFor: { startDateTime: '2030-01-01T00:00:00Z', endDateTime: '2029-01-01T00:00:00Z' } });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().reason).toBe('payment_method.update.valid_for_ordered');
    expect((await api.del(`${METHODS}/${a.id}`)).statusCode).toBe(204);
    const removed = await patch(`${METHODS}/${a.id}`, { name: 'x' });
    expect(removed.statusCode).toBe(422);
    expect(removed.json().reason).toBe('payment_method.update.active');
    expect((await patch(`${METHODS}/PM-0000000`, { name: 'x' })).statusCode).toBe(404);
  });

  it('deletes softly: 204, then readable as removed, out of the default list, in status=removed', async () => {
    const a = (await api.post(METHODS, mandatory('CUST-670d2'))).json();
    const res = await api.del(`${METHODS}/${a.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const after = (await api.get(`${METHODS}/${a.id}`)).json();
    assertCard(after);
    expect(after).toMatchObject({ status: 'removed', isPreferred: false });
    expect((await api.get(`${METHODS}?customerId=CUST-670d2`)).json()).toEqual([]);
    expect((await api.get(`${METHODS}?customerId=CUST-670d2&status=removed`)).json().map((m: { id: string }) => m.id)).toEqual([a.id]);
    expect((await api.del(`${METHODS}/${a.id}`)).json().reason).toBe('payment_method.remove.already_removed');
  });
});

describe('TMF670 operations', () => {
  it('our OpenAPI document covers every paymentMethod operation, query parameter and response code of the specification', async () => {
    const doc = (await api.get('/openapi.json')).json();
    expect(diffAgainstSpec(doc, 'TMF670-PaymentMethod-v4.swagger.json', { resources: ['paymentMethod'] })).toEqual([]);
  });
});
