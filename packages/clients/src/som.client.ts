// Typed client of SOM: the cancel gate COM calls, TMF641 service orders, TMF638 services and SOM's view of the
// service order of a commercial order. Responses are parsed with the contract schemas.
import { som as c } from '@bss/contracts';
import { createHttpClient, type ClientOptions, type Page, type RequestSpec } from './http-client.ts';

const SO = c.TMF641_PATH;
const SERVICE = c.TMF638_PATH;
const seg = (s: string) => encodeURIComponent(s);

/** Creates the SOM client (baseUrl = the SOM service). */
export function createSomClient(opts: ClientOptions) {
  const http = createHttpClient('som', opts);
  const query = (q: object) => q as RequestSpec['query'];
  return {
    /** The cancel gate: `not_started` / `cancelled`, or a PolicyViolationError `order.cancel.forbidden_after_som_started`. */
    cancelForOrder: (orderId: string, body: c.CancelForOrderRequest = {}): Promise<c.CancelForOrderResult> =>
      http.request(c.CancelForOrderResult, { method: 'POST', path: `/som-api/v1/order/${seg(orderId)}/cancel`, body }),
    /** SOM's view of the service order of a commercial order (services, task progress); NotFoundError if none. */
    serviceOrderForOrder: (orderId: string): Promise<c.SomServiceOrder> =>
      http.request(c.SomServiceOrder, { method: 'GET', path: `/som-api/v1/order/${seg(orderId)}/service-order` }),
    getServiceOrder: (id: string): Promise<c.ServiceOrder> => http.request(c.ServiceOrder, { method: 'GET', path: `${SO}/${seg(id)}` }),
    listServiceOrders: (q: Partial<Omit<c.ServiceOrderListQuery, 'fields'>> = {}): Promise<Page<c.ServiceOrder>> =>
      http.requestPage(c.ServiceOrder, { method: 'GET', path: SO, query: query(q) }),
    getService: (id: string): Promise<c.Service> => http.request(c.Service, { method: 'GET', path: `${SERVICE}/${seg(id)}` }),
    listServices: (q: Partial<Omit<c.ServiceListQuery, 'fields'>> = {}): Promise<Page<c.Service>> =>
      http.requestPage(c.Service, { method: 'GET', path: SERVICE, query: query(q) }),
  };
}

/** The SOM client's type. */
export type SomClient = ReturnType<typeof createSomClient>;
