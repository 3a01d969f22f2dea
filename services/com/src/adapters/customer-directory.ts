// Port to the CRM: "may this customer order, and if not, why?". The production adapter reads the TMF629
// customer's status (so a closed customer is told apart from a suspended one) and asks CRM's own orderability
// rule (GET /crm-api/v1/customer/{id}/orderability: active or pending, and reachable by a contact medium).
import { createHttpClient, NotFoundError, type ClientOptions } from '@bss/clients';
import { z } from 'zod';

/** What COM learns about a customer; `undefined` from the port means the customer does not exist. */
export interface CustomerStanding {
  status: string;
  orderable: boolean;
  /** CRM's refusing rule when not orderable, e.g. `customer.create.requires_contact_medium`. */
  reason?: string | undefined;
  message?: string | undefined;
}

export interface CustomerDirectory {
  getStanding(customerId: string): Promise<CustomerStanding | undefined>;
}

const CustomerStatusView = z.looseObject({ id: z.string(), status: z.string() });
const OrderabilityView = z.looseObject({ orderable: z.boolean(), reason: z.string().optional(), message: z.string().optional() });

/** CustomerDirectory over CRM's HTTP API; 5xx/timeouts raise (→ 503). */
export function createCrmCustomerDirectory(opts: ClientOptions): CustomerDirectory {
  const http = createHttpClient('crm', opts);
  const id = encodeURIComponent;
  return {
    async getStanding(customerId) {
      try {
        const customer = await http.request(CustomerStatusView, { method: 'GET', path: `/tmf-api/customerManagement/v4/customer/${id(customerId)}` });
        const verdict = await http.request(OrderabilityView, { method: 'GET', path: `/crm-api/v1/customer/${id(customerId)}/orderability` });
        return { status: customer.status, orderable: verdict.orderable, reason: verdict.reason, message: verdict.message };
      } catch (err) {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      }
    },
  };
}
