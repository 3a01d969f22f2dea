// Typed client of the payment service: cards on file and charges, parsed with the payment contracts.
import { payment } from '@bss/contracts';
import { z } from 'zod';
import { createHttpClient, type ClientOptions, type Page } from './http-client.ts';

const METHODS = '/tmf-api/paymentMethod/v4/paymentMethod';
const PAYMENTS = '/tmf-api/paymentManagement/v4/payment';
const enc = encodeURIComponent;

/** Calls the payment API. Charges are never retried here: a decline is an answer, not a failure. */
export interface PaymentClient {
  /** Adds a card: shorthand or TMF670 bankCard (mock provider: the body carries the test card; see AddCardRequest). */
  addCard(body: payment.PaymentMethodCreate): Promise<payment.PaymentMethod>;
  /** The customer's active methods, newest first. */
  listMethods(customerId: string): Promise<payment.PaymentMethod[]>;
  getMethod(paymentMethodId: string): Promise<payment.PaymentMethod>;
  /** Soft-removes a method (204); the default moves to the newest remaining active method. */
  removeMethod(paymentMethodId: string): Promise<void>;
  setDefault(paymentMethodId: string): Promise<payment.PaymentMethod>;
  /** Charges in full or not at all (shorthand or TMF676 Payment_Create); the same key returns the first attempt. */
  charge(body: payment.PaymentCreateBody): Promise<payment.Payment>;
  listPayments(customerId: string, page?: { offset?: number; limit?: number }): Promise<Page<payment.Payment>>;
  countPayments(customerId: string): Promise<number>;
  getPayment(paymentId: string): Promise<payment.Payment>;
}

/** Creates a payment client. */
export function createPaymentClient(opts: ClientOptions): PaymentClient {
  const http = createHttpClient('payment', opts);
  return {
    addCard: (body) => http.request(payment.PaymentMethod, { method: 'POST', path: METHODS, body }),
    listMethods: (customerId) => http.request(z.array(payment.PaymentMethod), { method: 'GET', path: METHODS, query: { customerId } }),
    getMethod: (id) => http.request(payment.PaymentMethod, { method: 'GET', path: `${METHODS}/${enc(id)}` }),
    removeMethod: (id) => http.requestNoContent({ method: 'DELETE', path: `${METHODS}/${enc(id)}` }),
    setDefault: (id) => http.request(payment.PaymentMethod, { method: 'POST', path: `${METHODS}/${enc(id)}/setDefault` }),
    charge: (body) => http.request(payment.Payment, { method: 'POST', path: PAYMENTS, body }),
    listPayments: (customerId, page = {}) =>
      http.requestPage(payment.Payment, {
        method: 'GET',
        path: PAYMENTS,
        query: { customerId, offset: page.offset, limit: page.limit },
      }),
    countPayments: async (customerId) =>
      (await http.request(payment.PaymentCount, { method: 'GET', path: `${PAYMENTS}/count`, query: { customerId } })).count,
    getPayment: (id) => http.request(payment.Payment, { method: 'GET', path: `${PAYMENTS}/${enc(id)}` }),
  };
}
