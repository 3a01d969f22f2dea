// Port to the CRM: "does this customer exist, and in which status?". Reads the TMF629 Customer and keeps only
// `id` and `status`, so CRM can grow its shape without breaking the activation.
import { createHttpClient, NotFoundError, type ClientOptions } from '@bss/clients';
import { z } from 'zod';

/** Looks customers up; `undefined` means the customer does not exist. */
export interface CustomerDirectory {
  getCustomerStatus(customerId: string): Promise<string | undefined>;
}

const CustomerStatusView = z.looseObject({ id: z.string(), status: z.string() });

/** CustomerDirectory over `GET /tmf-api/customerManagement/v4/customer/{id}`; 5xx/timeouts raise (→ 503 / retry). */
export function createCrmCustomerDirectory(opts: ClientOptions): CustomerDirectory {
  const http = createHttpClient('crm', opts);
  return {
    async getCustomerStatus(customerId) {
      try {
        const customer = await http.request(CustomerStatusView, { method: 'GET', path: `/tmf-api/customerManagement/v4/customer/${encodeURIComponent(customerId)}` });
        return customer.status;
      } catch (err) {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      }
    },
  };
}
