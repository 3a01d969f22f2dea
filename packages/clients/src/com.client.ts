// Typed client of the COM service: TMF622 product orders (create, get, list), the lifecycle steps (submit,
// cancel) and a customer's open orders. Responses are parsed with the @bss/contracts com schemas.
import { com } from '@bss/contracts';
import { createHttpClient, type ClientOptions, type Page } from './http-client.ts';

const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
const CANCELS = '/tmf-api/productOrderingManagement/v4/cancelProductOrder';
const COM_API = '/com-api/v1';
const seg = encodeURIComponent;

/** Filters and paging of the order list. */
export interface OrderListOptions {
  customerId?: string;
  /** TMF622 (`inProgress`) or snake_case (`in_progress`). */
  state?: string;
  offset?: number;
  limit?: number;
}

/** Calls the COM API. */
export interface ComClient {
  /** POST productOrder (TMF622 ProductOrder_Create or the shorthand) → the acknowledged order. */
  create(body: com.ProductOrderCreateBody): Promise<com.ProductOrder>;
  get(orderId: string): Promise<com.ProductOrder>;
  list(q?: OrderListOptions): Promise<Page<com.ProductOrder>>;
  /** The camelCase view (price snapshot, card, subscription, failure cause, stuck flag). */
  getView(orderId: string): Promise<com.Order>;
  /** POST /com-api/v1/order/{id}/submit → in_progress. */
  submit(orderId: string): Promise<com.Order>;
  /** POST /com-api/v1/order/{id}/cancel → cancelled (422 order.cancel.forbidden_after_som_started once SOM started). */
  cancel(orderId: string, reason?: string): Promise<com.Order>;
  /** POST cancelProductOrder (TMF622) → the carried-out request. */
  cancelProductOrder(body: com.CancelProductOrderCreate): Promise<com.CancelProductOrder>;
  /** Ids of the customer's acknowledged or in-progress orders, newest first. */
  listOpenByCustomer(customerId: string): Promise<string[]>;
}

/** Creates a COM client. */
export function createComClient(opts: ClientOptions): ComClient {
  const http = createHttpClient('com', opts);
  return {
    create: (body) => http.request(com.ProductOrder, { method: 'POST', path: ORDERS, body }),
    get: (id) => http.request(com.ProductOrder, { method: 'GET', path: `${ORDERS}/${seg(id)}` }),
    list: (q = {}) => http.requestPage(com.ProductOrder, { method: 'GET', path: ORDERS, query: { ...q } }),
    getView: (id) => http.request(com.Order, { method: 'GET', path: `${COM_API}/order/${seg(id)}` }),
    submit: (id) => http.request(com.Order, { method: 'POST', path: `${COM_API}/order/${seg(id)}/submit` }),
    cancel: (id, reason) => http.request(com.Order, { method: 'POST', path: `${COM_API}/order/${seg(id)}/cancel`, body: reason ? { reason } : {} }),
    cancelProductOrder: (body) => http.request(com.CancelProductOrder, { method: 'POST', path: CANCELS, body }),
    listOpenByCustomer: async (customerId) =>
      (await http.request(com.OpenOrders, { method: 'GET', path: `${COM_API}/customer/${seg(customerId)}/open-orders` })).orderIds,
  };
}
