// Typed client of the subscription service. `listByCustomer` parses only the summary fields (id, customerId,
// state) that CRM's and payment's guards rely on, so those callers keep working against any version of the list.
import { subscription } from '@bss/contracts';
import { z } from 'zod';
import { createHttpClient, type ClientOptions, type Page } from './http-client.ts';

const BASE = '/subscription-api/v1/subscription';
const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';
const seg = (s: string) => encodeURIComponent(s);

/** Calls the subscription API. */
export interface SubscriptionClient {
  /** `GET /subscription?customerId=`: every subscription of the customer, newest first (summary fields). */
  listByCustomer(customerId: string): Promise<subscription.SubscriptionSummary[]>;
  /** `GET /subscription/{id}` with balances. */
  get(subscriptionId: string): Promise<subscription.Subscription>;
  /** `GET /subscription/by-msisdn/{msisdn}`: the line holding the number (not terminated). */
  getByMsisdn(msisdn: string): Promise<subscription.Subscription>;
  /** `GET /subscription/{id}/balance`. */
  balances(subscriptionId: string): Promise<subscription.BundleBalance[]>;
  /** `GET /subscription/{id}/esim`: the eSIM view with its activation code. */
  esim(subscriptionId: string): Promise<subscription.SubscriptionEsim>;
  /** `POST /subscription`: operator create (charges the activation; 422 on a refusal or a declined charge). */
  create(body: subscription.CreateSubscriptionRequest): Promise<subscription.Subscription>;
  /** `POST /subscription/{id}/vas-purchase`: a top-up charged to the card on file (422 on a refusal or decline). */
  purchaseVas(subscriptionId: string, body: subscription.VasPurchaseRequest): Promise<subscription.VasPurchase>;
  /** `POST /subscription/{id}/renew`: a declined charge answers outcome `declined` (the line is blocked). */
  renew(subscriptionId: string): Promise<subscription.RenewalResult>;
  /** `POST /admin-api/v1/renewal/tick-now` (admin): one renewal worker pass. */
  renewalTickNow(): Promise<subscription.RenewalSweepReport>;
  /** `POST /subscription/{id}/terminate`: number released, eSIM returned. */
  terminate(subscriptionId: string, body?: subscription.TerminateRequest): Promise<subscription.Subscription>;
  /** `POST /subscription/{id}/schedule-plan-change`: pivot at the next renewal. */
  schedulePlanChange(subscriptionId: string, newOfferingId: string): Promise<subscription.Subscription>;
  /** `POST /subscription/{id}/cancel-plan-change`. */
  cancelPlanChange(subscriptionId: string): Promise<subscription.Subscription>;
  /** `POST /admin/subscription/migrate-price` (catalog:admin). */
  migratePrice(body: z.input<typeof subscription.PriceMigrationRequest>): Promise<subscription.PriceMigrationResult>;
  /** `GET /tmf-api/customerBillManagement/v4/customerBill?customerId=`: a customer's prepaid receipts, newest first. */
  listReceipts(customerId: string, page?: { offset?: number; limit?: number }): Promise<Page<subscription.CustomerBill>>;
  /** `GET …/customerBill/{id}`: one receipt. */
  getReceipt(billId: string): Promise<subscription.CustomerBill>;
}

/** Creates a subscription client. */
export function createSubscriptionClient(opts: ClientOptions): SubscriptionClient {
  const http = createHttpClient('subscription', opts);
  return {
    listByCustomer: (customerId) => http.request(z.array(subscription.SubscriptionSummary), { method: 'GET', path: BASE, query: { customerId } }),
    get: (id) => http.request(subscription.Subscription, { method: 'GET', path: `${BASE}/${seg(id)}` }),
    getByMsisdn: (msisdn) => http.request(subscription.Subscription, { method: 'GET', path: `${BASE}/by-msisdn/${seg(msisdn)}` }),
    balances: (id) => http.request(z.array(subscription.BundleBalance), { method: 'GET', path: `${BASE}/${seg(id)}/balance` }),
    esim: (id) => http.request(subscription.SubscriptionEsim, { method: 'GET', path: `${BASE}/${seg(id)}/esim` }),
    create: (body) => http.request(subscription.Subscription, { method: 'POST', path: BASE, body }),
    renew: (id) => http.request(subscription.RenewalResult, { method: 'POST', path: `${BASE}/${seg(id)}/renew` }),
    terminate: (id, body = {}) => http.request(subscription.Subscription, { method: 'POST', path: `${BASE}/${seg(id)}/terminate`, body }),
    schedulePlanChange: (id, newOfferingId) => http.request(subscription.Subscription, { method: 'POST', path: `${BASE}/${seg(id)}/schedule-plan-change`, body: { newOfferingId } }),
    cancelPlanChange: (id) => http.request(subscription.Subscription, { method: 'POST', path: `${BASE}/${seg(id)}/cancel-plan-change` }),
    migratePrice: (body) => http.request(subscription.PriceMigrationResult, { method: 'POST', path: '/subscription-api/v1/admin/subscription/migrate-price', body }),
    renewalTickNow: () => http.request(subscription.RenewalSweepReport, { method: 'POST', path: '/admin-api/v1/renewal/tick-now' }),
    listReceipts: (customerId, page = {}) => http.requestPage(subscription.CustomerBill, { method: 'GET', path: BILLS, query: { customerId, ...page } }),
    getReceipt: (id) => http.request(subscription.CustomerBill, { method: 'GET', path: `${BILLS}/${seg(id)}` }),
    purchaseVas: (id, body) => http.request(subscription.VasPurchase, { method: 'POST', path: `${BASE}/${seg(id)}/vas-purchase`, body }),
  };
}
